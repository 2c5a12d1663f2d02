-- Server schema v20: when a computer last synced (Team → Computers) is kept to the minute. Written at
-- every sync run, it made each run's first transaction a write, with a WAL flush at its commit while
-- it held a server connection; a chain's computers run every few seconds.
CREATE OR REPLACE FUNCTION kg.device_state(p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (kg.require_actor()).restaurant_id;
BEGIN
  UPDATE kg.computers SET last_sync_at = now()
   WHERE role_name = session_user AND device_id = p_device
     AND (last_sync_at IS NULL OR last_sync_at < now() - interval '1 minute');
  RETURN jsonb_build_object('lastMutationId', coalesce(
    (SELECT last_mutation_id FROM kg.devices WHERE id = p_device AND restaurant_id = r), 0));
END $$;
