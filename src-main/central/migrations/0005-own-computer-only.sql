-- Server schema v5: a session acts only for the computer it signed in on. Device ids are readable
-- by everyone of a restaurant, and moving another computer's place in the queue ahead would have
-- that computer's next changes taken as already applied, and dropped.

CREATE OR REPLACE FUNCTION kg.set_device_position(p_device uuid, p_last bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
BEGIN
  IF NOT EXISTS (SELECT 1 FROM kg.sessions WHERE id = a.session_id AND device_id = p_device) THEN
    RAISE EXCEPTION 'A computer can only move its own place in the queue.' USING ERRCODE = 'KG403';
  END IF;
  INSERT INTO kg.devices (id, restaurant_id, last_mutation_id) VALUES (p_device, a.restaurant_id, p_last)
  ON CONFLICT (id) DO UPDATE SET last_mutation_id = greatest(kg.devices.last_mutation_id, excluded.last_mutation_id),
    last_seen_at = now()
  WHERE kg.devices.restaurant_id = a.restaurant_id;
END $$;
