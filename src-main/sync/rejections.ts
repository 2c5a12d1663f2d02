/** Changes the server refused, described in restaurant words for the person who made them. */
import type { SyncRejection } from '../../shared/contract/sync';
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import { quantityFromMilli } from '../../shared/quantity';
import { itemName } from '../inventory/items-store';
import { storageAreaName } from '../storage/storage-store';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { forgetRejected, listRejected } from './rejections-store';

function describeRejection(db: Db, mutation: Mutation): string {
  const item = (id: string) => itemName(db, id) ?? 'an item';
  const storageArea = (id: string) => storageAreaName(db, id) ?? 'a storage area';
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
    case 'storageArea.create':
      return `New storage area "${mutation.args.name}"`;
    case 'storageArea.update':
      return `Changes to ${storageArea(mutation.args.id)}`;
    case 'shelf.place':
      return `Putting ${item(mutation.args.itemId)} on the shelf of ${storageArea(mutation.args.storageAreaId)}`;
    case 'shelf.remove':
      return `Taking ${item(mutation.args.itemId)} off the shelf of ${storageArea(mutation.args.storageAreaId)}`;
    case 'countUnits.set':
      return `Count units of ${item(mutation.args.itemId)}`;
    case 'count.start':
      return 'Starting a count';
    case 'count.enter':
      return `A count line of ${item(mutation.args.itemId)}`;
    case 'count.submit':
      return 'Submitting a count';
    case 'count.reopen':
      return 'Asking for a recount';
    case 'count.approve':
      return 'Approving a count';
    case 'count.abandon':
      return 'Abandoning a count';
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
