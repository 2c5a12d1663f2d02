/** Where this device stands with the central server: cursor, server generation, bound restaurant. */
import type { Db } from '../store/database';
import { deleteMeta, readMeta, writeMeta } from '../store/meta';

export interface SyncPosition {
  cursor: number;
  generation: string | null;
}

export function readPosition(db: Db): SyncPosition {
  return { cursor: Number(readMeta(db, 'sync.cursor') ?? 0), generation: readMeta(db, 'sync.generation') };
}

export function writePosition(db: Db, position: SyncPosition): void {
  writeMeta(db, 'sync.cursor', String(position.cursor));
  if (position.generation) writeMeta(db, 'sync.generation', position.generation);
}

/** Back to the start: the next pull reads everything again, from whichever server it finds. */
export const forgetPosition = (db: Db): void => deleteMeta(db, 'sync.cursor', 'sync.generation');

/** The restaurant this device syncs; a device connected to a server serves exactly one. */
export const boundRestaurant = (db: Db): string | null => readMeta(db, 'sync.restaurant');
export const bindRestaurant = (db: Db, restaurantId: string): void => writeMeta(db, 'sync.restaurant', restaurantId);

/** No longer syncs any restaurant, nor stands anywhere with a server. */
export const unbindRestaurant = (db: Db): void => deleteMeta(db, 'sync.restaurant', 'sync.cursor', 'sync.generation');

export const lastSyncedAt = (db: Db): string | null => readMeta(db, 'sync.last_synced_at');
export const markSynced = (db: Db, at: string): void => writeMeta(db, 'sync.last_synced_at', at);
