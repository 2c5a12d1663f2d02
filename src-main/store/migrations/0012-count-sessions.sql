-- Count sessions (issue 9 §4). A count lists the items of the kitchen, the bar or both (full), or of
-- chosen storage areas and categories (partial); lists are JSON. as_of NULL: each line as of when it
-- was counted. status: open → submitted → approved or abandoned (then read-only, kept in history).
CREATE TABLE counts (
  id               TEXT PRIMARY KEY,
  restaurant_id    TEXT NOT NULL REFERENCES restaurants (id),
  areas            TEXT NOT NULL,
  scope            TEXT NOT NULL CHECK (scope IN ('full', 'partial')),
  storage_area_ids TEXT NOT NULL,
  categories       TEXT NOT NULL,
  as_of            TEXT,
  blind            INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'abandoned')),
  -- Lines the reviewer asked to be counted again: JSON [{itemId, storageAreaId}].
  recount          TEXT NOT NULL DEFAULT '[]',
  started_by       TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  submitted_at     TEXT,
  closed_by        TEXT,
  closed_at        TEXT
);
CREATE INDEX counts_restaurant ON counts (restaurant_id, started_at);

-- Append-only: a line's quantity is folded from its entries (set, add; a manager's settle), and an
-- undo is a 'void' entry naming the entry it undoes. Who, which computer, when (occurred_at on the
-- server's clock as this computer knew it, recorded_at by its own, received_at the server's).
CREATE TABLE count_entries (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  count_id        TEXT NOT NULL REFERENCES counts (id),
  item_id         TEXT NOT NULL,
  storage_area_id TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('set', 'add', 'settle', 'void')),
  quantity_milli  INTEGER NOT NULL CHECK (quantity_milli >= 0),
  parts           TEXT NOT NULL DEFAULT '[]',
  voids           TEXT,
  counted_by      TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  occurred_at     TEXT NOT NULL,
  clock_offset_ms INTEGER,
  received_at     TEXT
);
-- A line's entries (a save answers with its line), and a counter's latest (their next comes after it).
CREATE INDEX count_entries_line ON count_entries (count_id, item_id, storage_area_id);
CREATE INDEX count_entries_counter ON count_entries (count_id, counted_by, occurred_at);

-- What an approval posted per item: its count movement.
CREATE TABLE count_results (
  count_id       TEXT NOT NULL REFERENCES counts (id),
  item_id        TEXT NOT NULL,
  movement_id    TEXT NOT NULL,
  quantity_milli INTEGER NOT NULL,
  occurred_at    TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('counted', 'zero')),
  PRIMARY KEY (count_id, item_id)
) WITHOUT ROWID;
CREATE INDEX count_results_item ON count_results (item_id, occurred_at);
