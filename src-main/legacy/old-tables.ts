/**
 * The old KitchenGuard's tables as this import reads them: every column cast to text, so that no
 * driver turns a decimal into a float or a zone-less time into local time on the way.
 */
import type { Area } from '../../shared/domain';

/** The two old item tables and the storage area each becomes. */
export const OldItemTables = {
  kitchen_produce: { area: 'kitchen' },
  bar_supplies: { area: 'bar' },
} as const satisfies Record<string, { area: Area }>;
export type OldItemTable = keyof typeof OldItemTables;
export const OLD_ITEM_TABLES = Object.keys(OldItemTables) as OldItemTable[];

/** Where an old row came from, as the report and the server's memory of old ids name it. */
export type OldSource = 'users' | 'password_reset_tokens' | OldItemTable;

const asText = (columns: string[]) => columns.map((column) => `${column}::text AS ${column}`).join(', ');

export const USERS_SQL = `SELECT ${asText([
  'id',
  'username',
  'email',
  'password_hash',
  'full_name',
  'restaurant_name',
  'restaurant_type',
  'user_position',
  'kitchen_produce_list',
  'bar_produce_list',
  'created_at',
  'updated_at',
  'is_active',
  'last_login',
])} FROM users ORDER BY id`;

// The token itself is never read: it was a link sent by e-mail, and it is dropped.
export const RESET_TOKENS_SQL = `SELECT ${asText(['id', 'user_id', 'expires_at', 'used', 'created_at'])}
  FROM password_reset_tokens ORDER BY id`;

export const itemsSql = (table: OldItemTable) =>
  `SELECT ${asText([
    'id',
    'user_id',
    'name',
    'category',
    'supplier',
    'unit_cost',
    'unit',
    'current_stock',
    'created_at',
    'updated_at',
  ])} FROM ${table} ORDER BY id`;
