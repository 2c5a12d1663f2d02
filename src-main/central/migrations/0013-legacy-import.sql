-- Server schema v13: what the import of the old KitchenGuard brought, row by row. Every old row
-- (a restaurant name, a user, a kitchen or bar item) remembers the row it became and the values it
-- had when last imported, so a second run imports nothing twice and tells what changed in the old
-- database since. Only the administrator who runs the import reads it: no grant, and row-level
-- security with no policy, so even a mistaken grant would show nothing.
CREATE TABLE kg.legacy_rows (
  source        text NOT NULL CHECK (source IN ('restaurants', 'users', 'kitchen_produce', 'bar_supplies')),
  old_id        text NOT NULL,
  new_id        uuid NOT NULL,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  imported      jsonb NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, old_id)
);
CREATE INDEX legacy_rows_restaurant ON kg.legacy_rows (restaurant_id);
ALTER TABLE kg.legacy_rows ENABLE ROW LEVEL SECURITY;
