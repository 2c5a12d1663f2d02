-- "Is this name taken in this area?" is asked on every item created or renamed: answered from an
-- index instead of reading every item of the area. Not UNIQUE: two computers may each create the
-- same name offline, and both must still sync.
CREATE INDEX items_name ON items (restaurant_id, area, lower(name)) WHERE deleted_at IS NULL;
