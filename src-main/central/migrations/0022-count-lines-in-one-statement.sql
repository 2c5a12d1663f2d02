-- Server schema v22: a run of count lines goes in as one statement, as a run of stock movements does
-- (v8). One at a time, each in its own subtransaction with its own checks, a 2,000-line count took
-- seconds to push. Only plain lines (set, add) take this way, of counts not closed, for live items of
-- the count's areas, in storage areas of the item's area; anything else fails the statement and the
-- caller goes line by line (kg.apply_count_enter), which keeps or refuses each with its reason.
CREATE FUNCTION kg.apply_count_line_run(a kg.actor, v bigint, p_device uuid, p_run jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  fit boolean;
BEGIN
  -- Shared locks, as one line takes (kg.own_count): an approval waits for the lines before it.
  PERFORM 1 FROM kg.counts
   WHERE restaurant_id = a.restaurant_id
     AND id IN (SELECT (m->'args'->>'countId')::uuid FROM jsonb_array_elements(p_run) AS e(m))
   ORDER BY id FOR SHARE;
  SELECT bool_and(coalesce(c.status IN ('open', 'submitted') AND c.areas ? i.area AND i.deleted_at IS NULL
                           AND m->'args'->>'kind' IN ('set', 'add')
                           AND (m->'args'->>'storageAreaId' IS NULL OR s.id IS NOT NULL), false))
    INTO fit
    FROM jsonb_array_elements(p_run) AS e(m)
    LEFT JOIN kg.counts c ON c.id = (m->'args'->>'countId')::uuid AND c.restaurant_id = a.restaurant_id
    LEFT JOIN kg.items i ON i.id = (m->'args'->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
    LEFT JOIN kg.storage_areas s
      ON s.id = (m->'args'->>'storageAreaId')::uuid AND s.restaurant_id = a.restaurant_id AND s.area = i.area;
  IF NOT fit THEN
    RAISE EXCEPTION 'A line of this run needs its own checks.' USING ERRCODE = 'KG422';
  END IF;
  INSERT INTO kg.count_entries (id, count_id, restaurant_id, item_id, storage_area_id, kind, quantity, parts, voids,
                                counted_by, device_id, recorded_at, occurred_at, clock_offset_ms, version)
  SELECT (p->>'id')::uuid, (p->>'countId')::uuid, a.restaurant_id, (p->>'itemId')::uuid,
         (p->>'storageAreaId')::uuid, p->>'kind', kg.milli(p, 'quantityMilli'), coalesce(p->'parts', '[]'), (p->>'voids')::uuid,
         a.user_id, p_device, (p->>'at')::timestamptz, kg.bounded_time((p->>'occurredAt')::timestamptz),
         (p->>'clockOffsetMs')::integer, v
    FROM jsonb_array_elements(p_run) AS e(m), LATERAL (SELECT m->'args' AS p) AS args
   ORDER BY (m->>'id')::bigint
  ON CONFLICT (id) DO NOTHING;
END $$;

-- A run of stock movements or of count lines in one statement: what it refused, or NULL when the run
-- must go one by one (it failed as a whole).
CREATE FUNCTION kg.apply_run(a kg.actor, v bigint, p_device uuid, p_way text, p_run jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF p_way = 'movement.record' THEN
    RETURN kg.apply_movement_run(a, v, p_device, p_run);
  END IF;
  PERFORM kg.apply_count_line_run(a, v, p_device, p_run);
  RETURN '[]';
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- As in v8, but a run of count lines goes in together too; if it fails as a whole, one by one.
CREATE OR REPLACE FUNCTION kg.push(p_device uuid, p_mutations jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  d kg.devices;
  run record;
  m jsonb;
  one jsonb;
  together jsonb;
  rejected jsonb := '[]';
  applied bigint;
BEGIN
  IF jsonb_typeof(p_mutations) IS DISTINCT FROM 'array' OR EXISTS (
       SELECT 1 FROM jsonb_array_elements(p_mutations) AS e(change)
        WHERE jsonb_typeof(change) <> 'object' OR jsonb_typeof(change->'id') IS DISTINCT FROM 'number'
           OR change->>'id' !~ '^[1-9][0-9]{0,17}$') THEN
    RAISE EXCEPTION 'Every change needs its number (id), a whole number from 1.' USING ERRCODE = 'KG422', DETAIL = 'id';
  END IF;
  INSERT INTO kg.devices (id, restaurant_id) VALUES (p_device, a.restaurant_id) ON CONFLICT (id) DO NOTHING;
  SELECT * INTO d FROM kg.devices WHERE id = p_device FOR UPDATE;
  IF d.restaurant_id <> a.restaurant_id THEN
    RAISE EXCEPTION 'This device belongs to another restaurant.' USING ERRCODE = 'KG403';
  END IF;
  -- Another computer's id is readable: pushing under it would move that computer's place in the
  -- queue ahead, and its next changes would be taken as applied and dropped.
  IF NOT EXISTS (SELECT 1 FROM kg.sessions WHERE id = a.session_id AND device_id = p_device) THEN
    RAISE EXCEPTION 'A computer can only send its own changes.' USING ERRCODE = 'KG403';
  END IF;
  applied := d.last_mutation_id;
  FOR run IN
    WITH fresh AS (
      -- A change without its fields goes alone, to be refused with a reason that says so.
      SELECT value AS mutation, (value->>'id')::bigint AS mid,
             CASE WHEN jsonb_typeof(value->'args') = 'object' AND value->>'name' IN ('movement.record', 'count.enter')
                  THEN value->>'name' ELSE 'alone' END AS way
        FROM jsonb_array_elements(p_mutations) WHERE (value->>'id')::bigint > d.last_mutation_id),
    numbered AS (
      SELECT *, mid - row_number() OVER (PARTITION BY way ORDER BY mid) AS run_key FROM fresh)
    SELECT way, min(mid) AS first_id, max(mid) AS last_id, count(*) AS size, jsonb_agg(mutation ORDER BY mid) AS ms
      FROM numbered GROUP BY way, run_key ORDER BY min(mid)
  LOOP
    -- Ids must continue exactly where the server stands: no gaps, no jumps.
    IF run.first_id <> applied + 1 OR run.last_id - run.first_id + 1 <> run.size THEN
      RAISE EXCEPTION 'Mutation % skips ahead of %.', run.first_id, applied USING ERRCODE = 'KG412';
    END IF;
    together := CASE WHEN run.way <> 'alone' THEN kg.apply_run(a, v, p_device, run.way, run.ms) END;
    IF together IS NOT NULL THEN
      rejected := rejected || together;
    ELSE
      FOR m IN SELECT value FROM jsonb_array_elements(run.ms) LOOP
        one := kg.apply_or_reject(a, v, p_device, m);
        IF one IS NOT NULL THEN rejected := rejected || one; END IF;
      END LOOP;
    END IF;
    applied := run.last_id;
  END LOOP;
  UPDATE kg.devices SET last_mutation_id = applied, last_seen_at = now() WHERE id = p_device;
  RETURN jsonb_build_object('lastMutationId', applied, 'version', v, 'rejected', rejected);
END $$;
