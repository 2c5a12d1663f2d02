-- Server schema v8: every change kg.push takes is applied or refused with a reason a person reads,
-- only for the computer the session signed in on; and each movement says who really sent it and
-- when the server received it, apart from what the computer claims (docs/decisions/0010).

-- Who sent a movement (the session's team member) and when the server received it. recorded_by and
-- recorded_at stay the computer's word: who recorded it, and when by its clock, within the bounds of
-- kg.stamp_movement; claimed_at keeps a claimed time outside them. Rows from before v8 have none.
ALTER TABLE kg.stock_movements ADD COLUMN sent_by uuid, ADD COLUMN received_at timestamptz,
  ADD COLUMN claimed_at timestamptz;

-- Every way in (a push, an upload after a restore) goes through here. A claimed time more than five
-- minutes after the server's clock, or before 2020 (a clock reset to its factory date), is no time
-- the movement was recorded at: it takes the time the server received it, and the claim is kept.
CREATE FUNCTION kg.stamp_movement() RETURNS trigger
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  NEW.received_at := now();
  IF NEW.sent_by IS NULL THEN
    NEW.sent_by := (kg.current_actor()).user_id;
  END IF;
  IF NEW.recorded_at > NEW.received_at + interval '5 minutes' OR NEW.recorded_at < timestamptz '2020-01-01 00:00Z' THEN
    NEW.claimed_at := NEW.recorded_at;
    NEW.recorded_at := NEW.received_at;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER stamp BEFORE INSERT ON kg.stock_movements FOR EACH ROW EXECUTE FUNCTION kg.stamp_movement();

-- Why a change to a deleted item was refused, in the words the computer shows.
CREATE FUNCTION kg.item_deleted_reason(p_what text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT format('This item was deleted, so this %s was not kept.', p_what) $$;

-- The reason a person reads for a change the server could not apply. The server's own messages
-- (KGxxx) are written for people; PostgreSQL's are not, and go to the server's log only.
CREATE FUNCTION kg.refusal_reason(p_state text, p_message text, p_column text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_state LIKE 'KG%' THEN p_message
    WHEN p_state = '23502' THEN format('This change lacks a value it needs (%s).', replace(p_column, '_', ' '))
    WHEN p_state = '23514' THEN 'A value in this change is outside what KitchenGuard allows.'
    WHEN p_state LIKE '22%' THEN 'A value in this change is not in a form the server accepts.'
    WHEN p_state = '23505' THEN 'This change would repeat something the server already holds.'
    WHEN p_state = '23503' THEN 'This change names something the server does not hold.'
    ELSE 'The server could not apply this change.'
  END
$$;

-- Last writer wins per field, in the order the server receives edits; an edit to a deleted item is
-- refused, so the computer that made it says so instead of losing it without a word.
CREATE OR REPLACE FUNCTION kg.apply_item_update(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
BEGIN
  PERFORM kg.require_role(a, true);
  i := kg.own_item(a, (p->>'id')::uuid);
  IF i.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('change to it') USING ERRCODE = 'KG409';
  END IF;
  UPDATE kg.items SET
    name = CASE WHEN p ? 'name' THEN p->>'name' ELSE name END,
    category = CASE WHEN p ? 'category' THEN p->>'category' ELSE category END,
    supplier = CASE WHEN p ? 'supplier' THEN p->>'supplier' ELSE supplier END,
    unit = CASE WHEN p ? 'unit' THEN p->>'unit' ELSE unit END,
    unit_cost = CASE WHEN p ? 'unitCostCents' THEN kg.cents(p, 'unitCostCents') ELSE unit_cost END,
    par = CASE WHEN p ? 'parMilli' THEN kg.milli(p, 'parMilli') ELSE par END,
    updated_by = a.user_id, updated_at = now(), version = v
  WHERE id = i.id;
END $$;

-- Movements are facts: they merge, whoever sent them and in whatever order; one on an item of
-- another restaurant, or a deleted one, is refused.
CREATE OR REPLACE FUNCTION kg.apply_movement(a kg.actor, v bigint, p_device uuid, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  deleted timestamptz;
BEGIN
  SELECT i.deleted_at INTO deleted FROM kg.items i WHERE id = (p->>'itemId')::uuid AND restaurant_id = a.restaurant_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  ELSIF deleted IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('stock change') USING ERRCODE = 'KG409';
  END IF;
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  device_id, version, sent_by)
  VALUES ((p->>'id')::uuid, a.restaurant_id, (p->>'itemId')::uuid, p->>'reason', kg.milli(p, 'quantityMilli'),
          coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, p_device, v, a.user_id)
  ON CONFLICT (id) DO NOTHING;
END $$;

-- Applies one mutation; a failure is recorded with a reason a person reads instead of failing the batch.
CREATE OR REPLACE FUNCTION kg.apply_or_reject(a kg.actor, v bigint, p_device uuid, m jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  state text;
  field text;
  reason text;
BEGIN
  IF jsonb_typeof(m->'args') IS DISTINCT FROM 'object' THEN
    RAISE EXCEPTION 'This change came without its fields.' USING ERRCODE = 'KG422', DETAIL = 'args';
  END IF;
  PERFORM kg.apply_mutation(a, v, p_device, m->>'name', m->'args');
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, field = COLUMN_NAME;
  reason := kg.refusal_reason(state, SQLERRM, field);
  IF state NOT LIKE 'KG%' THEN
    RAISE LOG 'Refused change % of device %: % (SQLSTATE %)', m->>'id', p_device, SQLERRM, state;
  END IF;
  INSERT INTO kg.mutation_rejections (device_id, mutation_id, restaurant_id, name, reason)
  VALUES (p_device, (m->>'id')::bigint, a.restaurant_id, m->>'name', reason);
  RETURN jsonb_build_object('id', (m->>'id')::bigint, 'reason', reason);
END $$;

-- A run of stock movements (a count, a delivery) in one statement. Movements naming no item of the
-- restaurant, or a deleted one, are refused; anything else odd fails the statement and the caller
-- goes one by one.
CREATE OR REPLACE FUNCTION kg.apply_movement_run(a kg.actor, v bigint, p_device uuid, p_run jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  rejected jsonb;
BEGIN
  WITH run AS MATERIALIZED (
    SELECT (m->>'id')::bigint AS mid, m->'args' AS p, i.id AS item_id, i.deleted_at
      FROM jsonb_array_elements(p_run) AS e(m)
      LEFT JOIN kg.items i
        ON i.id = CASE WHEN m->'args'->>'itemId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                       THEN (m->'args'->>'itemId')::uuid END
       AND i.restaurant_id = a.restaurant_id),
  added AS (
    INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                    device_id, version, sent_by)
    SELECT (p->>'id')::uuid, a.restaurant_id, item_id, p->>'reason', kg.milli(p, 'quantityMilli'),
           coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, p_device, v, a.user_id
      FROM run WHERE item_id IS NOT NULL AND deleted_at IS NULL ORDER BY mid
    ON CONFLICT (id) DO NOTHING),
  refused AS (
    INSERT INTO kg.mutation_rejections (device_id, mutation_id, restaurant_id, name, reason)
    SELECT p_device, mid, a.restaurant_id, 'movement.record',
           CASE WHEN item_id IS NULL THEN 'No such item.' ELSE kg.item_deleted_reason('stock change') END
      FROM run WHERE item_id IS NULL OR deleted_at IS NOT NULL
    RETURNING mutation_id, reason)
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', mutation_id, 'reason', reason) ORDER BY mutation_id), '[]')
    INTO rejected FROM refused;
  RETURN rejected;
END $$;

-- Applies a batch of one device's outbox in one transaction, for the session's own computer only.
-- Every change must carry its number (a whole number); one without is no change the server can
-- acknowledge or refuse, so the whole batch is refused. Mutation ids at or below the device's last
-- applied id are skipped (a batch delivered twice applies once); an id that skips ahead is an
-- error; a mutation that fails is recorded with its reason and the batch moves on. Consecutive
-- stock movements go in together; if such a run fails as a whole, its movements go one by one.
CREATE OR REPLACE FUNCTION kg.push(p_device uuid, p_mutations jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  d kg.devices;
  run record;
  m jsonb;
  one jsonb;
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
      -- A movement without its fields goes alone, to be refused with a reason that says so.
      SELECT value AS mutation, (value->>'id')::bigint AS mid,
             value->>'name' = 'movement.record' AND jsonb_typeof(value->'args') = 'object' AS movement
        FROM jsonb_array_elements(p_mutations) WHERE (value->>'id')::bigint > d.last_mutation_id),
    numbered AS (
      SELECT *, row_number() OVER (ORDER BY mid) AS n,
             mid - row_number() OVER (PARTITION BY movement ORDER BY mid) AS run_key FROM fresh)
    SELECT movement, min(mid) AS first_id, max(mid) AS last_id, count(*) AS size, max(n) AS last_n,
           jsonb_agg(mutation ORDER BY mid) AS ms
      FROM numbered GROUP BY movement, run_key ORDER BY min(mid)
  LOOP
    -- Ids must continue exactly where the server stands: no gaps, no jumps.
    IF run.first_id <> applied + 1 OR run.last_id - run.first_id + 1 <> run.size THEN
      RAISE EXCEPTION 'Mutation % skips ahead of %.', run.first_id, applied USING ERRCODE = 'KG412';
    END IF;
    IF run.movement THEN
      BEGIN
        rejected := rejected || kg.apply_movement_run(a, v, p_device, run.ms);
      EXCEPTION WHEN OTHERS THEN
        FOR m IN SELECT value FROM jsonb_array_elements(run.ms) LOOP
          one := kg.apply_or_reject(a, v, p_device, m);
          IF one IS NOT NULL THEN rejected := rejected || one; END IF;
        END LOOP;
      END;
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
