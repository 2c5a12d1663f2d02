/**
 * One process owns a data folder: the Electron app takes its single-instance lock, and this lock
 * also keeps a browser preview (or a second copy of the app) off a folder already in use — two
 * processes would each keep their own in-memory views of the same store.
 *
 * The lock is SQLite's own exclusive lock on a small file beside the store, held by an open
 * transaction for as long as this process keeps the connection. The operating system drops it
 * when the process ends, even on kill -9, so no timing can give two holders and no stale pid can
 * block a start. Taking it writes nothing (journal in memory), so it works on a full disk too.
 */
import { realpathSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'kitchenguard.lock';

export class FolderInUse extends Error {
  constructor(readonly folder: string) {
    super(
      `KitchenGuard is already open on this data folder (${folder}) in another window or preview. Close it there first.`,
    );
    this.name = 'FolderInUse';
  }
}

/** The locks this process holds, by lock file: it may open its own folder more than once (tests do). */
const held = new Map<string, { connection: Database.Database; holders: number }>();

/** Takes the folder for this process; returns the release. Throws `FolderInUse` when another holds it. */
export function lockFolder(folder: string): () => void {
  const path = join(realpathSync(folder), LOCK_FILE);
  const lock = held.get(path) ?? { connection: takeLock(path, folder), holders: 0 };
  lock.holders += 1;
  held.set(path, lock);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lock.holders -= 1;
    if (lock.holders > 0) return;
    held.delete(path);
    lock.connection.close();
  };
}

/**
 * How long a start waits on a lock another process is taking at the same instant. Two starts that
 * collide can each see the other's half-taken lock; waiting lets one of them finish, where failing
 * at once could refuse both. A holder keeps the lock, so the loser is refused after this wait.
 */
const RACE_WAIT_MS = 500;

function takeLock(path: string, folder: string): Database.Database {
  for (let attempt = 0; ; attempt += 1) {
    const connection = new Database(path, { timeout: RACE_WAIT_MS });
    try {
      connection.pragma('journal_mode = MEMORY');
      connection.exec('BEGIN EXCLUSIVE');
      return connection;
    } catch (error) {
      connection.close();
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_BUSY') throw new FolderInUse(folder);
      // An older KitchenGuard's lock file held a pid as text. Emptying it (never removing it: all
      // processes must lock the same file) makes it a lock file again; it held no data.
      if (code !== 'SQLITE_NOTADB' || attempt > 0) throw error;
      truncateSync(path);
    }
  }
}
