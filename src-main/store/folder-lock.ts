/**
 * One process owns a data folder: the Electron app takes its single-instance lock, and this lock
 * file also keeps a browser preview (or a second copy of the app) off a folder already in use —
 * two processes would each keep their own in-memory views of the same store.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'kitchenguard.lock';

export class FolderInUse extends Error {
  constructor(readonly pid: number) {
    super(`KitchenGuard is already open on this data folder (process ${pid}). Close it there first.`);
    this.name = 'FolderInUse';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder for this process (a lock left by a dead one is taken over); returns the release. */
export function lockFolder(folder: string): () => void {
  const path = join(folder, LOCK_FILE);
  for (;;) {
    try {
      const handle = openSync(path, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(path, 'utf8')) || 0;
    // This process may open its own folder more than once (tests do, as two devices on one store).
    if (holder === process.pid) return () => {};
    if (holder > 0 && alive(holder)) throw new FolderInUse(holder);
    rmSync(path, { force: true });
  }
}
