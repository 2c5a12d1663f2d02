/**
 * Writes what the server sent into the local store. The server's row is the merged truth; what
 * this device still has waiting in its outbox is laid over it again, because those edits will
 * reach the server after everything already there, and so win.
 */
import { centsFromMoney } from '../../shared/money';
import { unhandledMutation } from '../../shared/mutations';
import { milliFromQuantity } from '../../shared/quantity';
import { saveAccount, setNeedsPassword } from '../auth/accounts-store';
import { revokeUserSessions } from '../auth/sessions-store';
import { markItemDeleted, overlayItemFields, saveItem } from '../inventory/items-store';
import { refreshOnHand, saveMovement } from '../inventory/movements-store';
import type { Db } from '../store/database';
import { waitingItemEdits } from '../store/outbox';
import type { ServerItem, ServerMovement, ServerUser } from './server-rows';

/** A user as the server knows them; one deactivated there is signed out here. */
export function applyUser(db: Db, { needs_password: needsPassword, ...row }: ServerUser): void {
  saveAccount(db, {
    ...row,
    kitchen_produce_list: JSON.stringify(row.kitchen_produce_list),
    bar_produce_list: JSON.stringify(row.bar_produce_list),
    is_active: row.is_active ? 1 : 0,
  });
  if (needsPassword !== undefined) setNeedsPassword(db, row.id, needsPassword);
  if (!row.is_active) revokeUserSessions(db, row.id, row.updated_at);
}

export function applyItem(db: Db, row: ServerItem): void {
  saveItem(db, {
    id: row.id,
    restaurantId: row.restaurant_id,
    area: row.area,
    name: row.name,
    category: row.category,
    supplier: row.supplier,
    unit: row.unit,
    unitCostCents: centsFromMoney(row.unit_cost),
    parMilli: row.par === null ? null : milliFromQuantity(row.par),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    editSeqs: JSON.stringify(row.edit_seqs),
  });
}

/** A movement gets the server's place in line, and the server's word on when it happened and arrived. */
export function applyMovement(db: Db, row: ServerMovement): void {
  saveMovement(db, {
    id: row.id,
    restaurantId: row.restaurant_id,
    itemId: row.item_id,
    reason: row.reason,
    quantityMilli: milliFromQuantity(row.quantity),
    note: row.note,
    by: row.recorded_by,
    at: row.recorded_at,
    occurredAt: row.occurred_at,
    clockOffsetMs: row.clock_offset_ms,
    receivedAt: row.received_at,
    serverSeq: row.seq,
  });
}

/** Re-applies this device's unsent item edits and deletes on top of what the server sent. */
export function overlayPendingItemEdits(db: Db, itemIds: ReadonlySet<string>, at: string): void {
  if (itemIds.size === 0) return;
  for (const edit of waitingItemEdits(db)) {
    if (!itemIds.has(edit.args.id)) continue;
    switch (edit.name) {
      case 'item.delete':
        markItemDeleted(db, edit.args.id, at);
        break;
      case 'item.update':
        overlayItemFields(db, edit.args.id, edit.args);
        break;
      default:
        unhandledMutation(edit);
    }
  }
}

export function refreshItems(db: Db, itemIds: Iterable<string>): void {
  for (const id of itemIds) refreshOnHand(db, id);
}
