-- What each row brought over from the old KitchenGuard became on this computer (the desktop import,
-- src-main/legacy/), with its values as imported: a later import compares them and writes only what
-- changed in the old database, so running it again imports nothing twice. Never synced.
CREATE TABLE legacy_rows (
  source        TEXT NOT NULL,
  old_id        TEXT NOT NULL,
  new_id        TEXT NOT NULL,
  restaurant_id TEXT NOT NULL REFERENCES restaurants (id),
  imported      TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  PRIMARY KEY (source, old_id)
);
CREATE INDEX legacy_rows_restaurant ON legacy_rows (restaurant_id);
