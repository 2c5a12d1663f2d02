/**
 * Uploads what this device holds of its restaurant, in chunks, each idempotent by row id: used to
 * join a server with data made on the embedded default, and to refill a server restored from an
 * older backup. An interrupted upload runs again from the start and adds nothing twice.
 */
import { z } from 'zod';
import { listUsers } from '../auth/accounts-store';
import { userMutationArgs } from '../auth/views';
import type { CentralServer } from '../central/central-server';
import type { Db } from '../store/database';
import { firstWaitingMutation } from '../store/outbox';
import { sql } from '../store/statements';
import { callServer } from './server-calls';

export const UPLOAD_CHUNK = 5000;

export interface UploadCounts {
  users: number;
  items: number;
  movements: number;
}

interface Target {
  db: Db;
  server: CentralServer;
  token: string;
  restaurantId: string;
  deviceId: string;
}

/** Everyone of the restaurant with a password hash here, profile and hash: the server verifies with it. */
const localUsers = (db: Db, restaurantId: string) =>
  listUsers(db, restaurantId)
    .filter((row) => row.password_hash !== '')
    .map((row) => ({ ...userMutationArgs(row), passwordHash: row.password_hash }));

const localItems = (db: Db, restaurantId: string) =>
  sql(
    db,
    `SELECT id, area, name, category, supplier, unit, unit_cost_cents AS unitCostCents, par_milli AS parMilli,
            created_by AS createdBy, updated_by AS updatedBy, created_at AS createdAt, updated_at AS updatedAt,
            deleted_at AS deletedAt
       FROM items WHERE restaurant_id = ?`,
  ).all(restaurantId) as Record<string, unknown>[];

const localMovements = (db: Db, restaurantId: string, after: number) =>
  sql(
    db,
    `SELECT seq, id, item_id AS itemId, reason, quantity_milli AS quantityMilli, note, recorded_by AS "by",
            recorded_at AS "at"
       FROM stock_movements WHERE restaurant_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(restaurantId, after, UPLOAD_CHUNK) as ({ seq: number } & Record<string, unknown>)[];

async function send(target: Target, fn: string, rows: unknown[], extra: unknown[] = []): Promise<number> {
  const placeholders = extra.map((_, index) => `, $${index + 2}`).join('');
  return callServer(
    target.server,
    target.token,
    `SELECT kg.${fn}($1::jsonb${placeholders}) AS reply`,
    [JSON.stringify(rows), ...extra],
    z.number(),
  );
}

async function inChunks<T>(rows: T[], upload: (chunk: T[]) => Promise<number>): Promise<number> {
  let added = 0;
  for (let start = 0; start < rows.length; start += UPLOAD_CHUNK)
    added += await upload(rows.slice(start, start + UPLOAD_CHUNK));
  return added;
}

export async function uploadHoldings(target: Target, withUsers: boolean): Promise<UploadCounts> {
  const { db, restaurantId } = target;
  const users = withUsers
    ? await inChunks(localUsers(db, restaurantId), (chunk) => send(target, 'upload_users', chunk))
    : 0;
  const items = await inChunks(localItems(db, restaurantId), (chunk) => send(target, 'upload_items', chunk));
  let movements = 0;
  for (
    let after = 0, chunk = localMovements(db, restaurantId, 0);
    chunk.length > 0;
    chunk = localMovements(db, restaurantId, after)
  ) {
    after = chunk.at(-1)!.seq;
    movements += await send(
      target,
      'upload_movements',
      chunk.map(({ seq: _seq, ...row }) => row),
      [target.deviceId],
    );
  }
  return { users, items, movements };
}

/** The highest mutation id this device ever gave out: where its outbox continues on the server. */
export const lastIssuedMutation = (db: Db): number =>
  (sql(db, "SELECT coalesce(max(seq), 0) AS n FROM sqlite_sequence WHERE name = 'outbox'").get() as { n: number }).n;

/** The last mutation the server acknowledged to this device: just before the outbox, or all it issued. */
export function acknowledgedMutation(db: Db): number {
  const firstWaiting = firstWaitingMutation(db);
  return firstWaiting === null ? lastIssuedMutation(db) : firstWaiting - 1;
}

export async function setDevicePosition(target: Target, last: number): Promise<void> {
  await callServer(
    target.server,
    target.token,
    'SELECT kg.set_device_position($1, $2) AS reply',
    [target.deviceId, last],
    z.unknown(),
  );
}
