-- Server schema v6: every computer its own database login. An owner or a manager enrols a computer
-- with their password; the computer then connects as its own login, a member of the computers'
-- group role that holds the grants (set-up names it in kg.server_info). A lost laptop is revoked:
-- its login can no longer connect nor do anything, and its sessions end. See
-- docs/decisions/0008-a-login-per-computer.md.

ALTER TABLE kg.server_info ADD COLUMN computer_group text;

CREATE TABLE kg.computers (
  device_id     uuid PRIMARY KEY,
  restaurant_id uuid NOT NULL REFERENCES kg.restaurants,
  role_name     text NOT NULL UNIQUE,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name !~ '[[:cntrl:]]'),
  enrolled_by   uuid NOT NULL REFERENCES kg.users,
  enrolled_at   timestamptz NOT NULL DEFAULT now(),
  last_sync_at  timestamptz,
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES kg.users
);
CREATE INDEX computers_restaurant ON kg.computers (restaurant_id);
-- Read through kg.list_computers only: no policy, so even a mistaken grant shows nothing.
ALTER TABLE kg.computers ENABLE ROW LEVEL SECURITY;

-- The enrolled computer this connection logged in as (session_user: SET ROLE does not change it).
CREATE FUNCTION kg.this_computer() RETURNS kg.computers
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT * FROM kg.computers WHERE role_name = session_user
$$;

-- A session works only on a computer of its own restaurant that is still enrolled.
CREATE OR REPLACE FUNCTION kg.current_actor() RETURNS kg.actor
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT u.id, u.restaurant_id, u.role, s.id
    FROM kg.sessions s JOIN kg.users u ON u.id = s.user_id
   WHERE s.token_hash = digest(coalesce(current_setting('kg.session_token', true), ''), 'sha256')
     AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
     AND NOT EXISTS (SELECT 1 FROM kg.computers c WHERE c.role_name = session_user
                        AND (c.restaurant_id <> u.restaurant_id OR c.revoked_at IS NOT NULL))
$$;

-- Only hashes a sign-in can afford: bcrypt at cost 4 to 12. An uploaded hash of cost 31 would have
-- the server spend hours on one sign-in or join.
CREATE OR REPLACE FUNCTION kg.readable_hash(p_hash text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF p_hash IS NULL OR p_hash !~ '^\$2[aby]\$(0[4-9]|1[0-2])\$[./A-Za-z0-9]{53}$' THEN
    RAISE EXCEPTION 'A password hash must be bcrypt of cost 4 to 12.' USING ERRCODE = 'KG422', DETAIL = 'passwordHash';
  END IF;
  RETURN regexp_replace(p_hash, '^\$2[by]\$', '$2a$');
END $$;

-- A computer enrolled for one restaurant signs in that restaurant's people only.
CREATE OR REPLACE FUNCTION kg.login(p_login text, p_password text, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  u kg.users;
  h text;
  refused jsonb;
  here kg.computers := kg.this_computer();
BEGIN
  SELECT * INTO u FROM kg.users WHERE lower(username) = lower(trim(p_login)) OR lower(email) = lower(trim(p_login));
  SELECT password_hash INTO h FROM kg.credentials WHERE user_id = u.id;
  -- An unknown name costs a bcrypt comparison too, so timing does not tell names apart.
  IF h IS NULL THEN
    PERFORM crypt(coalesce(p_password, ''), gen_salt('bf', 12));
  END IF;
  -- Guesses count against the account, whether they name it by username or by email.
  refused := kg.check_guess(coalesce('user:' || u.id, lower(trim(p_login))), h, p_password);
  IF refused IS NOT NULL THEN
    RETURN refused;
  END IF;
  IF here.device_id IS NOT NULL AND (here.restaurant_id <> u.restaurant_id OR p_device <> here.device_id) THEN
    RAISE EXCEPTION 'This computer is enrolled for another restaurant.' USING ERRCODE = 'KG403';
  END IF;
  IF NOT u.is_active THEN
    RETURN jsonb_build_object('status', 'inactive');
  END IF;
  RETURN kg.open_session(u.id, p_device);
END $$;

-- The login role of a computer, made or renewed with a new secret, and its connection defaults.
CREATE FUNCTION kg.make_computer_login(p_role text, p_secret text) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  g text := (SELECT computer_group FROM kg.server_info);
BEGIN
  IF g IS NULL THEN
    RAISE EXCEPTION 'The server set-up has not made the computers'' group yet: run it again.' USING ERRCODE = 'KG503';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_role, p_secret);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                   'CONNECTION LIMIT 8 PASSWORD %L', p_role, p_secret);
  END IF;
  EXECUTE format('GRANT %I TO %I', g, p_role);
  -- A dropped Wi-Fi must not leave a transaction holding locks, nor a runaway query a connection.
  EXECUTE format('ALTER ROLE %I IN DATABASE %I SET statement_timeout = %L', p_role, current_database(), '15s');
  EXECUTE format('ALTER ROLE %I IN DATABASE %I SET idle_in_transaction_session_timeout = %L', p_role,
                 current_database(), '30s');
  EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = kg, pg_catalog', p_role, current_database());
END $$;

-- Enrols the calling computer with an owner's or a manager's password (counted like a sign-in).
-- The reply carries the login and its secret once; the server keeps only PostgreSQL's verifier.
CREATE FUNCTION kg.enrol_computer(p_login text, p_password text, p_device uuid, p_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  u kg.users;
  h text;
  refused jsonb;
  c kg.computers;
  secret text := translate(encode(gen_random_bytes(24), 'base64'), '+/=', '-_');
BEGIN
  SELECT * INTO u FROM kg.users WHERE lower(username) = lower(trim(p_login)) OR lower(email) = lower(trim(p_login));
  SELECT password_hash INTO h FROM kg.credentials WHERE user_id = u.id;
  IF h IS NULL THEN
    PERFORM crypt(coalesce(p_password, ''), gen_salt('bf', 12));
  END IF;
  refused := kg.check_guess(coalesce('user:' || u.id, lower(trim(p_login))), h, p_password);
  IF refused IS NOT NULL THEN
    RETURN refused;
  END IF;
  IF NOT u.is_active THEN
    RETURN jsonb_build_object('status', 'inactive');
  END IF;
  IF u.role NOT IN ('owner', 'manager') THEN
    RETURN jsonb_build_object('status', 'forbidden');
  END IF;
  SELECT * INTO c FROM kg.computers WHERE device_id = p_device FOR UPDATE;
  IF c.restaurant_id <> u.restaurant_id
     OR EXISTS (SELECT 1 FROM kg.devices WHERE id = p_device AND restaurant_id <> u.restaurant_id) THEN
    RAISE EXCEPTION 'This computer belongs to another restaurant.' USING ERRCODE = 'KG403';
  END IF;
  IF c.device_id IS NULL THEN
    INSERT INTO kg.computers (device_id, restaurant_id, role_name, name, enrolled_by)
    VALUES (p_device, u.restaurant_id,
            (SELECT computer_group FROM kg.server_info) || '_' || encode(gen_random_bytes(6), 'hex'), p_name, u.id)
    RETURNING * INTO c;
  ELSE
    UPDATE kg.computers SET name = p_name, enrolled_by = u.id, enrolled_at = now(), revoked_at = NULL,
                            revoked_by = NULL
     WHERE device_id = p_device RETURNING * INTO c;
  END IF;
  PERFORM kg.make_computer_login(c.role_name, secret);
  RETURN jsonb_build_object('status', 'ok', 'login', c.role_name, 'secret', secret);
END $$;

-- The restaurant's computers, for its owners and managers.
CREATE FUNCTION kg.list_computers() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('deviceId', c.device_id, 'name', c.name,
           'enrolledBy', u.full_name, 'enrolledAt', c.enrolled_at, 'lastSyncAt', c.last_sync_at,
           'revokedAt', c.revoked_at, 'thisComputer', c.role_name = session_user)
         ORDER BY c.revoked_at IS NOT NULL, c.enrolled_at), '[]')
    FROM kg.computers c JOIN kg.users u ON u.id = c.enrolled_by
   WHERE c.restaurant_id = (kg.require_manager()).restaurant_id
$$;

-- A lost laptop: its login can no longer connect or do anything, its connections and sessions end.
CREATE FUNCTION kg.revoke_computer(p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  c kg.computers;
BEGIN
  SELECT * INTO c FROM kg.computers WHERE device_id = p_device AND restaurant_id = a.restaurant_id FOR UPDATE;
  IF c.device_id IS NULL THEN
    RAISE EXCEPTION 'No such computer.' USING ERRCODE = 'KG404';
  END IF;
  IF c.role_name = session_user THEN
    RAISE EXCEPTION 'This is the computer you are using: revoke it from another one.' USING ERRCODE = 'KG403';
  END IF;
  UPDATE kg.computers SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, a.user_id)
   WHERE device_id = p_device;
  EXECUTE format('ALTER ROLE %I NOLOGIN', c.role_name);
  EXECUTE format('REVOKE %I FROM %I', (SELECT computer_group FROM kg.server_info), c.role_name);
  UPDATE kg.sessions SET revoked_at = now() WHERE device_id = p_device AND revoked_at IS NULL;
  BEGIN
    PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = c.role_name;
  EXCEPTION WHEN insufficient_privilege THEN
    -- Without pg_signal_backend its open connections stay, but with no grant left they can do nothing.
    NULL;
  END;
  RETURN kg.list_computers();
END $$;

-- Each sync run starts here: it also says when the computer last synced.
CREATE OR REPLACE FUNCTION kg.device_state(p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (kg.require_actor()).restaurant_id;
BEGIN
  UPDATE kg.computers SET last_sync_at = now() WHERE role_name = session_user AND device_id = p_device;
  RETURN jsonb_build_object('lastMutationId', coalesce(
    (SELECT last_mutation_id FROM kg.devices WHERE id = p_device AND restaurant_id = r), 0));
END $$;
