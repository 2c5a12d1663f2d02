/** Changes the server refused, described in restaurant words for the person who made them. */
import type { SyncRejection } from '../../shared/contract/sync';
import { quantityFromMilli } from '../../shared/quantity';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

interface RejectionRow {
  mutation_id: number;
  name: string;
  args: string;
  reason: string;
  rejected_at: string;
}

function describeRejection(db: Db, name: string, args: Record<string, unknown>): string {
  const itemName = (id: unknown) =>
    (sql(db, 'SELECT name FROM items WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? 'an item';
  switch (name) {
    case 'movement.record':
      return `Stock ${args.reason} of ${quantityFromMilli(Number(args.quantityMilli))} for ${itemName(args.itemId)}`;
    case 'item.create':
      return `New item "${String(args.name)}"`;
    case 'item.update':
      return `Changes to ${itemName(args.id)}`;
    case 'item.delete':
      return `Deleting ${itemName(args.id)}`;
    case 'user.update':
      return 'Profile changes';
    default:
      return name;
  }
}

export function listRejections(db: Db): SyncRejection[] {
  const rows = sql(db, 'SELECT * FROM sync_rejections ORDER BY mutation_id DESC').all() as RejectionRow[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    what: describeRejection(db, row.name, JSON.parse(row.args) as Record<string, unknown>),
    reason: row.reason,
    rejectedAt: row.rejected_at,
  }));
}

export function dismissRejections(db: Db): { ok: true } {
  sql(db, 'DELETE FROM sync_rejections').run();
  return { ok: true };
}
