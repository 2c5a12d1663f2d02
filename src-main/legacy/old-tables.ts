/**
 * The old KitchenGuard's tables as this import reads them: every column cast to text, so that no
 * driver turns a decimal into a float or a zone-less time into local time on the way, and checked
 * with zod for the old shape (a row without it is listed as unreadable).
 */
import { z } from 'zod';
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

const cell = z.string().nullable();
const OLD_ID = /^-?\d{1,19}$/;
const oldId = z.string().regex(OLD_ID, 'id is not a whole number');

export const rawUser = z.object({
  id: oldId,
  username: cell,
  email: cell,
  password_hash: cell,
  full_name: cell,
  restaurant_name: cell,
  restaurant_type: cell,
  user_position: cell,
  kitchen_produce_list: cell,
  bar_produce_list: cell,
  created_at: cell,
  updated_at: cell,
  is_active: cell,
  last_login: cell,
});
export type RawUser = z.infer<typeof rawUser>;

export const rawResetToken = z.object({
  id: oldId,
  user_id: cell,
  expires_at: cell,
  used: cell,
  created_at: cell,
});
export type RawResetToken = z.infer<typeof rawResetToken>;

export const rawItem = z.object({
  id: oldId,
  user_id: cell,
  name: cell,
  category: cell,
  supplier: cell,
  unit_cost: cell,
  unit: cell,
  current_stock: cell,
  created_at: cell,
  updated_at: cell,
});
export type RawItem = z.infer<typeof rawItem>;

/**
 * Whether a row read with `schema`'s SQL has the old shape: every column text or null, the id a
 * whole number. What zod checks, without its cost per row (the bench reads half a million); zod
 * still says what is wrong with a row that has not.
 */
export function hasOldShape(schema: z.ZodObject, row: Record<string, unknown>): boolean {
  if (typeof row.id !== 'string' || !OLD_ID.test(row.id)) return false;
  for (const column in schema.shape) {
    const value = row[column];
    if (value !== null && typeof value !== 'string') return false;
  }
  return true;
}

const asText = (schema: z.ZodObject) =>
  Object.keys(schema.shape)
    .map((column) => `${column}::text AS ${column}`)
    .join(', ');

export const USERS_SQL = `SELECT ${asText(rawUser)} FROM users ORDER BY id`;
// The token itself is never read: it was a link sent by e-mail, and it is dropped.
export const RESET_TOKENS_SQL = `SELECT ${asText(rawResetToken)} FROM password_reset_tokens ORDER BY id`;
export const itemsSql = (table: OldItemTable) => `SELECT ${asText(rawItem)} FROM ${table} ORDER BY id`;
