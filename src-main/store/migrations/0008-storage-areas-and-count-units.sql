-- Storage areas (walk-in cooler, dry store, back bar, cellar) under the kitchen or the bar. Archived,
-- never deleted: counts name them. position is a fractional-indexing key: the order within the side.
CREATE TABLE storage_areas (
  id            TEXT PRIMARY KEY,
  restaurant_id TEXT NOT NULL REFERENCES restaurants (id),
  area          TEXT NOT NULL CHECK (area IN ('kitchen', 'bar')),
  name          TEXT NOT NULL,
  position      TEXT NOT NULL,
  archived_at   TEXT,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX storage_areas_restaurant ON storage_areas (restaurant_id, area, position);

-- An item on a storage area's shelf, at a position of its own (one row per placement, so moving one
-- item writes one row). removed_at: taken off the shelf, kept so the removal syncs.
CREATE TABLE shelf_places (
  storage_area_id TEXT NOT NULL REFERENCES storage_areas (id),
  item_id         TEXT NOT NULL REFERENCES items (id),
  restaurant_id   TEXT NOT NULL REFERENCES restaurants (id),
  position        TEXT NOT NULL,
  removed_at      TEXT,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (storage_area_id, item_id)
) WITHOUT ROWID;
CREATE INDEX shelf_places_item ON shelf_places (item_id);

-- An item's count units, as a JSON list of {name, size, step} (shared/count-units.ts).
CREATE TABLE count_units (
  item_id TEXT PRIMARY KEY REFERENCES items (id),
  units   TEXT NOT NULL
);
