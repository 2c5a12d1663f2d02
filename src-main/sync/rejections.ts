/** Changes the server refused, described in restaurant words for the person who made them. */
import type { SyncRejection } from '../../shared/contract/sync';
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import { quantityFromMilli } from '../../shared/quantity';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { sql } from '../store/statements';

interface RejectionRow {
  mutation_id: number;
  name: string;
  args: string;
  reason: string;
  rejected_at: string;
}

function describeRejection(db: Db, mutation: Mutation): string {
  const itemName = (id: string) =>
    (sql(db, 'SELECT name FROM items WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? 'an item';
  switch (mutation.name) {
    case 'movement.record': {
      const { reason, quantityMilli, itemId } = mutation.args;
      return `Stock ${reason} of ${quantityFromMilli(quantityMilli)} for ${itemName(itemId)}`;
    }
    case 'item.create':
      return `New item "${mutation.args.name}"`;
    case 'item.update':
      return `Changes to ${itemName(mutation.args.id)}`;
    case 'item.delete':
      return `Deleting ${itemName(mutation.args.id)}`;
    case 'user.update':
      return 'Profile changes';
    case 'restaurant.create':
      return `Setting up "${mutation.args.name}"`;
    case 'user.create':
      return `Adding ${mutation.args.fullName} to the team`;
    default:
      return unhandledMutation(mutation);
  }
}

export function listRejections(db: Db): SyncRejection[] {
  const rows = sql(db, 'SELECT * FROM sync_rejections ORDER BY mutation_id DESC').all() as RejectionRow[];
  return rows.map((row) => {
    const read = readStoredMutation(row.name, row.args);
    return {
      mutationId: row.mutation_id,
      // A change this computer cannot read any more is still listed, by its name.
      what: read.ok ? describeRejection(db, read.mutation) : row.name,
      reason: row.reason,
      rejectedAt: row.rejected_at,
    };
  });
}

export function dismissRejections(db: Db): { ok: true } {
  sql(db, 'DELETE FROM sync_rejections').run();
  return { ok: true };
}
