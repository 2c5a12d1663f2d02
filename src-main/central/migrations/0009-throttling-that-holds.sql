-- Server schema v9: throttling that holds (docs/decisions/0011-throttling.md). Guesses are limited
-- per account with a lock that lasts a day, per computer (one computer spraying many accounts) and
-- server-wide; password changes count as guesses; registrations are limited, and "taken" is a reply
-- that counts. A computer of the account's own restaurant keeps counters of its own, so failures
-- elsewhere never lock a team member out of their own computer.

-- The limits, one row per rule. An administrator may tune them; tests tune them in their own database.
-- A key locks once it has `free` failures within `per`; each further failure doubles the lock, from a
-- minute up to `longest_lock`. The count starts over only when `per` has passed since its first failure.
CREATE TABLE kg.throttle_rules (
  rule         text PRIMARY KEY,
  free         integer NOT NULL CHECK (free > 0),
  per          interval NOT NULL,
  longest_lock interval NOT NULL
);
INSERT INTO kg.throttle_rules VALUES
  ('account', 5, '24 hours', '24 hours'),
  ('computer', 30, '24 hours', '24 hours'),
  ('server', 1000, '1 hour', '15 minutes'),
  ('reset code', 5, '1 hour', '15 minutes'),
  ('registration', 10, '24 hours', '24 hours'),
  ('registrations', 200, '1 hour', '1 hour');
ALTER TABLE kg.throttle_rules ENABLE ROW LEVEL SECURITY;

CREATE INDEX sessions_device ON kg.sessions (device_id);

-- One more failure (or counted attempt) against a key, under its rule.
CREATE FUNCTION kg.count_failure(p_key text, p_rule text) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  r kg.throttle_rules;
  n integer;
BEGIN
  SELECT * INTO STRICT r FROM kg.throttle_rules WHERE rule = p_rule;
  INSERT INTO kg.login_throttle AS t (login_key, failures, first_failure_at) VALUES (p_key, 1, now())
  ON CONFLICT (login_key) DO UPDATE SET
    failures = CASE WHEN now() - t.first_failure_at > r.per THEN 1 ELSE t.failures + 1 END,
    first_failure_at = CASE WHEN now() - t.first_failure_at > r.per THEN now() ELSE t.first_failure_at END
  RETURNING failures INTO n;
  IF n >= r.free THEN
    -- The exponent is capped before it is raised: 2^20 minutes is beyond any longest lock.
    UPDATE kg.login_throttle
       SET locked_until = now() + least(r.longest_lock, interval '1 minute' * 2 ^ least(n - r.free, 20))
     WHERE login_key = p_key;
  END IF;
END $$;

-- Kept for its callers (reset codes count under their own, shorter rule).
CREATE OR REPLACE FUNCTION kg.throttle_failure(p_key text) RETURNS void
LANGUAGE sql SET search_path = kg, public, pg_temp AS $$
  SELECT kg.count_failure(p_key, CASE WHEN p_key LIKE 'reset:%' THEN 'reset code' ELSE 'account' END)
$$;

-- The longest wait any of the keys still has, in seconds (0: none is locked).
CREATE FUNCTION kg.longest_wait(p_keys text[]) RETURNS integer
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce(max(kg.throttle_wait(k)), 0) FROM unnest(p_keys) AS k
$$;

CREATE FUNCTION kg.locked_reply(p_wait integer) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('status', 'locked', 'retryAfterSeconds', p_wait)
$$;

-- Who is calling, for the counts of one source: an enrolled computer is its own login; a connection
-- of the shared role is known only by its address.
CREATE FUNCTION kg.request_source() RETURNS text
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT coalesce('computer:' || (kg.this_computer()).device_id,
                  'address:' || coalesce(host(inet_client_addr()), 'local'))
$$;

-- The computer of `p_restaurant` this call comes from, or null. An enrolled computer is known by its
-- own login (v6), and its device id alone proves nothing. Until a computer enrols, its device id
-- stands for it when the restaurant's computers have used it (a session or a synced change): only
-- the restaurant's own sessions can read it.
CREATE FUNCTION kg.home_computer(p_restaurant uuid, p_device uuid) RETURNS text
LANGUAGE sql STABLE SET search_path = kg, public, pg_temp AS $$
  SELECT CASE
    WHEN here.device_id IS NOT NULL THEN
      CASE WHEN here.restaurant_id = p_restaurant AND here.revoked_at IS NULL THEN 'computer:' || here.device_id END
    WHEN EXISTS (SELECT 1 FROM kg.computers WHERE device_id = p_device) THEN NULL
    WHEN EXISTS (SELECT 1 FROM kg.devices WHERE id = p_device AND restaurant_id = p_restaurant)
      OR EXISTS (SELECT 1 FROM kg.sessions s JOIN kg.users u ON u.id = s.user_id
                  WHERE s.device_id = p_device AND u.restaurant_id = p_restaurant)
      THEN 'computer:' || p_device
  END
  FROM kg.this_computer() AS here
$$;

-- A password guess that every given counter must allow: null when it is right (the account's count,
-- the first key, starts over; the computer's and the server's do not, so one known password buys no
-- further guesses at others), otherwise the reply: locked, or invalid (and counted everywhere).
-- A reply, not an error, so the count commits.
CREATE FUNCTION kg.check_guesses(p_keys text[], p_rules text[], p_hash text, p_password text) RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  wait integer := kg.longest_wait(p_keys);
BEGIN
  IF wait > 0 THEN
    RETURN kg.locked_reply(wait);
  END IF;
  IF p_hash IS NULL OR crypt(coalesce(p_password, ''), p_hash) <> p_hash THEN
    PERFORM kg.count_failure(k, r) FROM unnest(p_keys, p_rules) AS x(k, r) WHERE k IS NOT NULL;
    RETURN jsonb_build_object('status', 'invalid');
  END IF;
  DELETE FROM kg.login_throttle WHERE login_key = p_keys[1];
  RETURN NULL;
END $$;

-- A guess at an account's password (or at an unknown name, `p_account` null). From a computer of the
-- account's restaurant it meets that computer's counters only; from anywhere else, the account's
-- counter for elsewhere, the address's and the server-wide one.
CREATE FUNCTION kg.check_sign_in(p_account uuid, p_login text, p_hash text, p_password text, p_device uuid)
RETURNS jsonb
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  home text := kg.home_computer((SELECT restaurant_id FROM kg.users WHERE id = p_account), p_device);
  account text := coalesce('user:' || p_account, lower(trim(p_login)));
  keys text[] := CASE WHEN home IS NOT NULL THEN ARRAY[account || '@' || home, home]
                      ELSE ARRAY[account, kg.request_source(), 'server'] END;
BEGIN
  -- An unknown name costs a bcrypt comparison too, so timing does not tell names apart; a locked
  -- reply costs none.
  IF p_hash IS NULL AND kg.longest_wait(keys) = 0 THEN
    PERFORM crypt(coalesce(p_password, ''), gen_salt('bf', 12));
  END IF;
  RETURN kg.check_guesses(keys, ARRAY['account', 'computer', 'server'], p_hash, p_password);
END $$;

-- Joining and enrolling (kg.join_restaurant, kg.enrol_computer) guess from elsewhere: the source
-- and the server count it too.
CREATE OR REPLACE FUNCTION kg.check_guess(p_key text, p_hash text, p_password text) RETURNS jsonb
LANGUAGE sql SET search_path = kg, public, pg_temp AS $$
  SELECT kg.check_guesses(ARRAY[p_key, kg.request_source(), 'server'], ARRAY['account', 'computer', 'server'],
    p_hash, p_password)
$$;

-- As v6 (a computer enrolled for one restaurant signs in that restaurant's people only), guessed
-- through kg.check_sign_in.
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
  refused := kg.check_sign_in(u.id, p_login, h, p_password, p_device);
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

-- Every count of an account, from everywhere: a new password starts them all over.
CREATE FUNCTION kg.forget_failures(p_user uuid) RETURNS void
LANGUAGE sql SET search_path = kg, public, pg_temp AS $$
  DELETE FROM kg.login_throttle WHERE login_key = 'user:' || p_user OR login_key LIKE 'user:' || p_user || '@%'
$$;

-- A password change is a guess at the current password, counted as a sign-in from the session's
-- computer. It replaces kg.change_password, which raised on a wrong password and so counted nothing.
DROP FUNCTION kg.change_password(text, text);
CREATE FUNCTION kg.change_own_password(p_current text, p_new text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  h text;
  refused jsonb;
BEGIN
  SELECT password_hash INTO h FROM kg.credentials WHERE user_id = a.user_id FOR UPDATE;
  refused := kg.check_sign_in(a.user_id, NULL, h, p_current, (SELECT device_id FROM kg.sessions WHERE id = a.session_id));
  IF refused IS NOT NULL THEN
    RETURN refused;
  END IF;
  UPDATE kg.credentials SET password_hash = kg.new_hash(p_new), updated_at = now() WHERE user_id = a.user_id;
  UPDATE kg.sessions SET revoked_at = now() WHERE user_id = a.user_id AND id <> a.session_id AND revoked_at IS NULL;
  PERFORM kg.forget_failures(a.user_id);
  RETURN jsonb_build_object('status', 'ok');
END $$;

CREATE OR REPLACE FUNCTION kg.reset_password(p_username text, p_code text, p_new text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  k text := 'reset:' || lower(trim(p_username));
  wait integer := kg.throttle_wait(k);
  code_id uuid;
  u uuid;
BEGIN
  IF wait > 0 THEN
    RETURN kg.locked_reply(wait);
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
  -- The new password works at once, on every computer, even if guessing the old one had locked it.
  DELETE FROM kg.login_throttle WHERE login_key = k;
  PERFORM kg.forget_failures(u);
  RETURN jsonb_build_object('status', 'ok');
END $$;

-- Registration answers whether a username or email is taken, so every attempt counts, per address
-- and server-wide. Whatever it refuses is a reply, not an error, so the count always commits: an
-- error after the count would undo it and make "not taken" free to learn.
CREATE OR REPLACE FUNCTION kg.register(p_restaurant jsonb, p_owner jsonb, p_password text, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  r uuid := (p_restaurant->>'id')::uuid;
  keys text[] := ARRAY['registration:' || kg.request_source(), 'registrations'];
  wait integer := kg.longest_wait(keys);
  code text;
  message text;
  field text;
BEGIN
  IF wait > 0 THEN
    RETURN kg.locked_reply(wait);
  END IF;
  PERFORM kg.count_failure(keys[1], 'registration'), kg.count_failure(keys[2], 'registrations');
  BEGIN
    INSERT INTO kg.restaurants (id, name, type, version) VALUES (r, p_restaurant->>'name', p_restaurant->>'type', 1);
    INSERT INTO kg.restaurant_sync (restaurant_id, version) VALUES (r, 1);
    RETURN kg.open_session(kg.insert_user(p_owner, r, 'owner', kg.new_hash(p_password), 1), p_device);
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT, field = PG_EXCEPTION_DETAIL;
    RETURN jsonb_build_object('status', 'refused', 'code', code, 'message', message, 'field', field);
  END;
END $$;
