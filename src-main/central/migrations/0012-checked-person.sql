-- Server schema v12: signing in (kg.login) and enrolling a computer (kg.enrol_computer) find the
-- person a sign-in names and check the password guessed in one place, kg.checked_person, instead of
-- each repeating it. Nothing else changes.

-- The team member a sign-in names, by username or e-mail (all nulls for an unknown name), and the
-- verdict on the password: `refused` is null when it is right, otherwise the reply (invalid or
-- locked). Counted as kg.check_sign_in counts it, unknown names costing a bcrypt comparison too. A
-- guess naming no computer (enrolling one, which only the shared role calls) counts as from
-- elsewhere: the account's, the source's and the server's counters. Private to the server's own
-- functions: the application roles cannot call it.
CREATE FUNCTION kg.checked_person(p_login text, p_password text, p_device uuid, OUT person kg.users, OUT refused jsonb)
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  SELECT * INTO person FROM kg.users
   WHERE lower(username) = lower(trim(p_login)) OR lower(email) = lower(trim(p_login));
  refused := kg.check_sign_in(person.id, p_login,
                              (SELECT password_hash FROM kg.credentials WHERE user_id = person.id),
                              p_password, p_device);
END $$;

-- As v9.
CREATE OR REPLACE FUNCTION kg.login(p_login text, p_password text, p_device uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  checked record := kg.checked_person(p_login, p_password, p_device);
  u kg.users := checked.person;
  here kg.computers := kg.this_computer();
BEGIN
  IF checked.refused IS NOT NULL THEN
    RETURN checked.refused;
  END IF;
  IF here.device_id IS NOT NULL AND (here.restaurant_id <> u.restaurant_id OR p_device <> here.device_id) THEN
    RAISE EXCEPTION 'This computer is enrolled for another restaurant.' USING ERRCODE = 'KG403';
  END IF;
  IF NOT u.is_active THEN
    RETURN jsonb_build_object('status', 'inactive');
  END IF;
  RETURN kg.open_session(u.id, p_device);
END $$;

-- As v6, the guess counted from elsewhere as v9 counts it.
CREATE OR REPLACE FUNCTION kg.enrol_computer(p_login text, p_password text, p_device uuid, p_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  checked record := kg.checked_person(p_login, p_password, NULL);
  u kg.users := checked.person;
  c kg.computers;
  secret text := translate(encode(gen_random_bytes(24), 'base64'), '+/=', '-_');
BEGIN
  IF checked.refused IS NOT NULL THEN
    RETURN checked.refused;
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
