-- Server schema v11: team members come back after a restore. The backup may lack people added after
-- it; every owner's or manager's computer uploads the team it holds. A computer holds the bcrypt hash
-- of a password only for those who signed in on it: that hash comes back with them. Someone no
-- computer holds a hash for comes back unable to sign in, and says so (needs_password), until an
-- owner or a manager gives them a reset code (docs/decisions/0009-restore-keeps-server-order.md).

ALTER TABLE kg.users ADD COLUMN needs_password boolean NOT NULL DEFAULT false;

-- Any new password (a reset code used, a password changed, a hash brought back) ends the wait.
CREATE FUNCTION kg.password_set() RETURNS trigger
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
BEGIN
  UPDATE kg.users SET needs_password = false, updated_at = now(), version = kg.next_version(restaurant_id)
   WHERE id = NEW.user_id AND needs_password;
  RETURN NULL;
END $$;
CREATE TRIGGER password_set AFTER UPDATE OF password_hash ON kg.credentials
  FOR EACH ROW EXECUTE FUNCTION kg.password_set();

-- A hash the server can use, or null: one it cannot read is no password.
CREATE FUNCTION kg.usable_hash(p_hash text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
BEGIN
  RETURN kg.readable_hash(p_hash);
EXCEPTION WHEN SQLSTATE 'KG422' THEN
  RETURN NULL;
END $$;

-- The team as an owner's or manager's computer holds it (staff upload no one): each person the
-- server lacks is added, with the hash this computer holds or none; one waiting for a password
-- takes the hash this computer holds.
CREATE OR REPLACE FUNCTION kg.upload_users(p_users jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_actor();
  v bigint;
  -- A manager brings up the owners on their device only while the server has none (a manager's
  -- join); once it has one, only an owner makes owners, as with create_user.
  may_add_owner boolean := a.role = 'owner'
    OR NOT EXISTS (SELECT 1 FROM kg.users WHERE restaurant_id = a.restaurant_id AND role = 'owner');
  p jsonb;
  h text;
  added integer := 0;
BEGIN
  IF a.role NOT IN ('owner', 'manager') THEN
    RETURN 0;
  END IF;
  v := kg.next_version(a.restaurant_id);
  FOR p IN SELECT value FROM jsonb_array_elements(p_users) LOOP
    h := kg.usable_hash(p->>'passwordHash');
    IF EXISTS (SELECT 1 FROM kg.users WHERE id = (p->>'id')::uuid) THEN
      IF NOT EXISTS (SELECT 1 FROM kg.users WHERE id = (p->>'id')::uuid AND restaurant_id = a.restaurant_id) THEN
        RAISE EXCEPTION 'No such team member.' USING ERRCODE = 'KG404';
      END IF;
      IF h IS NOT NULL AND EXISTS (SELECT 1 FROM kg.users WHERE id = (p->>'id')::uuid AND needs_password) THEN
        UPDATE kg.credentials SET password_hash = h, updated_at = now() WHERE user_id = (p->>'id')::uuid;
      END IF;
      CONTINUE;
    END IF;
    IF p->>'role' NOT IN ('owner', 'manager', 'staff') THEN
      RAISE EXCEPTION 'Role must be owner, manager or staff.' USING ERRCODE = 'KG422', DETAIL = 'role';
    END IF;
    IF p->>'role' = 'owner' AND NOT may_add_owner THEN
      RAISE EXCEPTION 'Only an owner can make someone an owner.' USING ERRCODE = 'KG403';
    END IF;
    -- Without a hash: a password no one knows, until a reset code.
    PERFORM kg.insert_user(p, a.restaurant_id, p->>'role',
                           coalesce(h, crypt(encode(gen_random_bytes(32), 'hex'), gen_salt('bf', 4))), v);
    UPDATE kg.users SET is_active = coalesce((p->>'isActive')::boolean, true), needs_password = h IS NULL,
      kitchen_produce_list = coalesce(p->'kitchenProduceList', '[]'), bar_produce_list = coalesce(p->'barProduceList', '[]')
     WHERE id = (p->>'id')::uuid;
    added := added + 1;
  END LOOP;
  RETURN added;
END $$;
