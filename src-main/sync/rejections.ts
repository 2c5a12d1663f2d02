/** Changes the server refused, described in restaurant words for the person who made them. */
import type { SyncRejection } from '../../shared/contract/sync';
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import { quantityFromMilli } from '../../shared/quantity';
import { itemName } from '../inventory/items-store';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { forgetRejected, listRejected } from './rejections-store';

function describeRejection(db: Db, mutation: Mutation): string {
  const item = (id: string) => itemName(db, id) ?? 'an item';
  switch (mutation.name) {
    case 'movement.record': {
      const { reason, quantityMilli, itemId } = mutation.args;
      return `Stock ${reason} of ${quantityFromMilli(quantityMilli)} for ${item(itemId)}`;
    }
    case 'item.create':
      return `New item "${mutation.args.name}"`;
    case 'item.update':
      return `Changes to ${item(mutation.args.id)}`;
    case 'item.delete':
      return `Deleting ${item(mutation.args.id)}`;
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
  return listRejected(db).map((row) => {
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
  forgetRejected(db);
  return { ok: true };
}
