/**
 * A change the server refused is undone on this device, so it shows what the server holds: the
 * refused movement disappears, a refused item edit gives way to the server's item, an item the
 * server never accepted goes. The refusal itself stays listed, with its reason, for the user.
 */
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import type { CentralServer, Query } from '../central/central-server';
import { ServerConnectionError } from '../central/server-errors';
import { removeCountUnits } from '../inventory/count-units-store';
import { removeItem } from '../inventory/items-store';
import { removeMovementsOf, removeUnsyncedMovement } from '../inventory/movements-store';
import type { Logger } from '../ipc/router';
import { removeShelvesOf } from '../storage/storage-store';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { countsFromServer, noRefusedCounts, type RefusedCounts, undoCountChanges } from './count-apply';
import { applyItem, applyUser, refreshItems } from './local-apply';
import {
  SERVER_COUNT_UNITS_COLUMNS,
  SERVER_ITEM_COLUMNS,
  SERVER_SHELF_PLACE_COLUMNS,
  SERVER_STORAGE_AREA_COLUMNS,
  SERVER_USER_COLUMNS,
} from './pull';
import type { Rejection } from './push';
import { findRejected, noteNotUndone } from './rejections-store';
import {
  checkRows,
  serverCountUnits,
  serverItem,
  serverShelfPlace,
  serverStorageArea,
  serverUser,
} from './server-rows';
import { areaKey, restoreStorageRows, type StorageRows, shelfKey, unitsKey } from './storage-apply';

interface Refused {
  movements: string[];
  items: Set<string>;
  users: Set<string>;
  /** Storage areas, shelf places and count units, by their keys in storage-apply.ts. */
  storage: Set<string>;
  counts: RefusedCounts;
}

function whatWasRefused(db: Db, rejected: readonly Rejection[]): Refused {
  const refused: Refused = {
    movements: [],
    items: new Set(),
    users: new Set(),
    storage: new Set(),
    counts: noRefusedCounts(),
  };
  for (const { mutationId } of rejected) {
    const row = findRejected(db, mutationId);
    const read = row && readStoredMutation(row.name, row.args);
    // A change this computer cannot read names nothing it could undo.
    if (read?.ok) noteRefused(refused, read.mutation);
  }
  return refused;
}

function noteRefused(refused: Refused, mutation: Mutation): void {
  switch (mutation.name) {
    case 'movement.record':
      refused.movements.push(mutation.args.id);
      refused.items.add(mutation.args.itemId);
      return;
    case 'item.create':
    case 'item.update':
    case 'item.delete':
      refused.items.add(mutation.args.id);
      return;
    case 'user.create':
    case 'user.update':
      refused.users.add(mutation.args.id);
      return;
    case 'storageArea.create':
    case 'storageArea.update':
      refused.storage.add(areaKey(mutation.args.id));
      return;
    case 'shelf.place':
    case 'shelf.remove':
      refused.storage.add(shelfKey(mutation.args.storageAreaId, mutation.args.itemId));
      return;
    case 'countUnits.set':
      refused.storage.add(unitsKey(mutation.args.itemId));
      return;
    case 'count.start':
      refused.counts.counts.add(mutation.args.id);
      return;
    case 'count.enter':
      refused.counts.entries.push(mutation.args.id);
      return;
    case 'count.approve':
      for (const { movementId, itemId } of mutation.args.results)
        refused.counts.movements.push({ id: movementId, itemId });
      refused.counts.counts.add(mutation.args.countId);
      return;
    case 'count.submit':
    case 'count.reopen':
    case 'count.abandon':
      refused.counts.counts.add(mutation.args.countId);
      return;
    case 'restaurant.create':
      return;
    default:
      unhandledMutation(mutation);
  }
}

export interface UndoTarget {
  db: Db;
  server: CentralServer;
  token: string;
  log: Logger;
}

/**
 * Undoes the refusals together; when that fails, each on its own, so one that cannot be undone (a
 * damaged change, a server row this computer cannot take) never keeps the others. One that fails
 * alone is logged and its listed reason says so. A lost connection stops it all, as it stops sync.
 */
export async function undoRejected(target: UndoTarget, rejected: readonly Rejection[]): Promise<void> {
  if (rejected.length === 0) return;
  try {
    await undo(target, whatWasRefused(target.db, rejected));
  } catch (error) {
    if (error instanceof ServerConnectionError) throw error;
    if (rejected.length > 1) {
      for (const one of rejected) await undoRejected(target, [one]);
      return;
    }
    target.log.error(`Refused change ${rejected[0]!.mutationId} could not be undone`, error);
    noteNotUndone(target.db, rejected[0]!.mutationId);
  }
}

async function undo({ db, server, token }: UndoTarget, refused: Refused): Promise<void> {
  const fromServer = await server.transaction(token, async (query) => ({
    items: (await query(`SELECT ${SERVER_ITEM_COLUMNS} FROM kg.items WHERE id = ANY($1::uuid[])`, [[...refused.items]]))
      .rows,
    users: (await query(`SELECT ${SERVER_USER_COLUMNS} FROM kg.users WHERE id = ANY($1::uuid[])`, [[...refused.users]]))
      .rows,
    storage: await storageFromServer(query, refused.storage),
    counts: await countsFromServer(query, refused.counts.counts),
  }));
  const items = checkRows(serverItem, fromServer.items, 'item').valid;
  const users = checkRows(serverUser, fromServer.users, 'user').valid;
  db.transaction(() => {
    restoreStorageRows(db, refused.storage, fromServer.storage);
    undoCountChanges(db, refused.counts, fromServer.counts);
    for (const id of refused.movements) removeUnsyncedMovement(db, id);
    for (const item of items) applyItem(db, item);
    for (const user of users) applyUser(db, user);
    const onServer = new Set(items.map((item) => item.id));
    // An item the server never accepted: it, its stock and its movements go.
    for (const id of [...refused.items].filter((id) => !onServer.has(id))) {
      removeMovementsOf(db, id);
      removeShelvesOf(db, id);
      removeCountUnits(db, id);
      removeItem(db, id);
    }
    refreshItems(
      db,
      [...refused.items].filter((id) => onServer.has(id)),
    );
  })();
}

/** The server's rows of refused storage changes, by key (the rows of a storage area and of its shelf place alike). */
async function storageFromServer(query: Query, keys: ReadonlySet<string>): Promise<StorageRows> {
  const ids = (kind: string) =>
    [...keys].filter((key) => key.startsWith(`${kind}:`)).map((key) => key.split(':').slice(1));
  const select = async (sql: string, params: unknown[]) => (keys.size === 0 ? [] : (await query(sql, params)).rows);
  const shelves = ids('shelf');
  return {
    storageAreas: checkRows(
      serverStorageArea,
      await select(`SELECT ${SERVER_STORAGE_AREA_COLUMNS} FROM kg.storage_areas WHERE id = ANY($1::uuid[])`, [
        ids('area').map(([id]) => id),
      ]),
      'storage area',
    ).valid,
    shelfPlaces: checkRows(
      serverShelfPlace,
      await select(
        `SELECT ${SERVER_SHELF_PLACE_COLUMNS} FROM kg.shelf_places
          WHERE (storage_area_id, item_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
        [shelves.map(([area]) => area), shelves.map(([, item]) => item)],
      ),
      'shelf place',
    ).valid,
    countUnits: checkRows(
      serverCountUnits,
      await select(`SELECT ${SERVER_COUNT_UNITS_COLUMNS} FROM kg.count_units WHERE item_id = ANY($1::uuid[])`, [
        ids('units').map(([id]) => id),
      ]),
      'list of count units',
    ).valid,
  };
}
