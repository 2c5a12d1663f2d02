/**
 * A change the server refused is undone on this device, so it shows what the server holds: the
 * refused movement disappears, a refused item edit gives way to the server's item, an item the
 * server never accepted goes. The refusal itself stays listed, with its reason, for the user.
 */
import { type Mutation, unhandledMutation } from '../../shared/mutations';
import type { CentralServer } from '../central/central-server';
import type { Db } from '../store/database';
import { readStoredMutation } from '../store/outbox';
import { sql } from '../store/statements';
import { applyItem, applyUser, refreshItems } from './local-apply';
import { ITEM_COLUMNS, USER_COLUMNS } from './pull';
import type { Rejection } from './push';
import { checkRows, serverItem, serverUser } from './server-rows';

interface Refused {
  movements: string[];
  items: Set<string>;
  users: Set<string>;
}

function whatWasRefused(db: Db, rejected: readonly Rejection[]): Refused {
  const refused: Refused = { movements: [], items: new Set(), users: new Set() };
  for (const { mutationId } of rejected) {
    const row = sql(db, 'SELECT name, args FROM sync_rejections WHERE mutation_id = ?').get(mutationId) as
      | { name: string; args: string }
      | undefined;
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

export async function undoRejected(db: Db, server: CentralServer, token: string, rejected: readonly Rejection[]) {
  if (rejected.length === 0) return;
  const refused = whatWasRefused(db, rejected);
  const fromServer = await server.transaction(token, async (query) => ({
    items: (await query(`SELECT ${ITEM_COLUMNS} FROM kg.items WHERE id = ANY($1::uuid[])`, [[...refused.items]])).rows,
    users: (await query(`SELECT ${USER_COLUMNS} FROM kg.users WHERE id = ANY($1::uuid[])`, [[...refused.users]])).rows,
  }));
  const items = checkRows(serverItem, fromServer.items, 'item').valid;
  const users = checkRows(serverUser, fromServer.users, 'user').valid;
  db.transaction(() => {
    for (const id of refused.movements) {
      sql(db, 'DELETE FROM stock_movements WHERE id = ? AND server_seq IS NULL').run(id);
    }
    for (const item of items) applyItem(db, item);
    for (const user of users) applyUser(db, user);
    const onServer = new Set(items.map((item) => item.id));
    for (const id of [...refused.items].filter((id) => !onServer.has(id))) removeLocalItem(db, id);
    refreshItems(
      db,
      [...refused.items].filter((id) => onServer.has(id)),
    );
  })();
}

/** An item the server never accepted: it, its stock and its movements go. */
function removeLocalItem(db: Db, itemId: string): void {
  sql(db, 'DELETE FROM stock_movements WHERE item_id = ?').run(itemId);
  sql(db, 'DELETE FROM item_stock WHERE item_id = ?').run(itemId);
  sql(db, 'DELETE FROM items WHERE id = ?').run(itemId);
}
