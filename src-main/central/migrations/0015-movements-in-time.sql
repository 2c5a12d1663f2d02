-- Server schema v15: stock in the order things happened (docs/decisions/0013). Each movement
-- carries when it happened (occurred_at) apart from when the computer recorded it (recorded_at) and
-- when the server received it (received_at), and the offset to the server's clock the computer
-- corrected its time by. On-hand is the latest count by occurred_at plus every other movement that
-- occurred after it; at one instant a count comes last, and counts follow their ids. Movements
-- stored before v15 happened when they were recorded.
ALTER TABLE kg.stock_movements ADD COLUMN occurred_at timestamptz, ADD COLUMN clock_offset_ms integer,
  ADD COLUMN claimed_occurred_at timestamptz;
-- Milliseconds: what every computer holds and orders by, so the server orders alike.
UPDATE kg.stock_movements SET occurred_at = date_trunc('milliseconds', recorded_at);
ALTER TABLE kg.stock_movements ALTER COLUMN occurred_at SET NOT NULL;

-- An item's latest count and what occurred after it come from indexes, not its whole history.
CREATE INDEX stock_movements_item_time ON kg.stock_movements (item_id, occurred_at);
CREATE INDEX stock_movements_item_counts ON kg.stock_movements (item_id, occurred_at DESC, id DESC)
  WHERE reason = 'count';

CREATE OR REPLACE VIEW kg.item_stock WITH (security_invoker = true) AS
SELECT i.id AS item_id, i.restaurant_id,
       coalesce(lc.quantity, 0) + coalesce((
         SELECT sum(m.quantity) FROM kg.stock_movements m
          WHERE m.item_id = i.id AND m.reason <> 'count'
            AND (lc.occurred_at IS NULL OR m.occurred_at > lc.occurred_at)), 0) AS on_hand
  FROM kg.items i
  LEFT JOIN LATERAL (
    SELECT c.occurred_at, c.quantity FROM kg.stock_movements c
     WHERE c.item_id = i.id AND c.reason = 'count' ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1) lc ON true;

-- As in v8, and: a movement that says nothing of when it happened (one queued before v15) happened
-- when it was recorded. A time it happened in the past is a fact (a delivery entered after it
-- arrived); one more than five minutes after the server's clock, or before 2020, is no such time: it
-- takes the time the server received it, and the claim is kept in claimed_occurred_at.
CREATE OR REPLACE FUNCTION kg.stamp_movement() RETURNS trigger
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
  NEW.occurred_at := date_trunc('milliseconds', coalesce(NEW.occurred_at, NEW.recorded_at));
  IF NEW.occurred_at > NEW.received_at + interval '5 minutes' OR NEW.occurred_at < timestamptz '2020-01-01 00:00Z' THEN
    NEW.claimed_occurred_at := NEW.occurred_at;
    NEW.occurred_at := date_trunc('milliseconds', NEW.received_at);
  END IF;
  RETURN NEW;
END $$;

-- As in v8, with when each movement happened and the clock offset it was corrected by.
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
                                  occurred_at, clock_offset_ms, device_id, version, sent_by)
  VALUES ((p->>'id')::uuid, a.restaurant_id, (p->>'itemId')::uuid, p->>'reason', kg.milli(p, 'quantityMilli'),
          coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, (p->>'occurredAt')::timestamptz,
          (p->>'clockOffsetMs')::integer, p_device, v, a.user_id)
  ON CONFLICT (id) DO NOTHING;
END $$;

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
                                    occurred_at, clock_offset_ms, device_id, version, sent_by)
    SELECT (p->>'id')::uuid, a.restaurant_id, item_id, p->>'reason', kg.milli(p, 'quantityMilli'),
           coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, (p->>'occurredAt')::timestamptz,
           (p->>'clockOffsetMs')::integer, p_device, v, a.user_id
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

-- As in v10, with when each movement happened and the clock offset it was corrected by.
CREATE OR REPLACE FUNCTION kg.upload_movements(p_movements jsonb, p_device uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  everyone boolean := a.role IN ('owner', 'manager');
  added integer;
BEGIN
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  occurred_at, clock_offset_ms, device_id, version, sent_by)
  SELECT (p->>'id')::uuid, a.restaurant_id, i.id, p->>'reason', kg.milli(p, 'quantityMilli'),
         coalesce(p->>'note', ''), (p->>'by')::uuid, (p->>'at')::timestamptz, (p->>'occurredAt')::timestamptz,
         (p->>'clockOffsetMs')::integer, p_device, v, a.user_id
    FROM jsonb_array_elements(p_movements) WITH ORDINALITY AS e(p, n)
    JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
   WHERE everyone OR (p->>'by')::uuid = a.user_id
   ORDER BY n
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;
