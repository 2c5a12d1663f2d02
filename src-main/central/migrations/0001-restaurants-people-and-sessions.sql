
CREATE TABLE kg.server_info (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- A restored backup gets a new generation: devices that saw another one resync.
  generation  uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO kg.server_info DEFAULT VALUES;

CREATE TABLE kg.restaurants (
  id         uuid PRIMARY KEY,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  type       text NOT NULL CHECK (length(type) BETWEEN 1 AND 40),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version    bigint NOT NULL
);

-- The pull cursor: every writing transaction bumps its restaurant's row first and holds the lock
-- until commit, so versions become visible in commit order and "version > cursor" skips nothing.
CREATE TABLE kg.restaurant_sync (
  restaurant_id uuid PRIMARY KEY REFERENCES kg.restaurants ON DELETE CASCADE,
  version       bigint NOT NULL DEFAULT 0,
  -- Changes at or below this version may have been pruned: an older cursor means a full resync.
  min_version   bigint NOT NULL DEFAULT 0
);

CREATE TABLE kg.users (
  id                   uuid PRIMARY KEY,
  restaurant_id        uuid NOT NULL REFERENCES kg.restaurants,
  username             text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,40}$'),
  email                text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1),
  full_name            text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  position             text NOT NULL DEFAULT '' CHECK (length(position) <= 80),
  role                 text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  kitchen_produce_list jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kitchen_produce_list) = 'array'),
  bar_produce_list     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(bar_produce_list) = 'array'),
  is_active            boolean NOT NULL DEFAULT true,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              bigint NOT NULL
);
CREATE UNIQUE INDEX users_username_key ON kg.users (lower(username));
CREATE UNIQUE INDEX users_email_key ON kg.users (lower(email));
CREATE INDEX users_restaurant_version ON kg.users (restaurant_id, version);

CREATE TABLE kg.credentials (
  user_id       uuid PRIMARY KEY REFERENCES kg.users ON DELETE CASCADE,
  password_hash text NOT NULL CHECK (password_hash ~ '^\$2a\$'),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kg.sessions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES kg.users ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  device_id  uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON kg.sessions (user_id);

CREATE TABLE kg.password_reset_codes (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES kg.users ON DELETE CASCADE,
  code_hash  bytea NOT NULL,
  issued_by  uuid NOT NULL REFERENCES kg.users,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX password_reset_codes_user ON kg.password_reset_codes (user_id);

CREATE TABLE kg.login_throttle (
  login_key        text PRIMARY KEY,
  failures         integer NOT NULL,
  first_failure_at timestamptz NOT NULL,
  locked_until     timestamptz
);

CREATE TYPE kg.actor AS (user_id uuid, restaurant_id uuid, role text, session_id uuid);

-- Who is behind this transaction: the session whose token it presented in kg.session_token.
CREATE FUNCTION kg.current_actor() RETURNS kg.actor
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT u.id, u.restaurant_id, u.role, s.id
    FROM kg.sessions s JOIN kg.users u ON u.id = s.user_id
   WHERE s.token_hash = digest(coalesce(current_setting('kg.session_token', true), ''), 'sha256')
     AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
$$;

CREATE FUNCTION kg.session_restaurant() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT (kg.current_actor()).restaurant_id
$$;

-- The actor, or an error the client maps to "signed out" (KG401).
CREATE FUNCTION kg.require_actor() RETURNS kg.actor
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.current_actor();
BEGIN
  IF a.user_id IS NULL THEN
    RAISE EXCEPTION 'No valid session: sign in again.' USING ERRCODE = 'KG401';
  END IF;
  RETURN a;
END $$;

CREATE FUNCTION kg.require_manager() RETURNS kg.actor
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
BEGIN
  IF a.role NOT IN ('owner', 'manager') THEN
    RAISE EXCEPTION 'Only an owner or a manager can do this.' USING ERRCODE = 'KG403';
  END IF;
  RETURN a;
END $$;

-- Starts a writing transaction for a restaurant: the next version, with its row lock held to commit.
CREATE FUNCTION kg.next_version(p_restaurant uuid) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  UPDATE kg.restaurant_sync SET version = version + 1 WHERE restaurant_id = p_restaurant RETURNING version
$$;

-- bcrypt as pgcrypto reads it: the $2b$ prefix (bcryptjs, Python bcrypt) is the same algorithm as $2a$.
CREATE FUNCTION kg.readable_hash(p_hash text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
  SELECT regexp_replace(p_hash, '^\$2[by]\$', '$2a$')
$$;

CREATE FUNCTION kg.new_hash(p_password text) RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF p_password IS NULL OR length(p_password) < 10 OR octet_length(p_password) > 72 THEN
    RAISE EXCEPTION 'Password must be 10 characters to 72 bytes.' USING ERRCODE = 'KG422';
  END IF;
  RETURN crypt(p_password, gen_salt('bf', 12));
END $$;

-- Throttling of guesses per login name: five free, then one minute doubling up to fifteen.
CREATE FUNCTION kg.throttle_wait(p_key text) RETURNS integer
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce((SELECT greatest(0, ceil(extract(epoch FROM locked_until - now())))::integer
                     FROM kg.login_throttle WHERE login_key = p_key), 0)
$$;

CREATE FUNCTION kg.throttle_failure(p_key text) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  t kg.login_throttle;
BEGIN
  SELECT * INTO t FROM kg.login_throttle WHERE login_key = p_key FOR UPDATE;
  IF t.login_key IS NULL OR now() - t.first_failure_at > interval '15 minutes' THEN
    t := ROW(p_key, 1, now(), NULL);
  ELSE
    t.failures := t.failures + 1;
  END IF;
  IF t.failures >= 5 THEN
    t.locked_until := now() + least(interval '15 minutes', interval '1 minute' * 2 ^ (t.failures - 5));
  END IF;
  INSERT INTO kg.login_throttle VALUES (t.*)
  ON CONFLICT (login_key) DO UPDATE SET failures = excluded.failures,
    first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until;
END $$;

-- A password guess against a throttled name: null when it is right (the count starts over),
-- otherwise the reply to give: locked, or invalid (and counted). A reply, not an error, so the
-- count commits.
CREATE FUNCTION kg.check_guess(p_key text, p_hash text, p_password text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  wait integer := kg.throttle_wait(p_key);
BEGIN
  IF wait > 0 THEN
    RETURN jsonb_build_object('status', 'locked', 'retryAfterSeconds', wait);
  END IF;
  IF p_hash IS NULL OR crypt(coalesce(p_password, ''), p_hash) <> p_hash THEN
    PERFORM kg.throttle_failure(p_key);
    RETURN jsonb_build_object('status', 'invalid');
  END IF;
  DELETE FROM kg.login_throttle WHERE login_key = p_key;
  RETURN NULL;
END $$;

CREATE FUNCTION kg.user_json(p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT jsonb_build_object('id', u.id, 'restaurantId', u.restaurant_id, 'username', u.username, 'email', u.email,
    'fullName', u.full_name, 'position', u.position, 'role', u.role, 'isActive', u.is_active,
    'kitchenProduceList', u.kitchen_produce_list, 'barProduceList', u.bar_produce_list,
    'lastLoginAt', u.last_login_at, 'createdAt', u.created_at,
    'restaurant', jsonb_build_object('id', r.id, 'name', r.name, 'type', r.type))
  FROM kg.users u JOIN kg.restaurants r ON r.id = u.restaurant_id WHERE u.id = p_user
$$;

CREATE FUNCTION kg.open_session(p_user uuid, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  token text := translate(encode(gen_random_bytes(32), 'base64'), '+/=', '-_');
  expires timestamptz := now() + interval '30 days';
  r uuid;
BEGIN
  INSERT INTO kg.sessions (user_id, token_hash, device_id, expires_at) VALUES (p_user, digest(token, 'sha256'), p_device, expires);
  SELECT restaurant_id INTO r FROM kg.users WHERE id = p_user;
  UPDATE kg.users SET last_login_at = now(), version = kg.next_version(r) WHERE id = p_user;
  RETURN jsonb_build_object('status', 'ok', 'token', token, 'expiresAt', expires, 'user', kg.user_json(p_user));
END $$;

-- Usernames and emails are unique across the server, whatever their case (KG409 names the field).
CREATE FUNCTION kg.insert_user(p jsonb, p_restaurant uuid, p_role text, p_hash text, p_version bigint) RETURNS uuid
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM kg.users WHERE lower(username) = lower(p->>'username')) THEN
    RAISE EXCEPTION 'That username is taken.' USING ERRCODE = 'KG409', DETAIL = 'username';
  END IF;
  IF EXISTS (SELECT 1 FROM kg.users WHERE lower(email) = lower(p->>'email')) THEN
    RAISE EXCEPTION 'That email is already registered.' USING ERRCODE = 'KG409', DETAIL = 'email';
  END IF;
  INSERT INTO kg.users (id, restaurant_id, username, email, full_name, position, role, version)
  VALUES ((p->>'id')::uuid, p_restaurant, p->>'username', p->>'email', p->>'fullName', coalesce(p->>'position', ''),
          p_role, p_version);
  INSERT INTO kg.credentials (user_id, password_hash) VALUES ((p->>'id')::uuid, kg.readable_hash(p_hash));
  RETURN (p->>'id')::uuid;
END $$;

-- A new restaurant and its owner; the owner is signed in on the calling device.
CREATE FUNCTION kg.register(p_restaurant jsonb, p_owner jsonb, p_password text, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (p_restaurant->>'id')::uuid;
BEGIN
  INSERT INTO kg.restaurants (id, name, type, version) VALUES (r, p_restaurant->>'name', p_restaurant->>'type', 1);
  INSERT INTO kg.restaurant_sync (restaurant_id, version) VALUES (r, 1);
  RETURN kg.open_session(kg.insert_user(p_owner, r, 'owner', kg.new_hash(p_password), 1), p_device);
END $$;

CREATE FUNCTION kg.login(p_login text, p_password text, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  u kg.users;
  h text;
  refused jsonb;
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
  IF NOT u.is_active THEN
    RETURN jsonb_build_object('status', 'inactive');
  END IF;
  RETURN kg.open_session(u.id, p_device);
END $$;

CREATE FUNCTION kg.logout() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  UPDATE kg.sessions SET revoked_at = now() WHERE id = (kg.current_actor()).session_id
$$;

-- The signed-in user and their restaurant, or null when the session is no longer valid.
CREATE FUNCTION kg.whoami() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
  SELECT kg.user_json((kg.current_actor()).user_id)
$$;

CREATE FUNCTION kg.change_password(p_current text, p_new text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  h text;
BEGIN
  SELECT password_hash INTO h FROM kg.credentials WHERE user_id = a.user_id FOR UPDATE;
  IF crypt(coalesce(p_current, ''), h) <> h THEN
    RAISE EXCEPTION 'Current password is incorrect.' USING ERRCODE = 'KG422', DETAIL = 'currentPassword';
  END IF;
  UPDATE kg.credentials SET password_hash = kg.new_hash(p_new), updated_at = now() WHERE user_id = a.user_id;
  UPDATE kg.sessions SET revoked_at = now() WHERE user_id = a.user_id AND id <> a.session_id AND revoked_at IS NULL;
END $$;

-- Who may manage whom: owners everyone; managers staff and managers; never across restaurants.
CREATE FUNCTION kg.managed_user(p_actor_role text, p_restaurant uuid, p_user uuid) RETURNS kg.users
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  u kg.users;
BEGIN
  SELECT * INTO u FROM kg.users WHERE id = p_user AND restaurant_id = p_restaurant FOR UPDATE;
  IF u.id IS NULL THEN
    RAISE EXCEPTION 'No such team member.' USING ERRCODE = 'KG404';
  END IF;
  IF u.role = 'owner' AND p_actor_role <> 'owner' THEN
    RAISE EXCEPTION 'Only an owner can change an owner.' USING ERRCODE = 'KG403';
  END IF;
  RETURN u;
END $$;

CREATE FUNCTION kg.assert_may_grant(p_actor_role text, p_role text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_role NOT IN ('owner', 'manager', 'staff') THEN
    RAISE EXCEPTION 'Role must be owner, manager or staff.' USING ERRCODE = 'KG422';
  END IF;
  IF p_role = 'owner' AND p_actor_role <> 'owner' THEN
    RAISE EXCEPTION 'Only an owner can make someone an owner.' USING ERRCODE = 'KG403';
  END IF;
END $$;

CREATE FUNCTION kg.create_user(p_user jsonb, p_password text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  u uuid;
BEGIN
  PERFORM kg.assert_may_grant(a.role, p_user->>'role');
  u := kg.insert_user(p_user, a.restaurant_id, p_user->>'role', kg.new_hash(p_password), kg.next_version(a.restaurant_id));
  -- A statement of its own: the STABLE user_json reads with its statement's snapshot, and one taken
  -- before the insert would see no such user and reply null.
  RETURN kg.user_json(u);
END $$;

CREATE FUNCTION kg.set_role(p_user uuid, p_role text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  u kg.users := kg.managed_user(a.role, a.restaurant_id, p_user);
BEGIN
  PERFORM kg.assert_may_grant(a.role, p_role);
  IF u.role = 'owner' AND p_role <> 'owner' AND u.is_active
     AND (SELECT count(*) FROM kg.users WHERE restaurant_id = a.restaurant_id AND role = 'owner' AND is_active) <= 1 THEN
    RAISE EXCEPTION 'A restaurant needs at least one active owner.' USING ERRCODE = 'KG403';
  END IF;
  UPDATE kg.users SET role = p_role, updated_at = now(), version = kg.next_version(a.restaurant_id) WHERE id = u.id;
  RETURN kg.user_json(u.id);
END $$;

CREATE FUNCTION kg.set_active(p_user uuid, p_active boolean) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  u kg.users := kg.managed_user(a.role, a.restaurant_id, p_user);
BEGIN
  IF u.id = a.user_id AND NOT p_active THEN
    RAISE EXCEPTION 'You cannot deactivate your own account.' USING ERRCODE = 'KG403';
  END IF;
  UPDATE kg.users SET is_active = p_active, updated_at = now(), version = kg.next_version(a.restaurant_id) WHERE id = u.id;
  IF NOT p_active THEN
    UPDATE kg.sessions SET revoked_at = now() WHERE user_id = u.id AND revoked_at IS NULL;
  END IF;
  RETURN kg.user_json(u.id);
END $$;

CREATE FUNCTION kg.issue_reset_code(p_user uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  u kg.users := kg.managed_user(a.role, a.restaurant_id, p_user);
  alphabet text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  code text := '';
  expires timestamptz := now() + interval '1 hour';
BEGIN
  FOR i IN 1..8 LOOP
    code := code || substr(alphabet, 1 + (get_byte(gen_random_bytes(1), 0) % length(alphabet)), 1);
  END LOOP;
  UPDATE kg.password_reset_codes SET used_at = now() WHERE user_id = u.id AND used_at IS NULL;
  INSERT INTO kg.password_reset_codes (user_id, code_hash, issued_by, expires_at)
  VALUES (u.id, digest(code, 'sha256'), a.user_id, expires);
  RETURN jsonb_build_object('code', substr(code, 1, 4) || '-' || substr(code, 5), 'expiresAt', expires,
    'username', u.username);
END $$;

CREATE FUNCTION kg.reset_password(p_username text, p_code text, p_new text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  k text := 'reset:' || lower(trim(p_username));
  wait integer := kg.throttle_wait(k);
  code_id uuid;
  u uuid;
BEGIN
  IF wait > 0 THEN
    RETURN jsonb_build_object('status', 'locked', 'retryAfterSeconds', wait);
  END IF;
  SELECT c.id, c.user_id INTO code_id, u
    FROM kg.password_reset_codes c JOIN kg.users usr ON usr.id = c.user_id
   WHERE lower(usr.username) = lower(trim(p_username))
     AND c.code_hash = digest(upper(regexp_replace(coalesce(p_code, ''), '[^0-9A-Za-z]', '', 'g')), 'sha256')
     AND c.used_at IS NULL AND c.expires_at > now()
   FOR UPDATE OF c;
  IF code_id IS NULL THEN
    PERFORM kg.throttle_failure(k);
    RETURN jsonb_build_object('status', 'invalid');
  END IF;
  UPDATE kg.password_reset_codes SET used_at = now() WHERE id = code_id;
  UPDATE kg.credentials SET password_hash = kg.new_hash(p_new), updated_at = now() WHERE user_id = u;
  UPDATE kg.sessions SET revoked_at = now() WHERE user_id = u AND revoked_at IS NULL;
  -- The new password works at once, even if guessing the old one had locked the account.
  DELETE FROM kg.login_throttle WHERE login_key IN (k, 'user:' || u);
  RETURN jsonb_build_object('status', 'ok');
END $$;

CREATE FUNCTION kg.update_profile(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
BEGIN
  PERFORM kg.apply_profile(a.user_id, a.restaurant_id, p, kg.next_version(a.restaurant_id));
  RETURN kg.user_json(a.user_id);
END $$;

-- Profile fields a user edits about themselves; also how a synced 'user.update' lands.
CREATE FUNCTION kg.apply_profile(p_user uuid, p_restaurant uuid, p jsonb, p_version bigint) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  IF p ? 'email' AND EXISTS (SELECT 1 FROM kg.users WHERE lower(email) = lower(p->>'email') AND id <> p_user) THEN
    RAISE EXCEPTION 'That email is already registered.' USING ERRCODE = 'KG409', DETAIL = 'email';
  END IF;
  UPDATE kg.users SET
    full_name = CASE WHEN p ? 'fullName' THEN p->>'fullName' ELSE full_name END,
    email = CASE WHEN p ? 'email' THEN p->>'email' ELSE email END,
    position = CASE WHEN p ? 'position' THEN p->>'position' ELSE position END,
    kitchen_produce_list = CASE WHEN p ? 'kitchenProduceList' THEN p->'kitchenProduceList' ELSE kitchen_produce_list END,
    bar_produce_list = CASE WHEN p ? 'barProduceList' THEN p->'barProduceList' ELSE bar_produce_list END,
    updated_at = now(), version = p_version
  WHERE id = p_user AND restaurant_id = p_restaurant;
END $$;

-- Tenancy: the application role sees its own restaurant's rows only, and nothing without a session.
ALTER TABLE kg.restaurants ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.restaurants USING (id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.restaurant_sync ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.restaurant_sync USING (restaurant_id = (SELECT kg.session_restaurant()));
ALTER TABLE kg.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY same_restaurant ON kg.users USING (restaurant_id = (SELECT kg.session_restaurant()));
-- Secrets: no policy at all, so even a mistaken grant would show nothing.
ALTER TABLE kg.credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE kg.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE kg.password_reset_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE kg.login_throttle ENABLE ROW LEVEL SECURITY;
