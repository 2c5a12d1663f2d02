-- Server schema v23: behind a pooler every computer shares one server login, the pool role that
-- set-up makes (kg.server_info.pool_role), so a computer is known by the secret it presents in each
-- transaction (kg.computer_secret, transaction-local, as the session token) instead of by its login.
-- Straight to the server nothing changes: a computer is still the login it connected as. See
-- docs/decisions/0018-one-pool-for-the-chain.md.

ALTER TABLE kg.server_info ADD COLUMN pool_role text;

-- SHA-256 of the computer's secret (its login's password): a secret of 24 random bytes needs no salt.
ALTER TABLE kg.computers ADD COLUMN secret_hash bytea;
CREATE UNIQUE INDEX computers_secret ON kg.computers (secret_hash);

-- The enrolled computer behind this transaction: the one whose login this connection is, or, through
-- the pooler's login, the one still enrolled whose secret the transaction presents. PL/pgSQL, so its
-- queries keep a cached plan (v18).
CREATE OR REPLACE FUNCTION kg.this_computer() RETURNS kg.computers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  c kg.computers;
BEGIN
  IF session_user = (SELECT pool_role FROM kg.server_info) THEN
    SELECT * INTO c FROM kg.computers
     WHERE secret_hash = digest(coalesce(current_setting('kg.computer_secret', true), ''), 'sha256')
       AND revoked_at IS NULL;
  ELSE
    SELECT * INTO c FROM kg.computers WHERE role_name = session_user;
  END IF;
  RETURN c;
END $$;

-- As v18, with the computer as kg.this_computer finds it; through the pooler a session counts only on
-- a computer of its own restaurant.
CREATE OR REPLACE FUNCTION kg.current_actor() RETURNS kg.actor
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor;
  here kg.computers := kg.this_computer();
BEGIN
  IF here.device_id IS NULL AND session_user = (SELECT pool_role FROM kg.server_info) THEN
    RETURN a;
  END IF;
  SELECT u.id, u.restaurant_id, u.role, s.id INTO a
    FROM kg.sessions s JOIN kg.users u ON u.id = s.user_id
   WHERE s.token_hash = digest(coalesce(current_setting('kg.session_token', true), ''), 'sha256')
     AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
     AND (here.device_id IS NULL OR (here.restaurant_id = u.restaurant_id AND here.revoked_at IS NULL));
  RETURN a;
END $$;

-- A computer's login made or renewed (v6, now kg.make_computer_role), and the hash of its new secret kept.
ALTER FUNCTION kg.make_computer_login(text, text) RENAME TO make_computer_role;
CREATE FUNCTION kg.make_computer_login(p_role text, p_secret text) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  PERFORM kg.make_computer_role(p_role, p_secret);
  UPDATE kg.computers SET secret_hash = digest(p_secret, 'sha256') WHERE role_name = p_role;
END $$;

-- The restaurant's computers (v6); "this computer" as kg.this_computer finds it.
CREATE OR REPLACE FUNCTION kg.list_computers() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('deviceId', c.device_id, 'name', c.name,
           'enrolledBy', u.full_name, 'enrolledAt', c.enrolled_at, 'lastSyncAt', c.last_sync_at,
           'revokedAt', c.revoked_at, 'thisComputer', c.device_id IS NOT DISTINCT FROM here.device_id)
         ORDER BY c.revoked_at IS NOT NULL, c.enrolled_at), '[]')
    FROM kg.computers c JOIN kg.users u ON u.id = c.enrolled_by CROSS JOIN kg.this_computer() AS here
   WHERE c.restaurant_id = (kg.require_manager()).restaurant_id
$$;

-- As v6 (now kg.revoke_computer_login), the computer in use found by kg.this_computer. Through the
-- pooler a revoked computer's connections are the pool's: none is ended, and with its secret no longer
-- matching they act for nobody.
ALTER FUNCTION kg.revoke_computer(uuid) RENAME TO revoke_computer_login;
CREATE FUNCTION kg.revoke_computer(p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF p_device = (kg.this_computer()).device_id THEN
    RAISE EXCEPTION 'This is the computer you are using: revoke it from another one.' USING ERRCODE = 'KG403';
  END IF;
  RETURN kg.revoke_computer_login(p_device);
END $$;

-- As v20, for the computer kg.this_computer finds. A computer enrolled before v23 has no secret hash:
-- connected as its own login (so proven by PostgreSQL), the secret it presents is recorded, and from
-- then on it may come through the pooler too.
CREATE OR REPLACE FUNCTION kg.device_state(p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (kg.require_actor()).restaurant_id;
  here kg.computers := kg.this_computer();
BEGIN
  UPDATE kg.computers SET last_sync_at = now()
   WHERE device_id = p_device AND device_id = here.device_id
     AND (last_sync_at IS NULL OR last_sync_at < now() - interval '1 minute');
  IF here.secret_hash IS NULL AND here.role_name = session_user
     AND coalesce(current_setting('kg.computer_secret', true), '') <> '' THEN
    UPDATE kg.computers SET secret_hash = digest(current_setting('kg.computer_secret', true), 'sha256')
     WHERE device_id = here.device_id;
  END IF;
  RETURN jsonb_build_object('lastMutationId', coalesce(
    (SELECT last_mutation_id FROM kg.devices WHERE id = p_device AND restaurant_id = r), 0));
END $$;
