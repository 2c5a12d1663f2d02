-- Server schema v16: a restaurant's currency (ISO 4217, e.g. EUR), chosen by its owners and managers
-- and pulled by every computer of the restaurant with the restaurant's row. Null until one is
-- chosen (restaurants made before this): money shows without a sign until then.
ALTER TABLE kg.restaurants ADD COLUMN currency text CHECK (currency ~ '^[A-Z]{3}$');

-- Sets the session's restaurant's currency; its other computers pull it with their next sync.
CREATE FUNCTION kg.set_currency(p_currency text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kg, public, pg_temp AS $$
DECLARE
  a kg.actor := kg.require_manager();
  r kg.restaurants;
BEGIN
  IF p_currency IS NULL OR p_currency !~ '^[A-Z]{3}$' THEN
    RAISE EXCEPTION 'Choose a currency from the list, such as EUR or USD.' USING ERRCODE = 'KG422', DETAIL = 'currency';
  END IF;
  UPDATE kg.restaurants SET currency = p_currency, updated_at = now(), version = kg.next_version(a.restaurant_id)
   WHERE id = a.restaurant_id
  RETURNING * INTO r;
  RETURN jsonb_build_object('id', r.id, 'currency', r.currency);
END $$;
