-- Server schema v19: count sessions (issue 9 §4). A count, its append-only entries (who, which
-- computer, when), and what its approval posted: one count movement per item. Approval happens
-- once: the first approval the server receives is taken, with its movements; any other is refused
-- with a reason a person reads, and its movements are never posted.

CREATE FUNCTION kg.is_text_list(p jsonb, p_max_items integer, p_max_length integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(p) = 'array' AND jsonb_array_length(p) <= p_max_items AND NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(p) AS e(v)
     WHERE jsonb_typeof(v) <> 'string' OR length(v #>> '{}') NOT BETWEEN 1 AND p_max_length)
$$;

CREATE TABLE kg.counts (
  id               uuid PRIMARY KEY,
  restaurant_id    uuid NOT NULL REFERENCES kg.restaurants,
  areas            jsonb NOT NULL CHECK (jsonb_typeof(areas) = 'array' AND jsonb_array_length(areas) BETWEEN 1 AND 2
                                         AND areas <@ '["kitchen", "bar"]'),
  scope            text NOT NULL CHECK (scope IN ('full', 'partial')),
  storage_area_ids jsonb NOT NULL CHECK (kg.is_text_list(storage_area_ids, 200, 36)),
  categories       jsonb NOT NULL CHECK (kg.is_text_list(categories, 200, 60)),
  as_of            timestamptz CHECK (as_of >= timestamptz '2020-01-01 00:00Z'),
  blind            boolean NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'abandoned')),
  -- Lines asked to be counted again: [{itemId, storageAreaId}].
  recount          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(recount) = 'array'
                                                      AND jsonb_array_length(recount) <= 5000),
  started_by       uuid NOT NULL,
  started_at       timestamptz NOT NULL,
  submitted_at     timestamptz,
  -- Who approved or abandoned it, when, and from which computer.
  closed_by        uuid,
  closed_at        timestamptz,
  closed_device    uuid,
  version          bigint NOT NULL
);
CREATE INDEX counts_restaurant_version ON kg.counts (restaurant_id, version);

CREATE TABLE kg.count_entries (
  id              uuid PRIMARY KEY,
  count_id        uuid NOT NULL REFERENCES kg.counts,
  restaurant_id   uuid NOT NULL REFERENCES kg.restaurants,
  item_id         uuid NOT NULL REFERENCES kg.items,
  storage_area_id uuid REFERENCES kg.storage_areas,
  kind            text NOT NULL CHECK (kind IN ('set', 'add', 'settle', 'void')),
  quantity        numeric(15, 3) NOT NULL CHECK (quantity >= 0 AND quantity < 1e12),
  -- What was typed per unit: [{unit, amount}].
  parts           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(parts) = 'array' AND jsonb_array_length(parts) <= 12),
  voids           uuid REFERENCES kg.count_entries,
  -- Who counted (the session that sent it), and from which computer.
  counted_by      uuid NOT NULL,
  device_id       uuid NOT NULL,
  recorded_at     timestamptz NOT NULL,
  occurred_at     timestamptz NOT NULL,
  clock_offset_ms integer,
  received_at     timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL
);
CREATE INDEX count_entries_restaurant_version ON kg.count_entries (restaurant_id, version);
CREATE INDEX count_entries_count ON kg.count_entries (count_id);

CREATE TABLE kg.count_results (
  count_id      uuid NOT NULL REFERENCES kg.counts,
  item_id       uuid NOT NULL REFERENCES kg.items,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  movement_id   uuid NOT NULL REFERENCES kg.stock_movements,
  quantity      numeric(15, 3) NOT NULL CHECK (quantity >= 0 AND quantity < 1e12),
  occurred_at   timestamptz NOT NULL,
  decision      text NOT NULL CHECK (decision IN ('counted', 'zero')),
  version       bigint NOT NULL,
  PRIMARY KEY (count_id, item_id)
);
CREATE INDEX count_results_restaurant_version ON kg.count_results (restaurant_id, version);

ALTER TABLE kg.counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.counts USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.count_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.count_entries USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.count_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.count_results USING (restaurant_id = (SELECT kg.session_restaurant()));

CREATE FUNCTION kg.require_count_manager(a kg.actor) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF a.role NOT IN ('owner', 'manager') THEN
    RAISE EXCEPTION 'Only an owner or a manager can do this to a count.' USING ERRCODE = 'KG403';
  END IF;
END $$;

-- When something claimed to happen did, as the server bounds it (as kg.stamp_movement does).
CREATE FUNCTION kg.bounded_time(p_claimed timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT date_trunc('milliseconds', CASE
    WHEN p_claimed IS NULL OR p_claimed > now() + interval '5 minutes' OR p_claimed < timestamptz '2020-01-01 00:00Z'
    THEN now() ELSE p_claimed END)
$$;

-- A count of the actor's restaurant, locked: for an entry (shared: entries go in side by side), or
-- for a change of its status (alone: an approval sees every entry before it).
CREATE FUNCTION kg.own_count(a kg.actor, p_id uuid, p_alone boolean) RETURNS kg.counts
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  c kg.counts;
BEGIN
  IF p_alone THEN
    SELECT * INTO c FROM kg.counts WHERE id = p_id AND restaurant_id = a.restaurant_id FOR UPDATE;
  ELSE
    SELECT * INTO c FROM kg.counts WHERE id = p_id AND restaurant_id = a.restaurant_id FOR SHARE;
  END IF;
  IF c.id IS NULL THEN
    RAISE EXCEPTION 'No such count.' USING ERRCODE = 'KG404';
  END IF;
  RETURN c;
END $$;

-- Why a closed count takes no more changes, in words: who closed it, when, that it was elsewhere.
CREATE FUNCTION kg.count_closed_reason(c kg.counts, p_what text) RETURNS text
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT format('This count was already %s by %s at %s UTC, so %s.',
                c.status, coalesce((SELECT full_name FROM kg.users WHERE id = c.closed_by), 'someone'),
                to_char(c.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), p_what)
$$;

CREATE FUNCTION kg.require_count_open(c kg.counts, p_what text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF c.status IN ('approved', 'abandoned') THEN
    RAISE EXCEPTION '%', kg.count_closed_reason(c, p_what) USING ERRCODE = 'KG409';
  END IF;
END $$;

CREATE FUNCTION kg.apply_count_start(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  PERFORM kg.require_count_manager(a);
  IF EXISTS (SELECT 1 FROM kg.counts WHERE id = (p->>'id')::uuid AND restaurant_id <> a.restaurant_id) THEN
    RAISE EXCEPTION 'No such count.' USING ERRCODE = 'KG404';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(p->'storageAreaIds') AS e(id)
              WHERE NOT EXISTS (SELECT 1 FROM kg.storage_areas s
                                 WHERE s.id::text = e.id AND s.restaurant_id = a.restaurant_id)) THEN
    RAISE EXCEPTION 'No such storage area.' USING ERRCODE = 'KG404';
  END IF;
  INSERT INTO kg.counts (id, restaurant_id, areas, scope, storage_area_ids, categories, as_of, blind, status,
                         started_by, started_at, version)
  VALUES ((p->>'id')::uuid, a.restaurant_id, p->'areas', p->>'scope', p->'storageAreaIds', p->'categories',
          (p->>'asOf')::timestamptz, (p->>'blind')::boolean, 'open', a.user_id, kg.bounded_time((p->>'at')::timestamptz),
          v)
  ON CONFLICT (id) DO NOTHING;
END $$;

CREATE FUNCTION kg.apply_count_enter(a kg.actor, v bigint, p_device uuid, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  c kg.counts := kg.own_count(a, (p->>'countId')::uuid, false);
  i kg.items;
BEGIN
  PERFORM kg.require_count_open(c, 'this count line was not kept');
  SELECT * INTO i FROM kg.items WHERE id = (p->>'itemId')::uuid AND restaurant_id = a.restaurant_id;
  IF i.id IS NULL THEN
    RAISE EXCEPTION 'No such item.' USING ERRCODE = 'KG404';
  ELSIF i.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('count line') USING ERRCODE = 'KG409';
  ELSIF NOT c.areas ? i.area THEN
    RAISE EXCEPTION 'This count is not of the %.', i.area USING ERRCODE = 'KG422';
  END IF;
  IF p->>'storageAreaId' IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM kg.storage_areas WHERE id = (p->>'storageAreaId')::uuid AND restaurant_id = a.restaurant_id
                                        AND area = i.area) THEN
    RAISE EXCEPTION 'No such storage area for this item.' USING ERRCODE = 'KG404';
  END IF;
  IF p->>'kind' = 'settle' THEN
    PERFORM kg.require_count_manager(a);
  END IF;
  IF p->>'kind' = 'void' AND NOT EXISTS (
       SELECT 1 FROM kg.count_entries WHERE id = (p->>'voids')::uuid AND count_id = c.id) THEN
    RAISE EXCEPTION 'No such count line to undo.' USING ERRCODE = 'KG404';
  END IF;
  INSERT INTO kg.count_entries (id, count_id, restaurant_id, item_id, storage_area_id, kind, quantity, parts, voids,
                                counted_by, device_id, recorded_at, occurred_at, clock_offset_ms, version)
  VALUES ((p->>'id')::uuid, c.id, a.restaurant_id, i.id, (p->>'storageAreaId')::uuid, p->>'kind',
          kg.milli(p, 'quantityMilli'), coalesce(p->'parts', '[]'), (p->>'voids')::uuid, a.user_id, p_device,
          (p->>'at')::timestamptz, kg.bounded_time((p->>'occurredAt')::timestamptz), (p->>'clockOffsetMs')::integer, v)
  ON CONFLICT (id) DO NOTHING;
END $$;

-- Submitted, opened again for a recount, or abandoned: changes of a count that is not closed.
CREATE FUNCTION kg.apply_count_status(a kg.actor, v bigint, p_device uuid, p_name text, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  c kg.counts := kg.own_count(a, (p->>'countId')::uuid, true);
BEGIN
  IF p_name <> 'count.submit' THEN
    PERFORM kg.require_count_manager(a);
  END IF;
  -- Abandoned twice is abandoned once.
  IF p_name = 'count.abandon' AND c.status = 'abandoned' THEN
    RETURN;
  END IF;
  PERFORM kg.require_count_open(c, CASE p_name WHEN 'count.submit' THEN 'it was not submitted again'
                                               WHEN 'count.reopen' THEN 'it was not opened for a recount'
                                               ELSE 'it was not abandoned' END);
  UPDATE kg.counts SET
    status = CASE p_name WHEN 'count.submit' THEN 'submitted' WHEN 'count.reopen' THEN 'open' ELSE 'abandoned' END,
    submitted_at = CASE WHEN p_name = 'count.submit' THEN coalesce(submitted_at, now()) ELSE submitted_at END,
    recount = CASE WHEN p_name = 'count.reopen' THEN p->'recount' ELSE recount END,
    closed_by = CASE WHEN p_name = 'count.abandon' THEN a.user_id END,
    closed_at = CASE WHEN p_name = 'count.abandon' THEN now() END,
    closed_device = CASE WHEN p_name = 'count.abandon' THEN p_device END,
    version = v
  WHERE id = c.id;
END $$;

-- The first approval the server receives is the approval: its count movements are posted with it.
-- Another (from a computer that approved while apart), or one that did not see every line the
-- server holds, is refused, and nothing of it is posted.
CREATE FUNCTION kg.apply_count_approve(a kg.actor, v bigint, p_device uuid, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  c kg.counts := kg.own_count(a, (p->>'countId')::uuid, true);
  seen bigint := (p->>'entriesSeen')::bigint;
  held bigint;
  missing text;
BEGIN
  PERFORM kg.require_count_manager(a);
  PERFORM kg.require_count_open(c, 'this approval and its stock counts were not posted');
  SELECT count(*) INTO held FROM kg.count_entries WHERE count_id = c.id;
  IF held > seen THEN
    RAISE EXCEPTION 'Count lines from another computer arrived after this review (% lines, % reviewed), so this approval was not posted: review the count again and approve it.', held, seen
      USING ERRCODE = 'KG409';
  END IF;
  SELECT string_agg(coalesce(i.name, 'an item'), ', ') INTO missing
    FROM jsonb_array_elements(p->'results') AS r(x)
    LEFT JOIN kg.items i ON i.id = (x->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
   WHERE i.id IS NULL OR i.deleted_at IS NOT NULL;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'Items were deleted meanwhile (%), so this approval was not posted: review the count again.', missing
      USING ERRCODE = 'KG409';
  END IF;
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  occurred_at, device_id, version, sent_by)
  SELECT (x->>'movementId')::uuid, a.restaurant_id, (x->>'itemId')::uuid, 'count', kg.milli(x, 'quantityMilli'), '',
         a.user_id, (p->>'at')::timestamptz, (x->>'occurredAt')::timestamptz, p_device, v, a.user_id
    FROM jsonb_array_elements(p->'results') AS r(x);
  INSERT INTO kg.count_results (count_id, item_id, restaurant_id, movement_id, quantity, occurred_at, decision, version)
  SELECT c.id, m.item_id, a.restaurant_id, m.id, m.quantity, m.occurred_at, x->>'decision', v
    FROM jsonb_array_elements(p->'results') AS r(x)
    JOIN kg.stock_movements m ON m.id = (x->>'movementId')::uuid;
  UPDATE kg.counts SET status = 'approved', closed_by = a.user_id, closed_at = now(), closed_device = p_device,
                       version = v
   WHERE id = c.id;
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
    WHEN 'count.start' THEN PERFORM kg.apply_count_start(a, v, p);
    WHEN 'count.enter' THEN PERFORM kg.apply_count_enter(a, v, p_device, p);
    WHEN 'count.submit' THEN PERFORM kg.apply_count_status(a, v, p_device, p_name, p);
    WHEN 'count.reopen' THEN PERFORM kg.apply_count_status(a, v, p_device, p_name, p);
    WHEN 'count.abandon' THEN PERFORM kg.apply_count_status(a, v, p_device, p_name, p);
    WHEN 'count.approve' THEN PERFORM kg.apply_count_approve(a, v, p_device, p);
    WHEN 'user.update' THEN
      IF (p->>'id')::uuid <> a.user_id THEN
        RAISE EXCEPTION 'Only the user can edit their own profile.' USING ERRCODE = 'KG403';
      END IF;
      PERFORM kg.apply_profile(a.user_id, a.restaurant_id, p - 'role' - 'isActive' - 'username', v);
    ELSE
      RAISE EXCEPTION 'Unknown change "%".', p_name USING ERRCODE = 'KG422';
  END CASE;
END $$;
