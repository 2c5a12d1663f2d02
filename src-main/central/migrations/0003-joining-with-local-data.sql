
-- Creates the restaurant and the joining owner or manager from this device's copy, or, when it is
-- already there (a resumed join), checks the password the server holds. Either way: a session.
CREATE FUNCTION kg.join_restaurant(p_restaurant jsonb, p_user jsonb, p_hash text, p_password text, p_device uuid)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (p_restaurant->>'id')::uuid;
  u uuid := (p_user->>'id')::uuid;
  h text;
  refused jsonb;
BEGIN
  IF p_user->>'role' NOT IN ('owner', 'manager') THEN
    RAISE EXCEPTION 'Only an owner or a manager can connect a restaurant to the server.' USING ERRCODE = 'KG403';
  END IF;
  IF EXISTS (SELECT 1 FROM kg.restaurants WHERE id = r) THEN
    SELECT c.password_hash INTO h FROM kg.credentials c JOIN kg.users usr ON usr.id = c.user_id
     WHERE usr.id = u AND usr.restaurant_id = r AND usr.role IN ('owner', 'manager') AND usr.is_active;
  ELSE
    h := kg.readable_hash(p_hash);
  END IF;
  -- Guessing a password here is guessing a sign-in: the same lock, the same count.
  refused := kg.check_guess('user:' || u, h, p_password);
  IF refused IS NOT NULL THEN
    RETURN refused;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM kg.restaurants WHERE id = r) THEN
    INSERT INTO kg.restaurants (id, name, type, version) VALUES (r, p_restaurant->>'name', p_restaurant->>'type', 1);
    INSERT INTO kg.restaurant_sync (restaurant_id, version) VALUES (r, 1);
    PERFORM kg.insert_user(p_user, r, p_user->>'role', h, 1);
    UPDATE kg.users SET kitchen_produce_list = coalesce(p_user->'kitchenProduceList', '[]'),
                        bar_produce_list = coalesce(p_user->'barProduceList', '[]')
     WHERE id = u;
  END IF;
  RETURN kg.open_session(u, p_device);
END $$;

CREATE FUNCTION kg.upload_users(p_users jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  v bigint := kg.next_version(a.restaurant_id);
  -- A manager brings up the owners on their device only while the server has none (a manager's
  -- join); once it has one, only an owner makes owners, as with create_user.
  may_add_owner boolean := a.role = 'owner'
    OR NOT EXISTS (SELECT 1 FROM kg.users WHERE restaurant_id = a.restaurant_id AND role = 'owner');
  p jsonb;
  added integer := 0;
BEGIN
  FOR p IN SELECT value FROM jsonb_array_elements(p_users) LOOP
    IF EXISTS (SELECT 1 FROM kg.users WHERE id = (p->>'id')::uuid) THEN
      IF NOT EXISTS (SELECT 1 FROM kg.users WHERE id = (p->>'id')::uuid AND restaurant_id = a.restaurant_id) THEN
        RAISE EXCEPTION 'No such team member.' USING ERRCODE = 'KG404';
      END IF;
      CONTINUE;
    END IF;
    IF p->>'role' NOT IN ('owner', 'manager', 'staff') THEN
      RAISE EXCEPTION 'Role must be owner, manager or staff.' USING ERRCODE = 'KG422', DETAIL = 'role';
    END IF;
    IF p->>'role' = 'owner' AND NOT may_add_owner THEN
      RAISE EXCEPTION 'Only an owner can make someone an owner.' USING ERRCODE = 'KG403';
    END IF;
    PERFORM kg.insert_user(p, a.restaurant_id, p->>'role', p->>'passwordHash', v);
    UPDATE kg.users SET is_active = coalesce((p->>'isActive')::boolean, true),
      kitchen_produce_list = coalesce(p->'kitchenProduceList', '[]'), bar_produce_list = coalesce(p->'barProduceList', '[]')
     WHERE id = (p->>'id')::uuid;
    added := added + 1;
  END LOOP;
  RETURN added;
END $$;

-- Items the device holds. A row the server lacks is added; one the server holds older (a restore
-- from a backup) is brought forward. Only owners and managers shape the item list: for staff, none.
CREATE FUNCTION kg.upload_items(p_items jsonb) RETURNS integer
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
                             updated_by, created_at, updated_at, deleted_at, version)
  SELECT (p->>'id')::uuid, a.restaurant_id, p->>'area', p->>'name', coalesce(p->>'category', ''),
         coalesce(p->>'supplier', ''), p->>'unit', kg.cents(p, 'unitCostCents'), kg.milli(p, 'parMilli'),
         (p->>'createdBy')::uuid, (p->>'updatedBy')::uuid, (p->>'createdAt')::timestamptz,
         (p->>'updatedAt')::timestamptz, (p->>'deletedAt')::timestamptz, v
    FROM jsonb_array_elements(p_items) AS e(p)
  ON CONFLICT (id) DO UPDATE SET area = excluded.area, name = excluded.name, category = excluded.category,
    supplier = excluded.supplier, unit = excluded.unit, unit_cost = excluded.unit_cost, par = excluded.par,
    updated_by = excluded.updated_by, updated_at = excluded.updated_at,
    deleted_at = coalesce(i.deleted_at, excluded.deleted_at), version = excluded.version
  WHERE i.updated_at < excluded.updated_at;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;

-- Movements the device holds; facts merge, so one already there is left as it is. Owners and managers
-- bring up everyone's; staff only their own. A movement of an item the server lacks waits for it.
CREATE FUNCTION kg.upload_movements(p_movements jsonb, p_device uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  everyone boolean := a.role IN ('owner', 'manager');
  added integer;
BEGIN
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  device_id, version)
  SELECT (p->>'id')::uuid, a.restaurant_id, i.id, p->>'reason', kg.milli(p, 'quantityMilli'),
         coalesce(p->>'note', ''), (p->>'by')::uuid, (p->>'at')::timestamptz, p_device, v
    FROM jsonb_array_elements(p_movements) WITH ORDINALITY AS e(p, n)
    JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
   WHERE everyone OR (p->>'by')::uuid = a.user_id
   ORDER BY n
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;

-- Where this device's outbox continues: only ever forward, so nothing applied is applied again.
CREATE FUNCTION kg.set_device_position(p_device uuid, p_last bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
BEGIN
  INSERT INTO kg.devices (id, restaurant_id, last_mutation_id) VALUES (p_device, a.restaurant_id, p_last)
  ON CONFLICT (id) DO UPDATE SET last_mutation_id = greatest(kg.devices.last_mutation_id, excluded.last_mutation_id),
    last_seen_at = now()
  WHERE kg.devices.restaurant_id = a.restaurant_id;
END $$;
