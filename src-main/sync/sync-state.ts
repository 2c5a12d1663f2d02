/** Where this device stands with the central server: cursor, server generation, bound restaurant. */
import type { Db } from '../store/database';
import { readMeta, writeMeta } from '../store/meta';

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

/** The restaurant this device syncs; a device connected to a server serves exactly one. */
export const boundRestaurant = (db: Db): string | null => readMeta(db, 'sync.restaurant');
export const bindRestaurant = (db: Db, restaurantId: string): void => writeMeta(db, 'sync.restaurant', restaurantId);

export const lastSyncedAt = (db: Db): string | null => readMeta(db, 'sync.last_synced_at');
export const markSynced = (db: Db, at: string): void => writeMeta(db, 'sync.last_synced_at', at);
