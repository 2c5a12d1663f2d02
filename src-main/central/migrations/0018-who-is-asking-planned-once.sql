-- Server schema v18: who is behind a transaction is looked up with a plan made once per server
-- connection. As SQL functions (SECURITY DEFINER, never inlined) kg.current_actor and
-- kg.session_restaurant were parsed and planned again at every call, and row-level security calls
-- them in every query a computer sends: about a millisecond each, most of the server's time in a
-- sync. In PL/pgSQL their queries keep a cached plan. Same answers: the session's actor, or a row of
-- nulls when the token names no valid session here.
CREATE OR REPLACE FUNCTION kg.current_actor() RETURNS kg.actor
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor;
BEGIN
  SELECT u.id, u.restaurant_id, u.role, s.id INTO a
    FROM kg.sessions s JOIN kg.users u ON u.id = s.user_id
   WHERE s.token_hash = digest(coalesce(current_setting('kg.session_token', true), ''), 'sha256')
     AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
     AND NOT EXISTS (SELECT 1 FROM kg.computers c WHERE c.role_name = session_user
                        AND (c.restaurant_id <> u.restaurant_id OR c.revoked_at IS NOT NULL));
  RETURN a;
END $$;

CREATE OR REPLACE FUNCTION kg.session_restaurant() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
BEGIN
  RETURN (kg.current_actor()).restaurant_id;
END $$;
