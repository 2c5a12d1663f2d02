/**
 * A change the server refused is undone on this device, so it shows what the server holds: the
 * refused movement disappears, a refused item edit gives way to the server's item, an item the
 * server never accepted goes. The refusal itself stays listed, with its reason, for the user.
 */
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import type { CentralServer } from '../central/central-server';
import { ServerConnectionError } from '../central/server-errors';
import { removeItem } from '../inventory/items-store';
import { removeMovementsOf, removeUnsyncedMovement } from '../inventory/movements-store';
import type { Logger } from '../ipc/router';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { applyItem, applyUser, refreshItems } from './local-apply';
import { SERVER_ITEM_COLUMNS, SERVER_USER_COLUMNS } from './pull';
import type { Rejection } from './push';
import { findRejected, noteNotUndone } from './rejections-store';
import { checkRows, serverItem, serverUser } from './server-rows';

interface Refused {
  movements: string[];
  items: Set<string>;
  users: Set<string>;
}

function whatWasRefused(db: Db, rejected: readonly Rejection[]): Refused {
  const refused: Refused = { movements: [], items: new Set(), users: new Set() };
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
  }));
  const items = checkRows(serverItem, fromServer.items, 'item').valid;
  const users = checkRows(serverUser, fromServer.users, 'user').valid;
  db.transaction(() => {
    for (const id of refused.movements) removeUnsyncedMovement(db, id);
    for (const item of items) applyItem(db, item);
    for (const user of users) applyUser(db, user);
    const onServer = new Set(items.map((item) => item.id));
    // An item the server never accepted: it, its stock and its movements go.
    for (const id of [...refused.items].filter((id) => !onServer.has(id))) {
      removeMovementsOf(db, id);
      removeItem(db, id);
    }
    refreshItems(
      db,
      [...refused.items].filter((id) => onServer.has(id)),
    );
  })();
}
