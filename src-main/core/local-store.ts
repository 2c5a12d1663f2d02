/**
 * Opens the device's store in its data folder (checked: see store-check) and brings its schema up
 * to date, backing up an existing store before any migration touches it.
 */
import { mkdirSync } from 'node:fs';
import { backupFolder, backupStore } from '../store/backup';
import type { Db } from '../store/database';
import { lockFolder } from '../store/folder-lock';
import { applyMigrations, type Migration, pendingMigrations, schemaVersion } from '../store/migrate';
import { openCheckedStore } from './store-check';

export interface LocalStore {
  db: Db;
  /** Closes the store and lets the folder go. */
  close(): void;
}

export async function openLocalStore(
  dataFolder: string,
  migrations: readonly Migration[],
  now: Date,
): Promise<LocalStore> {
  mkdirSync(dataFolder, { recursive: true });
  const release = lockFolder(dataFolder);
  let db: Db;
  try {
    db = openCheckedStore(dataFolder);
  } catch (error) {
    release();
    throw error;
  }
  const close = () => {
    db.close();
    release();
  };
  try {
    const pending = pendingMigrations(db, migrations);
    const current = schemaVersion(db);
    if (pending.length > 0 && current > 0)
      await backupStore(db, backupFolder(dataFolder), `before-v${pending.at(-1)?.version}`, now);
    applyMigrations(db, pending);
    return { db, close };
  } catch (error) {
    close();
    throw error;
  }
}
