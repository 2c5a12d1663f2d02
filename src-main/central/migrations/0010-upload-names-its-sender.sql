-- Server schema v10: an upload of movements names its sender (the session's team member) once, so
-- kg.stamp_movement no longer looks the session up again for every row it brings (a join or a
-- resync uploads every movement a computer holds). Otherwise as in v3.
CREATE OR REPLACE FUNCTION kg.upload_movements(p_movements jsonb, p_device uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint := kg.next_version(a.restaurant_id);
  everyone boolean := a.role IN ('owner', 'manager');
  added integer;
BEGIN
  INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                  device_id, version, sent_by)
  SELECT (p->>'id')::uuid, a.restaurant_id, i.id, p->>'reason', kg.milli(p, 'quantityMilli'),
         coalesce(p->>'note', ''), (p->>'by')::uuid, (p->>'at')::timestamptz, p_device, v, a.user_id
    FROM jsonb_array_elements(p_movements) WITH ORDINALITY AS e(p, n)
    JOIN kg.items i ON i.id = (p->>'itemId')::uuid AND i.restaurant_id = a.restaurant_id
   WHERE everyone OR (p->>'by')::uuid = a.user_id
   ORDER BY n
  ON CONFLICT (id) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;
