/**
 * Opens the device's store in its data folder (checked: see store-check) and brings its schema up
 * to date, backing up an existing store before any migration touches it.
 */
import { mkdirSync } from 'node:fs';
import { backupFolder, backupStore } from '../store/backup';
import type { Db } from '../store/database';
import { lockFolder } from '../store/folder-lock';
import { applyMigrations, type Migration, pendingMigrations, schemaVersion } from '../store/migrate';
import { openStoreCheckingBeside, type StoreNeedsRestore } from './store-check';

export interface LocalStore {
  db: Db;
  /**
   * The store's check, still running when there was nothing to migrate: the failure to stop
   * start-up with, or null when the store is sound. Nothing may write to the store before it settles.
   */
  checked: Promise<StoreNeedsRestore | null>;
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
  let opened: ReturnType<typeof openStoreCheckingBeside>;
  try {
    opened = openStoreCheckingBeside(dataFolder);
  } catch (error) {
    release();
    throw error;
  }
  const { db, checked } = opened;
  const close = () => {
    db.close();
    release();
  };
  try {
    const pending = pendingMigrations(db, migrations);
    if (pending.length > 0) {
      // A migration writes: never to a store not known to be sound.
      await throwIfDamaged(checked);
      if (schemaVersion(db) > 0)
        await backupStore(db, backupFolder(dataFolder), `before-v${pending.at(-1)?.version}`, now);
      applyMigrations(db, pending);
    }
    return { db, checked, close };
  } catch (error) {
    const failure = await damageOr(checked, error);
    close();
    throw failure;
  }
}

/** What to throw after `error`: the store's damage if its check found any (the likelier cause), else `error`. */
export const damageOr = async (checked: Promise<StoreNeedsRestore | null>, error: unknown): Promise<unknown> =>
  (await checked) ?? error;

/** Waits for the check; throws its failure if the store is damaged. */
export async function throwIfDamaged(checked: Promise<StoreNeedsRestore | null>): Promise<void> {
  const failure = await checked;
  if (failure) throw failure;
}
