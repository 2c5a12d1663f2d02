/**
 * Opens the device's store in its data folder and brings its schema up to date, backing up an
 * existing store before any migration touches it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupStore } from '../store/backup';
import { type Db, openDatabase } from '../store/database';
import { applyMigrations, type Migration, pendingMigrations, schemaVersion } from '../store/migrate';

export const STORE_FILE = 'kitchenguard.sqlite';
export const backupFolder = (dataFolder: string): string => join(dataFolder, 'backups');

export async function openLocalStore(dataFolder: string, migrations: readonly Migration[], now: Date): Promise<Db> {
  mkdirSync(dataFolder, { recursive: true });
  const db = openDatabase(join(dataFolder, STORE_FILE));
  try {
    const pending = pendingMigrations(db, migrations);
    const current = schemaVersion(db);
    if (pending.length > 0 && current > 0)
      await backupStore(db, backupFolder(dataFolder), `before-v${pending.at(-1)?.version}`, now);
    applyMigrations(db, pending);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
