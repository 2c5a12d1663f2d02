/**
 * The store is checked at every start. A store that is missing or empty while backups sit beside
 * it, or one SQLite finds damaged, is not opened as if all were well (a missing store would start
 * as a brand-new install without a word): start-up stops with `StoreNeedsRestore`, which says what
 * happened and offers the newest good backup. The hosts show it and can restore from it.
 */
import { existsSync, statSync } from 'node:fs';
import type { Backup } from '../../shared/contract/backups';
import { backupLine, describeBackups, newestGoodBackup } from '../backups/backups';
import { type Db, openDatabase } from '../store/database';
import { quickCheckBeside, quickCheckHere } from '../store/quick-check';
import { storeFile } from './folder-layout';

export type StoreProblem = 'missing' | 'empty' | 'damaged';

export class StoreNeedsRestore extends Error {
  /** The newest backup that passed its check, if any. */
  readonly offered: Backup | null;

  constructor(
    readonly dataFolder: string,
    readonly problem: StoreProblem,
    readonly detail: string | null,
    /** Newest first. */
    readonly backups: Backup[],
  ) {
    const offered = newestGoodBackup(backups);
    super(`${whatHappened(dataFolder, problem, detail)} ${offer(offered)}`);
    this.name = 'StoreNeedsRestore';
    this.offered = offered;
  }
}

function whatHappened(dataFolder: string, problem: StoreProblem, detail: string | null): string {
  const store = storeFile(dataFolder);
  if (problem === 'missing') return `The KitchenGuard store ${store} is missing, but backups of it are there.`;
  if (problem === 'empty') return `The KitchenGuard store ${store} is empty, but backups of it are there.`;
  return `The KitchenGuard store ${store} is damaged (${detail}).`;
}

function offer(backup: Backup | null): string {
  if (!backup) return `There is no good backup to restore. ${START_FRESH}`;
  const items = backup.items === 1 ? '1 item' : `${backup.items} items`;
  return `The newest good backup is from ${backup.madeAt} (${items}): restore it to carry on.`;
}

/** The store file opened, or a new one for a new install (size 0); `StoreNeedsRestore` when it is missing, empty or will not open. */
function openStoreFile(dataFolder: string): { db: Db; size: number } {
  const file = storeFile(dataFolder);
  const size = existsSync(file) ? statSync(file).size : null;
  if (size === null || size === 0) {
    const backups = describeBackups(dataFolder);
    if (backups.length > 0) throw new StoreNeedsRestore(dataFolder, size === null ? 'missing' : 'empty', null, backups);
    return { db: openDatabase(file), size: 0 };
  }
  try {
    return { db: openDatabase(file), size };
  } catch (error) {
    throw damaged(dataFolder, (error as Error).message);
  }
}

const damaged = (dataFolder: string, problem: string) =>
  new StoreNeedsRestore(dataFolder, 'damaged', problem, describeBackups(dataFolder));

/** The store, opened and found sound, or a new one for a new install; else `StoreNeedsRestore`. */
export function openCheckedStore(dataFolder: string): Db {
  const { db, size } = openStoreFile(dataFolder);
  const problem = size > 0 ? quickCheckHere(db) : null;
  if (problem === null) return db;
  db.close();
  throw damaged(dataFolder, problem);
}

/**
 * A worker thread costs about 50 ms of CPU to start, as much as checking some 25 MB: a smaller store
 * is checked on this thread, before anything else, as it always was.
 */
const CHECK_BESIDE_FROM_BYTES = 16 * 2 ** 20;

/**
 * The store opened as `openCheckedStore` opens it, with its check running beside when the store is
 * large (see store/quick-check.ts): `checked` is the failure to stop start-up with, or null for a
 * sound store. Until it settles, the store may be read, never written.
 */
export function openStoreCheckingBeside(
  dataFolder: string,
  besideFromBytes = CHECK_BESIDE_FROM_BYTES,
): { db: Db; checked: Promise<StoreNeedsRestore | null> } {
  const { db, size } = openStoreFile(dataFolder);
  const verdict = (problem: string | null) => (problem === null ? null : damaged(dataFolder, problem));
  if (size >= besideFromBytes && size > 0) return { db, checked: quickCheckBeside(db).then(verdict) };
  return { db, checked: Promise.resolve(verdict(size > 0 ? quickCheckHere(db) : null)) };
}

/** The way forward with no backup, said the same by every host. */
export const START_FRESH =
  'KitchenGuard can keep what is there aside (nothing is deleted) and start with an empty store; with a ' +
  "central server, this computer then gets the restaurant's data back by connecting to it from the sign-in screen.";

/** For a terminal: the backups, and the command that restores the one offered (or, with none, starts afresh). */
export function restoreAdvice(failure: StoreNeedsRestore): string {
  const listed = failure.backups.map((backup) => `  ${backupLine(backup)}`);
  const folder = `--data-folder "${failure.dataFolder}"`;
  const command = failure.offered
    ? `To restore the newest good backup (the current store is kept aside): npm run restore-backup -- ${folder}`
    : `To keep the store aside and start with an empty one (asked first): npm run restore-backup -- ${folder} --start-fresh`;
  return ['Backups:', ...(listed.length ? listed : ['  none']), command].filter(Boolean).join('\n');
}
