-- Server schema v17: an item edit received by a push stamps every field it names, not only the
-- fields whose value it changes. After a restore, a computer's upload can bring the value of its
-- own edit still waiting in its outbox (with that field's older stamp) before the push of that
-- edit arrives; the push then changed nothing, stamped nothing, and another computer's upload of an
-- edit the server had received earlier won the field. The field holds the last edit the server
-- received (decision 0009), whether or not that edit changed the value.
CREATE OR REPLACE FUNCTION kg.apply_item_update(a kg.actor, v bigint, p jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = kg, public, pg_temp AS $$
DECLARE
  i kg.items;
  named text[] := ARRAY(SELECT f FROM unnest(ARRAY['name', 'category', 'supplier', 'unit', 'unitCostCents',
                                                   'parMilli']) AS f WHERE p ? f);
  stamp bigint;
BEGIN
  PERFORM kg.require_role(a, true);
  i := kg.own_item(a, (p->>'id')::uuid);
  IF i.deleted_at IS NOT NULL THEN
    RAISE EXCEPTION '%', kg.item_deleted_reason('change to it') USING ERRCODE = 'KG409';
  END IF;
  -- One edit, one number: every field it names gets the same stamp.
  IF cardinality(named) > 0 THEN
    stamp := nextval('kg.item_edit_seq');
  END IF;
  UPDATE kg.items SET
    name = CASE WHEN p ? 'name' THEN p->>'name' ELSE name END,
    category = CASE WHEN p ? 'category' THEN p->>'category' ELSE category END,
    supplier = CASE WHEN p ? 'supplier' THEN p->>'supplier' ELSE supplier END,
    unit = CASE WHEN p ? 'unit' THEN p->>'unit' ELSE unit END,
    unit_cost = CASE WHEN p ? 'unitCostCents' THEN kg.cents(p, 'unitCostCents') ELSE unit_cost END,
    par = CASE WHEN p ? 'parMilli' THEN kg.milli(p, 'parMilli') ELSE par END,
    -- Set here, the stamps are taken as they are by kg.stamp_item_edit (an unchanged edit_seqs
    -- would have it stamp only the changed fields).
    edit_seqs = edit_seqs || coalesce((SELECT jsonb_object_agg(f, stamp) FROM unnest(named) AS f), '{}'),
    updated_by = a.user_id, updated_at = now(), version = v
  WHERE id = i.id;
END $$;
