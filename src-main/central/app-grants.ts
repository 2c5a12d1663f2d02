/**
 * What set-up grants the two application roles, on every run; everything else in the schema stays
 * private to them. The shared role (its password on every computer) enrols computers; each
 * enrolled computer logs in as its own member of the computers' group role.
 */

/** What the shared role may call: before a computer has its own login. */
export const ENROLMENT_FUNCTIONS = [
  'kg.register(jsonb, jsonb, text, uuid)',
  'kg.join_restaurant(jsonb, jsonb, text, text, uuid)',
  'kg.enrol_computer(text, text, uuid, text)',
  'kg.login(text, text, uuid)',
  'kg.reset_password(text, text, text)',
];

/** What an enrolled computer may call, through its group role. */
export const COMPUTER_FUNCTIONS = [
  'kg.session_restaurant()',
  'kg.login(text, text, uuid)',
  // A join cut short resumes on a computer its first attempt already enrolled.
  'kg.join_restaurant(jsonb, jsonb, text, text, uuid)',
  'kg.logout()',
  'kg.whoami()',
  'kg.change_own_password(text, text)',
  'kg.update_profile(jsonb)',
  'kg.create_user(jsonb, text)',
  'kg.set_role(uuid, text)',
  'kg.set_active(uuid, boolean)',
  'kg.issue_reset_code(uuid)',
  'kg.reset_password(text, text, text)',
  'kg.push(uuid, jsonb)',
  'kg.device_state(uuid)',
  'kg.upload_users(jsonb)',
  'kg.upload_items(jsonb)',
  'kg.upload_movements(jsonb, uuid)',
  'kg.place_movements(jsonb)',
  'kg.upload_storage(jsonb, jsonb, jsonb)',
  'kg.upload_counts(jsonb, jsonb, jsonb)',
  'kg.set_device_position(uuid, bigint)',
  'kg.list_computers()',
  'kg.revoke_computer(uuid)',
  'kg.set_currency(text)',
];

/** What the shared role may read: the schema version a connection test checks, nothing of a restaurant. */
export const ENROLMENT_TABLES = ['kg.server_info', 'kg.schema_migrations'];

/** What an enrolled computer may read, through row-level security. */
export const APP_TABLES = [
  'kg.server_info',
  'kg.schema_migrations',
  'kg.restaurants',
  'kg.restaurant_sync',
  'kg.users',
  'kg.items',
  'kg.stock_movements',
  'kg.item_stock',
  'kg.devices',
  'kg.mutation_rejections',
  'kg.storage_areas',
  'kg.shelf_places',
  'kg.count_units',
  'kg.counts',
  'kg.count_entries',
  'kg.count_results',
];

/**
 * The REVOKE statements for catalog objects PUBLIC may use by default and the app does not need:
 * large objects, other sessions' activity and table statistics (views and the functions under
 * them), signalling other backends, advisory locks. Read from the catalog, so every overload goes.
 */
export const REVOKED_FROM_PUBLIC = `
SELECT format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', p.oid::regprocedure) AS revoke
  FROM pg_proc p
 WHERE p.pronamespace = 'pg_catalog'::regnamespace
   AND (p.proname ~ '^(lo_|loread$|lowrite$|pg_stat_get_|pg_stat_reset|pg_(try_)?advisory_)'
        OR p.proname IN ('pg_terminate_backend', 'pg_cancel_backend', 'pg_blocking_pids', 'pg_safe_snapshot_blocking_pids'))
UNION ALL
SELECT format('REVOKE SELECT ON %s FROM PUBLIC', c.oid::regclass)
  FROM pg_class c
 WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
   AND (c.relname ~ '^pg_stat(io)?_' OR c.relname IN ('pg_locks', 'pg_largeobject_metadata'))`;
