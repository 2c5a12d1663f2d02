/**
 * Restoring a backup over the store, or, with no good backup, setting a damaged store aside to start
 * afresh. The current store (with its -wal and -shm) is kept aside
 * under a timestamped name first, so nothing is lost by restoring the wrong copy; no old -wal is
 * left beside the restored file (SQLite would replay it into the wrong database); the copy is
 * checked before it goes in and lands under a temporary name, renamed when whole.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../../shared/contract/backups';
import { fail } from '../../shared/errors';
import { describeBackup } from '../backups/backups';
import { lockFolder } from '../store/folder-lock';
import { readMeta } from '../store/meta';
import { STORE_FILE, storeFile } from './folder-layout';

const SIDE_FILES = ['', '-wal', '-shm'];
/**
 * Mutation ids continue this far past the backup's: ids the central server may already hold from
 * this computer (made after the backup) are never reused; the first sync sees the gap and puts back
 * what this computer holds (the resync path), then carries on.
 */
const MUTATION_ID_GAP = 1_000_000;

/** Restores `backupFile` over the store of `dataFolder` (not open elsewhere); returns what was restored. */
export function restoreBackup(dataFolder: string, backupFile: string, now: Date): Backup {
  const backup = describeBackup(backupFile);
  if (!backup.checked) {
    throw fail.validation('name', `The backup ${backup.name} failed its check: choose another one.`);
  }
  const release = lockFolder(dataFolder);
  try {
    const store = storeFile(dataFolder);
    const { putBack } = setAside(dataFolder, now, 'replaced');
    try {
      copyFileSync(backupFile, `${store}.partial`);
      continueMutationIds(`${store}.partial`);
      renameSync(`${store}.partial`, store);
    } catch (error) {
      rmSync(`${store}.partial`, { force: true });
      putBack();
      throw error;
    }
    return backup;
  } finally {
    release();
  }
}

/**
 * A store found damaged (or missing) with no good backup to restore: what is there is kept aside as
 * `kitchenguard-damaged-<time>.sqlite` (with its side files; nothing is deleted, it can still be sent
 * for repair), so the next start makes an empty store. Returns the file it was kept as.
 */
export function setDamagedStoreAside(dataFolder: string, now: Date): string {
  const release = lockFolder(dataFolder);
  try {
    return setAside(dataFolder, now, 'damaged').aside;
  } finally {
    release();
  }
}

/** The current store and its side files, renamed `kitchenguard-<why>-<time>.sqlite[-wal|-shm]`; with the undo. */
function setAside(dataFolder: string, now: Date, why: 'replaced' | 'damaged') {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dataFolder, `${STORE_FILE.replace(/\.sqlite$/, '')}-${why}-${stamp}.sqlite`);
  const moved = SIDE_FILES.map((suffix) => [`${storeFile(dataFolder)}${suffix}`, `${aside}${suffix}`] as const).filter(
    ([file]) => existsSync(file),
  );
  for (const [file, asideFile] of moved) renameSync(file, asideFile);
  return {
    aside,
    putBack: () => {
      for (const [file, asideFile] of moved) renameSync(asideFile, file);
    },
  };
}

function continueMutationIds(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (readMeta(db, 'sync.generation') !== null) {
      db.prepare("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'outbox'").run(MUTATION_ID_GAP);
    }
  } finally {
    db.close();
  }
}
