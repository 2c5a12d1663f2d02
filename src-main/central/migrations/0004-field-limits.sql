-- Server schema v4: the limits the app's contract sets (shared/contract/fields.ts, shared/quantity.ts),
-- where v1 and v2 were looser: quantities and pars at most a billion units (three decimals), and
-- produce lists of at most 500 names of 1 to 80 characters (v1 only asked for an array).
-- src-main/central/limits.test.ts holds these and the shared rules together.
--
-- NOT VALID: rows already stored are not re-checked, so an upgrade never fails on old data (the app
-- never wrote any beyond these limits); every new or changed row is checked.

ALTER TABLE kg.stock_movements
  ADD CONSTRAINT stock_movements_quantity_limit CHECK (abs(quantity) <= 999999999.999) NOT VALID;

ALTER TABLE kg.items
  ADD CONSTRAINT items_par_limit CHECK (par <= 999999999.999) NOT VALID;

-- A CHECK cannot hold a subquery; an immutable function over the value can.
CREATE FUNCTION kg.is_produce_list(p jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = kg, public, pg_temp AS $$
  SELECT jsonb_typeof(p) = 'array' AND jsonb_array_length(p) <= 500
     AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p) AS e(name)
                      WHERE jsonb_typeof(e.name) <> 'string' OR length(e.name #>> '{}') NOT BETWEEN 1 AND 80)
$$;

ALTER TABLE kg.users
  ADD CONSTRAINT users_kitchen_produce_list_names CHECK (kg.is_produce_list(kitchen_produce_list)) NOT VALID,
  ADD CONSTRAINT users_bar_produce_list_names CHECK (kg.is_produce_list(bar_produce_list)) NOT VALID;
