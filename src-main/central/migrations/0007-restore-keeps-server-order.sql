-- Server schema v7: after a restore from a backup, what devices bring back takes the place the
-- server once gave it, never a place a device clock or the order of uploads decides
-- (docs/decisions/0009-restore-keeps-server-order.md).

-- Each restore starts a new era of the server's order: its sequences jump to the next multiple of
-- 10^12, so what is made after the restore comes after everything made before it, including what
-- the backup lacks and devices bring back later, and no place a device knows is handed out again.
CREATE FUNCTION kg.start_era(p_seq regclass) RETURNS void
LANGUAGE sql SET search_path = kg, public, pg_temp AS $$
  SELECT setval(p_seq, (coalesce(pg_sequence_last_value(p_seq), 0) / 1000000000000 + 1) * 1000000000000)
$$;

-- Which edit last set each field of an item, in the server's order: {"name": 17, "unit": 12, …}.
-- Rows already there have none ({}: before every stamp), as the computers that pulled them; a new
-- item has every field set by its creation, unless an upload brings the stamps it once had.
CREATE SEQUENCE kg.item_edit_seq;
CREATE FUNCTION kg.every_field_at(s bigint) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('name', s, 'category', s, 'supplier', s, 'unit', s, 'unitCostCents', s, 'parMilli', s)
$$;
ALTER TABLE kg.items ADD COLUMN edit_seqs jsonb NOT NULL DEFAULT '{}';
ALTER TABLE kg.items ALTER COLUMN edit_seqs SET DEFAULT kg.every_field_at(nextval('kg.item_edit_seq'));

-- The restore procedure (server:setup --after-restore): a new generation and a new era.
CREATE FUNCTION kg.after_restore() RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  UPDATE kg.server_info SET generation = gen_random_uuid();
  PERFORM kg.start_era('kg.stock_movements_seq_seq');
  PERFORM kg.start_era('kg.item_edit_seq');
END $$;

-- Every change of an item stamps the fields it changes with the next edit number. An upload that
-- brings the stamps the server once gave (a changed edit_seqs) is taken as it is.
CREATE FUNCTION kg.stamp_item_edit() RETURNS trigger
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  fields text[] := array_remove(ARRAY[
    CASE WHEN NEW.name IS DISTINCT FROM OLD.name THEN 'name' END,
    CASE WHEN NEW.category IS DISTINCT FROM OLD.category THEN 'category' END,
    CASE WHEN NEW.supplier IS DISTINCT FROM OLD.supplier THEN 'supplier' END,
    CASE WHEN NEW.unit IS DISTINCT FROM OLD.unit THEN 'unit' END,
    CASE WHEN NEW.unit_cost IS DISTINCT FROM OLD.unit_cost THEN 'unitCostCents' END,
    CASE WHEN NEW.par IS DISTINCT FROM OLD.par THEN 'parMilli' END], NULL);
  s bigint;
BEGIN
  IF cardinality(fields) > 0 AND NEW.edit_seqs IS NOT DISTINCT FROM OLD.edit_seqs THEN
    s := nextval('kg.item_edit_seq');
    NEW.edit_seqs := NEW.edit_seqs || (SELECT jsonb_object_agg(f, s) FROM unnest(fields) AS f);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER stamp_item_edit BEFORE UPDATE ON kg.items
  FOR EACH ROW EXECUTE FUNCTION kg.stamp_item_edit();

-- The stamps of an uploaded item this server can believe: field names it knows, numbers it has
-- handed out (a stamp beyond them would win over every later edit).
CREATE FUNCTION kg.known_edits(p jsonb) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce(jsonb_object_agg(key, value), '{}')
    FROM jsonb_each(coalesce(p, '{}'))
   WHERE key IN ('name', 'category', 'supplier', 'unit', 'unitCostCents', 'parMilli')
     AND jsonb_typeof(value) = 'number'
     AND value::numeric BETWEEN 1 AND coalesce(pg_sequence_last_value('kg.item_edit_seq'), 0)
$$;

CREATE FUNCTION kg.edit_of(p jsonb, p_field text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce((p->>p_field)::bigint, 0) $$;

-- Per field, the later of two sets of stamps.
CREATE FUNCTION kg.later_edits(p_a jsonb, p_b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce(jsonb_object_agg(k, greatest(kg.edit_of(p_a, k), kg.edit_of(p_b, k))), '{}')
    FROM (SELECT jsonb_object_keys(p_a) UNION SELECT jsonb_object_keys(p_b)) AS keys(k)
$$;

CREATE FUNCTION kg.last_edit(p jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(max(value::bigint), 0) FROM jsonb_each_text(p) $$;

-- Items the device holds. A row the server lacks is added with its stamps; for one it holds, each
-- field takes the device's value where the device's stamp is later (the backup lacks that edit).
-- A delete stays a delete. Only owners and managers shape the item list: for staff, none.
CREATE OR REPLACE FUNCTION kg.upload_items(p_items jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint;
  added integer;
BEGIN
  IF a.role NOT IN ('owner', 'manager') THEN
    RETURN 0;
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_items) e JOIN kg.items i ON i.id = (e.value->>'id')::uuid
              WHERE i.restaurant_id <> a.restaurant_id) THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  END IF;
  v := kg.next_version(a.restaurant_id);
  INSERT INTO kg.items AS i (id, restaurant_id, area, name, category, supplier, unit, unit_cost, par, created_by,
                             updated_by, created_at, updated_at, deleted_at, version, edit_seqs)
  SELECT (p->>'id')::uuid, a.restaurant_id, p->>'area', p->>'name', coalesce(p->>'category', ''),
         coalesce(p->>'supplier', ''), p->>'unit', kg.cents(p, 'unitCostCents'), kg.milli(p, 'parMilli'),
         (p->>'createdBy')::uuid, (p->>'updatedBy')::uuid, (p->>'createdAt')::timestamptz,
         (p->>'updatedAt')::timestamptz, (p->>'deletedAt')::timestamptz, v, kg.known_edits(p->'editSeqs')
    FROM jsonb_array_elements(p_items) AS e(p)
  ON CONFLICT (id) DO UPDATE SET
    name = CASE WHEN kg.edit_of(excluded.edit_seqs, 'name') > kg.edit_of(i.edit_seqs, 'name')
                THEN excluded.name ELSE i.name END,
    category = CASE WHEN kg.edit_of(excluded.edit_seqs, 'category') > kg.edit_of(i.edit_seqs, 'category')
                    THEN excluded.category ELSE i.category END,
    supplier = CASE WHEN kg.edit_of(excluded.edit_seqs, 'supplier') > kg.edit_of(i.edit_seqs, 'supplier')
                    THEN excluded.supplier ELSE i.supplier END,
    unit = CASE WHEN kg.edit_of(excluded.edit_seqs, 'unit') > kg.edit_of(i.edit_seqs, 'unit')
                THEN excluded.unit ELSE i.unit END,
    unit_cost = CASE WHEN kg.edit_of(excluded.edit_seqs, 'unitCostCents') > kg.edit_of(i.edit_seqs, 'unitCostCents')
                     THEN excluded.unit_cost ELSE i.unit_cost END,
    par = CASE WHEN kg.edit_of(excluded.edit_seqs, 'parMilli') > kg.edit_of(i.edit_seqs, 'parMilli')
               THEN excluded.par ELSE i.par END,
    updated_by = CASE WHEN kg.last_edit(excluded.edit_seqs) > kg.last_edit(i.edit_seqs)
                      THEN excluded.updated_by ELSE i.updated_by END,
    updated_at = CASE WHEN kg.last_edit(excluded.edit_seqs) > kg.last_edit(i.edit_seqs)
                      THEN excluded.updated_at ELSE i.updated_at END,
    deleted_at = coalesce(i.deleted_at, excluded.deleted_at),
    edit_seqs = kg.later_edits(i.edit_seqs, excluded.edit_seqs),
    version = excluded.version
  WHERE kg.later_edits(i.edit_seqs, excluded.edit_seqs) <> i.edit_seqs
     OR (i.deleted_at IS NULL AND excluded.deleted_at IS NOT NULL);
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;

-- Movements brought back by an upload take the places the server once gave them ({id, seq}, as
-- the device pulled them): an earlier place, free, and one the server's sequence has passed, so it
-- is never handed out again. Owners and managers place everyone's movements; staff their own.
CREATE FUNCTION kg.place_movements(p_places jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  passed bigint := coalesce(pg_sequence_last_value('kg.stock_movements_seq_seq'), 0);
  moved integer;
BEGIN
  UPDATE kg.stock_movements m SET seq = p.seq, version = v
    FROM (SELECT (e->>'id')::uuid AS id, (e->>'seq')::bigint AS seq FROM jsonb_array_elements(p_places) AS e) AS p
   WHERE m.id = p.id AND m.restaurant_id = a.restaurant_id AND p.seq < m.seq AND p.seq <= passed
     AND (a.role IN ('owner', 'manager') OR m.recorded_by = a.user_id)
     AND NOT EXISTS (SELECT 1 FROM kg.stock_movements o WHERE o.seq = p.seq);
  GET DIAGNOSTICS moved = ROW_COUNT;
  RETURN moved;
END $$;
