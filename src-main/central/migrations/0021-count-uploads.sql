-- Server schema v21: what a computer holds of its restaurant's counts comes back up when it joins a
-- server or refills one restored from an older backup (as kg.upload_storage does for storage):
-- what the server lacks is added, what it holds stays as it is. Owners and managers bring up counts
-- and what their approvals posted (the movements come first, through kg.upload_movements); anyone
-- their own count lines, a manager everyone's.
CREATE FUNCTION kg.upload_counts(p_counts jsonb, p_entries jsonb, p_results jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  manager boolean := a.role IN ('owner', 'manager');
  n integer;
  added integer := 0;
BEGIN
  IF manager THEN
    INSERT INTO kg.counts (id, restaurant_id, areas, scope, storage_area_ids, categories, as_of, blind, status, recount,
                           started_by, started_at, submitted_at, closed_by, closed_at, version)
    SELECT (p->>'id')::uuid, a.restaurant_id, p->'areas', p->>'scope', p->'storageAreaIds', p->'categories',
           (p->>'asOf')::timestamptz, (p->>'blind')::boolean, p->>'status', coalesce(p->'recount', '[]'),
           (p->>'startedBy')::uuid, (p->>'startedAt')::timestamptz, (p->>'submittedAt')::timestamptz,
           (p->>'closedBy')::uuid, (p->>'closedAt')::timestamptz, v
      FROM jsonb_array_elements(p_counts) AS e(p)
    ON CONFLICT (id) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    added := added + n;
  END IF;
  -- In the order the computer took them, so an undo comes after the line it undoes.
  INSERT INTO kg.count_entries (id, count_id, restaurant_id, item_id, storage_area_id, kind, quantity, parts, voids,
                                counted_by, device_id, recorded_at, occurred_at, clock_offset_ms, version)
  SELECT (p->>'id')::uuid, c.id, a.restaurant_id, i.id, s.id, p->>'kind', kg.milli(p, 'quantityMilli'),
         coalesce(p->'parts', '[]'), (p->>'voids')::uuid, (p->>'by')::uuid, (p->>'deviceId')::uuid,
         (p->>'at')::timestamptz, kg.bounded_time((p->>'occurredAt')::timestamptz), (p->>'clockOffsetMs')::integer, v
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS e(p, k)
    JOIN kg.counts c ON c.id = (p->>'countId')::uuid AND c.restaurant_id = a.restaurant_id
    JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
    LEFT JOIN kg.storage_areas s ON s.id = (p->>'storageAreaId')::uuid AND s.restaurant_id = a.restaurant_id
   WHERE (manager OR (p->>'by')::uuid = a.user_id)
     AND (p->>'storageAreaId' IS NULL OR s.id IS NOT NULL)
     AND (p->>'voids' IS NULL
          OR EXISTS (SELECT 1 FROM kg.count_entries x WHERE x.id = (p->>'voids')::uuid AND x.count_id = c.id)
          OR p_entries @> jsonb_build_array(jsonb_build_object('id', p->>'voids', 'countId', p->>'countId')))
   ORDER BY k
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  added := added + n;
  IF manager THEN
    INSERT INTO kg.count_results (count_id, item_id, restaurant_id, movement_id, quantity, occurred_at, decision,
                                  version)
    SELECT c.id, m.item_id, a.restaurant_id, m.id, m.quantity, m.occurred_at, p->>'decision', v
      FROM jsonb_array_elements(p_results) AS e(p)
      JOIN kg.counts c ON c.id = (p->>'countId')::uuid AND c.restaurant_id = a.restaurant_id
      JOIN kg.stock_movements m ON m.id = (p->>'movementId')::uuid AND m.restaurant_id = a.restaurant_id
                               AND m.item_id = (p->>'itemId')::uuid AND m.reason = 'count'
    ON CONFLICT (count_id, item_id) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    added := added + n;
  END IF;
  RETURN added;
END $$;
