/**
 * Uploads what this device holds of its restaurant, in chunks, each idempotent by row id: used to
 * join a server with data made on the embedded default, and to refill a server restored from an
 * older backup. An interrupted upload runs again from the start and adds nothing twice.
 */
import { z } from 'zod';
import { listUsers } from '../auth/accounts-store';
import { userMutationArgs } from '../auth/views';
import type { CentralServer } from '../central/central-server';
import { entriesAfter, restaurantCounts, restaurantResults } from '../counts/counts-store';
import { restaurantCountUnits } from '../inventory/count-units-store';
import { itemRecords } from '../inventory/items-store';
import { movementsAfter, type PlacedMovement } from '../inventory/movements-store';
import { shelfPlaces, storageAreas } from '../storage/storage-store';
import type { Db } from '../store/database';
import { waitingIds } from '../store/outbox';
import { waitingCounts } from './count-apply';
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

/**
 * Everyone of the restaurant, with the password hash this computer holds (of those who signed in
 * here), never a password: the server verifies with the hash, and takes someone without one as
 * waiting for a reset code.
 */
const localUsers = (db: Db, restaurantId: string) =>
  listUsers(db, restaurantId).map((row) => ({ ...userMutationArgs(row), passwordHash: row.password_hash || null }));

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

/**
 * Which rows the upload sends. A join sends everything (its outbox is dropped after); a resync
 * leaves what the outbox still carries to the outbox: items it creates, movements it records, and
 * its own deletes, so each of them reaches the server as a push, in the order it was made. Sent
 * along, they would overtake it: the device's own later delete, already on the server, would
 * refuse its earlier edits and movements of that item.
 */
export type UploadScope = 'everything' | 'what-the-outbox-lacks';

export async function uploadHoldings(target: Target, scope: UploadScope = 'everything'): Promise<UploadCounts> {
  const { db, restaurantId } = target;
  const waiting = scope === 'everything' ? null : waitingIds(db);
  const users = await inChunks(localUsers(db, restaurantId), (chunk) => send(target, 'upload_users', chunk));
  const items = await inChunks(
    itemRecords(db, restaurantId)
      .filter((row) => !waiting?.createdItems.has(row.id))
      .map((row) => ({
        ...row,
        deletedAt: waiting?.deletedItems.has(row.id) ? null : row.deletedAt,
        editSeqs: JSON.parse(row.editSeqs) as unknown,
      })),
    (chunk) => send(target, 'upload_items', chunk),
  );
  await uploadStorage(target);
  let movements = 0;
  for (
    let after = 0, chunk = movementsAfter(db, restaurantId, 0, UPLOAD_CHUNK);
    chunk.length > 0;
    chunk = movementsAfter(db, restaurantId, after, UPLOAD_CHUNK)
  ) {
    after = chunk.at(-1)!.seq;
    const held = chunk.filter(({ id }) => !waiting?.movements.has(id));
    movements += await send(
      target,
      'upload_movements',
      held.map(({ seq: _seq, serverSeq: _serverSeq, ...row }) => row),
      [target.deviceId],
    );
    await placeMovements(target, held);
  }
  await uploadCounts(target, waiting && { ...waiting, changedCounts: waitingCounts(db) });
  return { users, items, movements };
}

type Waiting = ReturnType<typeof waitingIds> & { changedCounts: Set<string> };

const callUploadCounts = (target: Target, counts: unknown[], entries: unknown[], results: unknown[]) =>
  callServer(
    target.server,
    target.token,
    'SELECT kg.upload_counts($1::jsonb, $2::jsonb, $3::jsonb) AS reply',
    [JSON.stringify(counts), JSON.stringify(entries), JSON.stringify(results)],
    z.number(),
  );

/**
 * Counts, their lines, and what approvals posted (after the movements, which results name). A
 * count with a change still waiting goes up as it was before it (open): the change follows as a push.
 */
async function uploadCounts(target: Target, waiting: Waiting | null): Promise<void> {
  const { db, restaurantId } = target;
  const reset = (id: string) => waiting?.changedCounts.has(id) ?? false;
  const counts = restaurantCounts(db, restaurantId)
    .filter((row) => !waiting?.counts.has(row.id))
    .map((row) => ({
      id: row.id,
      areas: JSON.parse(row.areas) as unknown,
      scope: row.scope,
      storageAreaIds: JSON.parse(row.storage_area_ids) as unknown,
      categories: JSON.parse(row.categories) as unknown,
      asOf: row.as_of,
      blind: row.blind === 1,
      recount: JSON.parse(row.recount) as unknown,
      startedBy: row.started_by,
      startedAt: row.started_at,
      ...(reset(row.id)
        ? { status: 'open', submittedAt: null, closedBy: null, closedAt: null }
        : { status: row.status, submittedAt: row.submitted_at, closedBy: row.closed_by, closedAt: row.closed_at }),
    }));
  await callUploadCounts(target, counts, [], []);
  for (
    let after = 0, chunk = entriesAfter(db, restaurantId, 0, UPLOAD_CHUNK);
    chunk.length > 0;
    chunk = entriesAfter(db, restaurantId, after, UPLOAD_CHUNK)
  ) {
    after = chunk.at(-1)!.seq;
    const entries = chunk
      .filter((row) => !waiting?.countEntries.has(row.id))
      .map((row) => ({
        id: row.id,
        countId: row.count_id,
        itemId: row.item_id,
        storageAreaId: row.storage_area_id,
        kind: row.kind,
        quantityMilli: row.quantity_milli,
        parts: JSON.parse(row.parts) as unknown,
        voids: row.voids,
        by: row.counted_by,
        deviceId: row.device_id,
        at: row.recorded_at,
        occurredAt: row.occurred_at,
        clockOffsetMs: row.clock_offset_ms,
      }));
    await callUploadCounts(target, [], entries, []);
  }
  const results = restaurantResults(db, restaurantId)
    .filter((row) => !reset(row.count_id))
    .map((row) => ({
      countId: row.count_id,
      itemId: row.item_id,
      movementId: row.movement_id,
      decision: row.decision,
    }));
  await inChunks(results, (chunk) => callUploadCounts(target, [], [], chunk));
}

/** Storage areas, their shelves and items' count units, in one call: a restaurant has hundreds, not thousands. */
function uploadStorage(target: Target): Promise<number> {
  const { db, restaurantId } = target;
  const areas = storageAreas(db, restaurantId).map((row) => ({
    id: row.id,
    area: row.area,
    name: row.name,
    position: row.position,
    archivedAt: row.archived_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }));
  const places = shelfPlaces(db, restaurantId).map((row) => ({
    storageAreaId: row.storage_area_id,
    itemId: row.item_id,
    position: row.position,
    removedAt: row.removed_at,
    updatedAt: row.updated_at,
  }));
  return callServer(
    target.server,
    target.token,
    'SELECT kg.upload_storage($1::jsonb, $2::jsonb, $3::jsonb) AS reply',
    [JSON.stringify(areas), JSON.stringify(places), JSON.stringify(restaurantCountUnits(db, restaurantId))],
    z.number(),
  );
}

/**
 * Movements this device pulled keep the place the server gave them: the backup may lack them, and
 * uploading puts them at the end, after what was made later.
 */
async function placeMovements(target: Target, chunk: readonly PlacedMovement[]): Promise<void> {
  const places = chunk.flatMap(({ id, serverSeq }) => (serverSeq === null ? [] : [{ id, seq: serverSeq }]));
  if (places.length > 0) await send(target, 'place_movements', places);
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
