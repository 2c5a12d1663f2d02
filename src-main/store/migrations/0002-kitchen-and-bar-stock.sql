
CREATE TABLE items (
  id              TEXT PRIMARY KEY,
  restaurant_id   TEXT NOT NULL REFERENCES restaurants (id),
  area            TEXT NOT NULL CHECK (area IN ('kitchen', 'bar')),
  name            TEXT NOT NULL,
  category        TEXT NOT NULL DEFAULT '',
  supplier        TEXT NOT NULL DEFAULT '',
  unit            TEXT NOT NULL,
  unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
  par_milli       INTEGER CHECK (par_milli >= 0),
  created_by      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX items_restaurant_area ON items (restaurant_id, area) WHERE deleted_at IS NULL;

-- seq is this device's arrival order; server_version the central server's order once synced.
CREATE TABLE stock_movements (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT NOT NULL UNIQUE,
  restaurant_id  TEXT NOT NULL REFERENCES restaurants (id),
  item_id        TEXT NOT NULL REFERENCES items (id),
  reason         TEXT NOT NULL CHECK (reason IN ('delivery', 'usage', 'waste', 'correction', 'count')),
  quantity_milli INTEGER NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  server_version INTEGER
);
CREATE INDEX stock_movements_item ON stock_movements (item_id);

CREATE TABLE item_stock (
  item_id       TEXT PRIMARY KEY REFERENCES items (id),
  on_hand_milli INTEGER NOT NULL
);
