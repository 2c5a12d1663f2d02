-- Server schema v14: storage areas under the kitchen or the bar, items on their shelves in shelf
-- order, and items' count units (docs/decisions/0013-shelf-order.md).

-- Archived, never deleted: counts name them. position orders them within their side: a
-- fractional-indexing key, compared byte by byte (COLLATE "C"), as every computer compares it.
CREATE TABLE kg.storage_areas (
  id            uuid PRIMARY KEY,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  area          text NOT NULL CHECK (area IN ('kitchen', 'bar')),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  position      text COLLATE "C" NOT NULL CHECK (position ~ '^[A-Za-z][0-9A-Za-z]{0,199}$'),
  archived_at   timestamptz,
  created_by    uuid NOT NULL,
  updated_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL
);
CREATE INDEX storage_areas_restaurant_version ON kg.storage_areas (restaurant_id, version);

-- One row per item on a shelf: moving an item rewrites its row only, so two people ordering
-- different shelves (or different items) never overwrite each other. The last move the server
-- receives of one row wins; equal keys are ordered by item id on every computer.
CREATE TABLE kg.shelf_places (
  storage_area_id uuid NOT NULL REFERENCES kg.storage_areas,
  item_id         uuid NOT NULL REFERENCES kg.items,
  restaurant_id   uuid NOT NULL REFERENCES kg.restaurants,
  position        text COLLATE "C" NOT NULL CHECK (position ~ '^[A-Za-z][0-9A-Za-z]{0,199}$'),
  removed_at      timestamptz,
  updated_by      uuid NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL,
  PRIMARY KEY (storage_area_id, item_id)
);
CREATE INDEX shelf_places_restaurant_version ON kg.shelf_places (restaurant_id, version);

-- At most six units of 1 to 20 characters, each holding a positive number of stock units (three
-- decimals, at most a billion), counted whole or in parts (step); shared/count-units.ts checks the rest.
CREATE FUNCTION kg.is_count_unit(u jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
BEGIN
  -- Each test only once the ones before it hold: SQL's OR promises no order.
  IF jsonb_typeof(u) IS DISTINCT FROM 'object'
     OR EXISTS (SELECT 1 FROM jsonb_object_keys(u) AS k WHERE k NOT IN ('name', 'size', 'step'))
     OR jsonb_typeof(u->'name') IS DISTINCT FROM 'string' OR jsonb_typeof(u->'size') IS DISTINCT FROM 'string'
     OR coalesce(jsonb_typeof(u->'step'), 'null') NOT IN ('string', 'null') THEN
    RETURN false;
  END IF;
  IF length(u->>'name') NOT BETWEEN 1 AND 20 OR u->>'size' !~ '^[0-9]{1,12}(\.[0-9]{1,3})?$'
     OR coalesce(u->>'step', '1') !~ '^[0-9]{1,12}(\.[0-9]{1,3})?$' THEN
    RETURN false;
  END IF;
  RETURN (u->>'size')::numeric BETWEEN 0.001 AND 999999999.999 AND coalesce((u->>'step')::numeric, 1) BETWEEN 0.001 AND 1;
END $$;

CREATE FUNCTION kg.is_count_unit_list(p jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
  SELECT CASE WHEN jsonb_typeof(p) = 'array'
              THEN jsonb_array_length(p) <= 6 AND NOT EXISTS (
                     SELECT 1 FROM jsonb_array_elements(p) AS e(u) WHERE NOT kg.is_count_unit(u))
              ELSE false END
$$;

CREATE TABLE kg.count_units (
  item_id       uuid PRIMARY KEY REFERENCES kg.items,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  units         jsonb NOT NULL CHECK (kg.is_count_unit_list(units)),
  updated_by    uuid NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL
);
CREATE INDEX count_units_restaurant_version ON kg.count_units (restaurant_id, version);

ALTER TABLE kg.storage_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.storage_areas USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.shelf_places ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.shelf_places USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.count_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.count_units USING (restaurant_id = (SELECT kg.session_restaurant()));

CREATE FUNCTION kg.require_storage_manager(a kg.actor) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF a.role NOT IN ('owner', 'manager') THEN
    RAISE EXCEPTION 'Only an owner or a manager can change the storage areas.' USING ERRCODE = 'KG403';
  END IF;
END $$;

-- A storage area of the actor's restaurant, locked for the change; another restaurant's does not exist.
CREATE FUNCTION kg.own_storage_area(a kg.actor, p_id uuid) RETURNS kg.storage_areas
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  s kg.storage_areas;
BEGIN
  SELECT * INTO s FROM kg.storage_areas WHERE id = p_id AND restaurant_id = a.restaurant_id FOR UPDATE;
  IF s.id IS NULL THEN
    RAISE EXCEPTION 'No such storage area.' USING ERRCODE = 'KG404';
  END IF;
  RETURN s;
END $$;

CREATE FUNCTION kg.apply_storage_area_create(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  PERFORM kg.require_storage_manager(a);
  IF EXISTS (SELECT 1 FROM kg.storage_areas WHERE id = (p->>'id')::uuid AND restaurant_id <> a.restaurant_id) THEN
    RAISE EXCEPTION 'No such storage area.' USING ERRCODE = 'KG404';
  END IF;
  INSERT INTO kg.storage_areas (id, restaurant_id, area, name, position, created_by, updated_by, version)
  VALUES ((p->>'id')::uuid, a.restaurant_id, p->>'area', p->>'name', p->>'position', a.user_id, a.user_id, v)
  ON CONFLICT (id) DO NOTHING;
END $$;

-- Last writer wins per field, in the order the server receives edits.
CREATE FUNCTION kg.apply_storage_area_update(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  s kg.storage_areas;
BEGIN
  PERFORM kg.require_storage_manager(a);
  s := kg.own_storage_area(a, (p->>'id')::uuid);
  UPDATE kg.storage_areas SET
    name = CASE WHEN p ? 'name' THEN p->>'name' ELSE name END,
    position = CASE WHEN p ? 'position' THEN p->>'position' ELSE position END,
    archived_at = CASE WHEN NOT p ? 'archived' THEN archived_at
                       WHEN (p->>'archived')::boolean THEN coalesce(archived_at, now()) END,
    updated_by = a.user_id, updated_at = now(), version = v
  WHERE id = s.id;
END $$;

-- An item of the restaurant, not deleted, on a shelf of its own side (kitchen or bar).
CREATE FUNCTION kg.shelf_for(a kg.actor, p jsonb) RETURNS kg.storage_areas
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  s kg.storage_areas := kg.own_storage_area(a, (p->>'storageAreaId')::uuid);
  i kg.items;
BEGIN
  SELECT * INTO i FROM kg.items WHERE id = (p->>'itemId')::uuid AND restaurant_id = a.restaurant_id;
  IF i.id IS NULL THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  ELSIF i.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('change of its shelf') USING ERRCODE = 'KG409';
  ELSIF i.area <> s.area THEN
    RAISE EXCEPTION 'A % item goes in a % storage area.', i.area, i.area USING ERRCODE = 'KG422';
  END IF;
  RETURN s;
END $$;

CREATE FUNCTION kg.apply_shelf_place(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  s kg.storage_areas := kg.shelf_for(a, p);
BEGIN
  INSERT INTO kg.shelf_places (storage_area_id, item_id, restaurant_id, position, updated_by, version)
  VALUES (s.id, (p->>'itemId')::uuid, a.restaurant_id, p->>'position', a.user_id, v)
  ON CONFLICT (storage_area_id, item_id) DO UPDATE SET position = excluded.position, removed_at = NULL,
    updated_by = excluded.updated_by, updated_at = now(), version = v;
END $$;

CREATE FUNCTION kg.apply_shelf_remove(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  s kg.storage_areas := kg.own_storage_area(a, (p->>'storageAreaId')::uuid);
BEGIN
  UPDATE kg.shelf_places SET removed_at = now(), updated_by = a.user_id, updated_at = now(), version = v
   WHERE storage_area_id = s.id AND item_id = (p->>'itemId')::uuid AND removed_at IS NULL;
END $$;

CREATE FUNCTION kg.apply_count_units(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
BEGIN
  PERFORM kg.require_role(a, true);
  i := kg.own_item(a, (p->>'itemId')::uuid);
  IF i.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('change to it') USING ERRCODE = 'KG409';
  END IF;
  INSERT INTO kg.count_units (item_id, restaurant_id, units, updated_by, version)
  VALUES (i.id, a.restaurant_id, p->'units', a.user_id, v)
  ON CONFLICT (item_id) DO UPDATE SET units = excluded.units, updated_by = excluded.updated_by, updated_at = now(),
    version = v;
END $$;

CREATE OR REPLACE FUNCTION kg.apply_mutation(a kg.actor, v bigint, p_device uuid, p_name text, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  CASE p_name
    WHEN 'movement.record' THEN PERFORM kg.apply_movement(a, v, p_device, p);
    WHEN 'item.create' THEN PERFORM kg.apply_item_create(a, v, p);
    WHEN 'item.update' THEN PERFORM kg.apply_item_update(a, v, p);
    WHEN 'item.delete' THEN PERFORM kg.apply_item_delete(a, v, p);
    WHEN 'storageArea.create' THEN PERFORM kg.apply_storage_area_create(a, v, p);
    WHEN 'storageArea.update' THEN PERFORM kg.apply_storage_area_update(a, v, p);
    WHEN 'shelf.place' THEN PERFORM kg.apply_shelf_place(a, v, p);
    WHEN 'shelf.remove' THEN PERFORM kg.apply_shelf_remove(a, v, p);
    WHEN 'countUnits.set' THEN PERFORM kg.apply_count_units(a, v, p);
    WHEN 'user.update' THEN
      IF (p->>'id')::uuid <> a.user_id THEN
        RAISE EXCEPTION 'Only the user can edit their own profile.' USING ERRCODE = 'KG403';
      END IF;
      PERFORM kg.apply_profile(a.user_id, a.restaurant_id, p - 'role' - 'isActive' - 'username', v);
    ELSE
      RAISE EXCEPTION 'Unknown change "%".', p_name USING ERRCODE = 'KG422';
  END CASE;
END $$;

-- What a computer holds of the restaurant's storage (a join, a resync after a restore): what the
-- server lacks is added, what it holds stays as it is. Owners and managers bring up storage areas
-- and count units; anyone the shelves, of the restaurant's own storage areas and items.
CREATE FUNCTION kg.upload_storage(p_areas jsonb, p_places jsonb, p_units jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  manager boolean := a.role IN ('owner', 'manager');
  n integer;
  added integer := 0;
BEGIN
  IF manager THEN
    INSERT INTO kg.storage_areas (id, restaurant_id, area, name, position, archived_at, created_by, updated_by,
                                  updated_at, version)
    SELECT (p->>'id')::uuid, a.restaurant_id, p->>'area', p->>'name', p->>'position',
           (p->>'archivedAt')::timestamptz, (p->>'updatedBy')::uuid, (p->>'updatedBy')::uuid,
           (p->>'updatedAt')::timestamptz, v
      FROM jsonb_array_elements(p_areas) AS e(p)
    ON CONFLICT (id) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    added := added + n;
    INSERT INTO kg.count_units (item_id, restaurant_id, units, updated_by, version)
    SELECT i.id, a.restaurant_id, p->'units', a.user_id, v
      FROM jsonb_array_elements(p_units) AS e(p)
      JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
    ON CONFLICT (item_id) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    added := added + n;
  END IF;
  INSERT INTO kg.shelf_places (storage_area_id, item_id, restaurant_id, position, removed_at, updated_by,
                               updated_at, version)
  SELECT s.id, i.id, a.restaurant_id, p->>'position', (p->>'removedAt')::timestamptz, a.user_id,
         (p->>'updatedAt')::timestamptz, v
    FROM jsonb_array_elements(p_places) AS e(p)
    JOIN kg.storage_areas s ON s.id = (p->>'storageAreaId')::uuid AND s.restaurant_id = a.restaurant_id
    JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id AND i.area = s.area
  ON CONFLICT (storage_area_id, item_id) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN added + n;
END $$;
