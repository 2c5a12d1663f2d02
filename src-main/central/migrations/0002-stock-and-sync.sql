
CREATE TABLE kg.items (
  id            uuid PRIMARY KEY,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  area          text NOT NULL CHECK (area IN ('kitchen', 'bar')),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  category      text NOT NULL DEFAULT '' CHECK (length(category) <= 60),
  supplier      text NOT NULL DEFAULT '' CHECK (length(supplier) <= 120),
  unit          text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  unit_cost     numeric(10, 2) NOT NULL CHECK (unit_cost >= 0),
  par           numeric(15, 3) CHECK (par >= 0),
  created_by    uuid NOT NULL,
  updated_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       bigint NOT NULL
);
CREATE INDEX items_restaurant_version ON kg.items (restaurant_id, version);

-- seq is the server's order of movements; within a restaurant it follows commit order.
CREATE TABLE kg.stock_movements (
  seq           bigserial NOT NULL UNIQUE,
  id            uuid PRIMARY KEY,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  item_id       uuid NOT NULL REFERENCES kg.items,
  reason        text NOT NULL CHECK (reason IN ('delivery', 'usage', 'waste', 'correction', 'count')),
  -- Deliveries add, usage and waste take away, a count is a level: the sign agrees with the reason.
  quantity      numeric(15, 3) NOT NULL CHECK (abs(quantity) < 1e12 AND CASE reason
                  WHEN 'count' THEN quantity >= 0 WHEN 'delivery' THEN quantity > 0
                  WHEN 'correction' THEN quantity <> 0 ELSE quantity < 0 END),
  note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded_by   uuid NOT NULL,
  recorded_at   timestamptz NOT NULL,
  device_id     uuid NOT NULL,
  version       bigint NOT NULL
);
CREATE INDEX stock_movements_restaurant_version ON kg.stock_movements (restaurant_id, version);
CREATE INDEX stock_movements_item ON kg.stock_movements (item_id, seq);

-- Stock is derived, never stored: the last count plus every change after it.
CREATE VIEW kg.item_stock WITH (security_invoker = true) AS
SELECT i.id AS item_id, i.restaurant_id,
       coalesce(lc.quantity, 0) + coalesce((
         SELECT sum(m.quantity) FROM kg.stock_movements m
          WHERE m.item_id = i.id AND m.reason <> 'count' AND m.seq > coalesce(lc.seq, 0)), 0) AS on_hand
  FROM kg.items i
  LEFT JOIN LATERAL (
    SELECT c.seq, c.quantity FROM kg.stock_movements c
     WHERE c.item_id = i.id AND c.reason = 'count' ORDER BY c.seq DESC LIMIT 1) lc ON true;

CREATE TABLE kg.devices (
  id               uuid PRIMARY KEY,
  restaurant_id    uuid NOT NULL REFERENCES kg.restaurants,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now()
);

-- Mutations the server refused, with why: the device shows them and its queue moves on.
CREATE TABLE kg.mutation_rejections (
  device_id     uuid NOT NULL REFERENCES kg.devices,
  mutation_id   bigint NOT NULL,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  name          text NOT NULL,
  reason        text NOT NULL,
  rejected_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, mutation_id)
);

CREATE FUNCTION kg.cents(p jsonb, p_key text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT (p->>p_key)::bigint / 100.0 $$;

CREATE FUNCTION kg.milli(p jsonb, p_key text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT (p->>p_key)::bigint / 1000.0 $$;

CREATE FUNCTION kg.require_role(a kg.actor, p_manager boolean) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_manager AND a.role NOT IN ('owner', 'manager') THEN
    RAISE EXCEPTION 'Only an owner or a manager can change the item list.' USING ERRCODE = 'KG403';
  END IF;
END $$;

-- An item of the actor's restaurant, locked for the change; another restaurant's does not exist.
CREATE FUNCTION kg.own_item(a kg.actor, p_item uuid) RETURNS kg.items
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
BEGIN
  SELECT * INTO i FROM kg.items WHERE id = p_item AND restaurant_id = a.restaurant_id FOR UPDATE;
  IF i.id IS NULL THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  END IF;
  RETURN i;
END $$;

CREATE FUNCTION kg.apply_item_create(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  PERFORM kg.require_role(a, true);
  IF EXISTS (SELECT 1 FROM kg.items WHERE id = (p->>'id')::uuid AND restaurant_id <> a.restaurant_id) THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  END IF;
  INSERT INTO kg.items (id, restaurant_id, area, name, category, supplier, unit, unit_cost, par,
                        created_by, updated_by, version)
  VALUES ((p->>'id')::uuid, a.restaurant_id, p->>'area', p->>'name', coalesce(p->>'category', ''),
          coalesce(p->>'supplier', ''), p->>'unit', kg.cents(p, 'unitCostCents'), kg.milli(p, 'parMilli'),
          a.user_id, a.user_id, v)
  ON CONFLICT (id) DO NOTHING;
END $$;

-- Last writer wins per field, in the order the server receives edits; a deleted item stays deleted.
CREATE FUNCTION kg.apply_item_update(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
BEGIN
  PERFORM kg.require_role(a, true);
  i := kg.own_item(a, (p->>'id')::uuid);
  IF i.deleted_at IS NOT NULL THEN
    RETURN;
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

CREATE FUNCTION kg.apply_item_delete(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
BEGIN
  PERFORM kg.require_role(a, true);
  i := kg.own_item(a, (p->>'id')::uuid);
  UPDATE kg.items SET deleted_at = coalesce(deleted_at, now()), updated_by = a.user_id, updated_at = now(), version = v
   WHERE id = i.id AND deleted_at IS NULL;
END $$;

-- Movements are facts: they merge, whoever sent them and in whatever order.
CREATE FUNCTION kg.apply_movement(a kg.actor, v bigint, p_device uuid, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM kg.items WHERE id = (p->>'itemId')::uuid AND restaurant_id = a.restaurant_id) THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  END IF;
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  device_id, version)
  VALUES ((p->>'id')::uuid, a.restaurant_id, (p->>'itemId')::uuid, p->>'reason', kg.milli(p, 'quantityMilli'),
          coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, p_device, v)
  ON CONFLICT (id) DO NOTHING;
END $$;

CREATE FUNCTION kg.apply_mutation(a kg.actor, v bigint, p_device uuid, p_name text, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  CASE p_name
    WHEN 'movement.record' THEN PERFORM kg.apply_movement(a, v, p_device, p);
    WHEN 'item.create' THEN PERFORM kg.apply_item_create(a, v, p);
    WHEN 'item.update' THEN PERFORM kg.apply_item_update(a, v, p);
    WHEN 'item.delete' THEN PERFORM kg.apply_item_delete(a, v, p);
    WHEN 'user.update' THEN
      IF (p->>'id')::uuid <> a.user_id THEN
        RAISE EXCEPTION 'Only the user can edit their own profile.' USING ERRCODE = 'KG403';
      END IF;
      PERFORM kg.apply_profile(a.user_id, a.restaurant_id, p - 'role' - 'isActive' - 'username', v);
    ELSE
      RAISE EXCEPTION 'Unknown change "%".', p_name USING ERRCODE = 'KG422';
  END CASE;
END $$;

-- Applies one mutation; a failure is recorded with its reason instead of failing the batch.
CREATE FUNCTION kg.apply_or_reject(a kg.actor, v bigint, p_device uuid, m jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  PERFORM kg.apply_mutation(a, v, p_device, m->>'name', m->'args');
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  INSERT INTO kg.mutation_rejections (device_id, mutation_id, restaurant_id, name, reason)
  VALUES (p_device, (m->>'id')::bigint, a.restaurant_id, m->>'name', SQLERRM);
  RETURN jsonb_build_object('id', (m->>'id')::bigint, 'reason', SQLERRM);
END $$;

-- A run of stock movements (a count, a delivery) in one statement. Movements naming no item of the
-- restaurant are refused; anything else odd fails the statement and the caller goes one by one.
CREATE FUNCTION kg.apply_movement_run(a kg.actor, v bigint, p_device uuid, p_run jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  rejected jsonb;
BEGIN
  WITH run AS MATERIALIZED (
    SELECT (m->>'id')::bigint AS mid, m->'args' AS p, i.id AS item_id
      FROM jsonb_array_elements(p_run) AS e(m)
      LEFT JOIN kg.items i
        ON i.id = CASE WHEN m->'args'->>'itemId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                       THEN (m->'args'->>'itemId')::uuid END
       AND i.restaurant_id = a.restaurant_id),
  added AS (
    INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                    device_id, version)
    SELECT (p->>'id')::uuid, a.restaurant_id, item_id, p->>'reason', kg.milli(p, 'quantityMilli'),
           coalesce(p->>'note', ''), a.user_id, (p->>'at')::timestamptz, p_device, v
      FROM run WHERE item_id IS NOT NULL ORDER BY mid
    ON CONFLICT (id) DO NOTHING),
  refused AS (
    INSERT INTO kg.mutation_rejections (device_id, mutation_id, restaurant_id, name, reason)
    SELECT p_device, mid, a.restaurant_id, 'movement.record', 'No such item.' FROM run WHERE item_id IS NULL
    RETURNING mutation_id, reason)
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', mutation_id, 'reason', reason) ORDER BY mutation_id), '[]')
    INTO rejected FROM refused;
  RETURN rejected;
END $$;

-- Applies a batch of one device's outbox in one transaction. Mutation ids at or below the device's
-- last applied id are skipped (a batch delivered twice applies once); an id that skips ahead is an
-- error; a mutation that fails is recorded with its reason and the batch moves on. Consecutive stock
-- movements go in together; if such a run fails as a whole, its movements go one by one.
CREATE FUNCTION kg.push(p_device uuid, p_mutations jsonb) RETURNS jsonb
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
  INSERT INTO kg.devices (id, restaurant_id) VALUES (p_device, a.restaurant_id) ON CONFLICT (id) DO NOTHING;
  SELECT * INTO d FROM kg.devices WHERE id = p_device FOR UPDATE;
  IF d.restaurant_id <> a.restaurant_id THEN
    RAISE EXCEPTION 'This device belongs to another restaurant.' USING ERRCODE = 'KG403';
  END IF;
  applied := d.last_mutation_id;
  FOR run IN
    WITH fresh AS (
      SELECT value AS mutation, (value->>'id')::bigint AS mid, value->>'name' = 'movement.record' AS movement
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

-- The acknowledgement a device trusts: what the server has applied, whatever happened to a reply.
CREATE FUNCTION kg.device_state(p_device uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT jsonb_build_object('lastMutationId', coalesce(
    (SELECT last_mutation_id FROM kg.devices WHERE id = p_device AND restaurant_id = (kg.require_actor()).restaurant_id), 0))
$$;

ALTER TABLE kg.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.items USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.stock_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.stock_movements USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.devices USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.mutation_rejections ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.mutation_rejections USING (restaurant_id = (SELECT kg.session_restaurant()));
