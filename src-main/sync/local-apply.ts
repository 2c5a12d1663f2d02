/**
 * Writes what the server sent into the local store. The server's row is the merged truth; what
 * this device still has waiting in its outbox is laid over it again, because those edits will
 * reach the server after everything already there, and so win.
 */
import { centsFromMoney } from '../../shared/money';
import { type MutationArgs, unhandledMutation } from '../../shared/mutations';
import { milliFromQuantity } from '../../shared/quantity';
import { loginKey } from '../auth/accounts-store';
import { ITEM_COLUMNS, type ItemFields } from '../inventory/items-store';
import { refreshOnHand } from '../inventory/movements-store';
import type { Db } from '../store/database';
import { waitingItemEdits } from '../store/outbox';
import { sql } from '../store/statements';
import type { ServerItem, ServerMovement, ServerUser } from './server-rows';

export function applyRestaurant(
  db: Db,
  row: { id: string; name: string; type: string; created_at: string; updated_at: string },
) {
  sql(
    db,
    `INSERT INTO restaurants (id, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, updated_at = excluded.updated_at`,
  ).run(row.id, row.name, row.type, row.created_at, row.updated_at);
}

/** A user as the server knows them; their password hash stays whatever this device cached. */
export function applyUser(db: Db, row: ServerUser): void {
  sql(
    db,
    `INSERT INTO users (id, restaurant_id, username, username_key, email, email_key, password_hash, full_name,
       position, role, kitchen_produce_list, bar_produce_list, is_active, last_login_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, username_key = excluded.username_key,
       email = excluded.email, email_key = excluded.email_key, full_name = excluded.full_name,
       position = excluded.position, role = excluded.role, kitchen_produce_list = excluded.kitchen_produce_list,
       bar_produce_list = excluded.bar_produce_list, is_active = excluded.is_active,
       last_login_at = excluded.last_login_at, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(
    row.id,
    row.restaurant_id,
    row.username,
    loginKey(row.username),
    row.email,
    loginKey(row.email),
    row.full_name,
    row.position,
    row.role,
    JSON.stringify(row.kitchen_produce_list),
    JSON.stringify(row.bar_produce_list),
    row.is_active ? 1 : 0,
    row.last_login_at,
    row.created_at,
    row.updated_at,
  );
  if (!row.is_active) {
    sql(db, 'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(row.updated_at, row.id);
  }
}

export function applyItem(db: Db, row: ServerItem): void {
  sql(
    db,
    `INSERT INTO items (id, restaurant_id, area, name, category, supplier, unit, unit_cost_cents, par_milli,
       created_by, updated_by, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET area = excluded.area, name = excluded.name, category = excluded.category,
       supplier = excluded.supplier, unit = excluded.unit, unit_cost_cents = excluded.unit_cost_cents,
       par_milli = excluded.par_milli, created_by = excluded.created_by, updated_by = excluded.updated_by,
       created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
  ).run(
    row.id,
    row.restaurant_id,
    row.area,
    row.name,
    row.category,
    row.supplier,
    row.unit,
    centsFromMoney(row.unit_cost),
    row.par === null ? null : milliFromQuantity(row.par),
    row.created_by,
    row.updated_by,
    row.created_at,
    row.updated_at,
    row.deleted_at,
  );
}

/**
 * A movement gets the server's place in line, and the server's word on who recorded it: a change
 * sent under another session than its author's (theirs had ended) is the sender's on the server.
 */
export function applyMovement(db: Db, row: ServerMovement): void {
  sql(
    db,
    `INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, note, recorded_by, recorded_at,
       server_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET server_seq = excluded.server_seq, recorded_by = excluded.recorded_by`,
  ).run(
    row.id,
    row.restaurant_id,
    row.item_id,
    row.reason,
    milliFromQuantity(row.quantity),
    row.note,
    row.recorded_by,
    row.recorded_at,
    row.seq,
  );
}

/** Re-applies this device's unsent item edits and deletes on top of what the server sent. */
export function overlayPendingItemEdits(db: Db, itemIds: ReadonlySet<string>, at: string): void {
  if (itemIds.size === 0) return;
  for (const edit of waitingItemEdits(db)) {
    if (!itemIds.has(edit.args.id)) continue;
    switch (edit.name) {
      case 'item.delete':
        sql(db, 'UPDATE items SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?').run(at, edit.args.id);
        break;
      case 'item.update':
        overlayFields(db, edit.args);
        break;
      default:
        unhandledMutation(edit);
    }
  }
}

function overlayFields(db: Db, args: MutationArgs<'item.update'>): void {
  const fields = Object.keys(args).filter((key): key is keyof ItemFields => key in ITEM_COLUMNS);
  if (fields.length === 0) return;
  const assignments = fields.map((key) => `${ITEM_COLUMNS[key]} = ?`).join(', ');
  sql(db, `UPDATE items SET ${assignments} WHERE id = ? AND deleted_at IS NULL`).run(
    ...fields.map((key) => args[key] as string | number | null),
    args.id,
  );
}

export function refreshItems(db: Db, itemIds: Iterable<string>): void {
  for (const id of itemIds) refreshOnHand(db, id);
}
