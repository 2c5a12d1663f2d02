/** What set-up grants the application role, on every run; everything else in the schema stays private to it. */

/** The functions it may call. */
export const APP_FUNCTIONS = [
  'kg.session_restaurant()',
  'kg.register(jsonb, jsonb, text, uuid)',
  'kg.login(text, text, uuid)',
  'kg.logout()',
  'kg.whoami()',
  'kg.change_password(text, text)',
  'kg.update_profile(jsonb)',
  'kg.create_user(jsonb, text)',
  'kg.set_role(uuid, text)',
  'kg.set_active(uuid, boolean)',
  'kg.issue_reset_code(uuid)',
  'kg.reset_password(text, text, text)',
  'kg.push(uuid, jsonb)',
  'kg.device_state(uuid)',
  'kg.join_restaurant(jsonb, jsonb, text, text, uuid)',
  'kg.upload_users(jsonb)',
  'kg.upload_items(jsonb)',
  'kg.upload_movements(jsonb, uuid)',
  'kg.set_device_position(uuid, bigint)',
];

/** What it may read, through row-level security. */
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
];
