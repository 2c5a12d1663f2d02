/** The backups of a data folder as a person sees them: when, why, how large, how many items, sound or not. */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../../shared/contract/backups';
import { backupFolder, backupMadeAt, backupName, integrityProblem, listBackups } from '../store/backup';
import { sql } from '../store/statements';

/** Every backup of the folder, newest first, each checked (SQLite's quick check) as it is listed. */
export function describeBackups(dataFolder: string): Backup[] {
  return listBackups(backupFolder(dataFolder)).reverse().map(describeBackup);
}

export function describeBackup(file: string): Backup {
  const name = backupName(file);
  const { items, checked } = readBackup(file);
  return {
    name: basename(file),
    madeAt: backupMadeAt(file).toISOString(),
    label: name?.label ?? '',
    bytes: statSync(file).size,
    items,
    checked,
  };
}

/** One backup on one line, for a terminal. */
export const backupLine = (backup: Backup): string =>
  `${backup.madeAt}  ${backup.label.padEnd(12)} ${backup.checked ? `${backup.items} items` : 'FAILED its check'}  ${backup.name}`;

/** The newest backup that passed its check, or null. */
export const newestGoodBackup = (backups: readonly Backup[]): Backup | null =>
  backups.find((backup) => backup.checked && backup.items !== null) ?? null;

function readBackup(file: string): { items: number | null; checked: boolean } {
  let copy: Database.Database | null = null;
  try {
    // A file named by hand may be anything: a pipe would never open.
    if (!statSync(file).isFile()) return { items: null, checked: false };
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const checked =
      integrityProblem(copy, 'quick_check') === null && copy.pragma('user_version', { simple: true }) !== 0;
    return { items: checked ? countItems(copy) : null, checked };
  } catch {
    return { items: null, checked: false };
  } finally {
    copy?.close();
  }
}

/** A backup from before the items existed (schema 1) holds none. */
function countItems(copy: Database.Database): number {
  const hasItems = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'").get();
  if (!hasItems) return 0;
  return sql<number>(copy, 'SELECT count(*) FROM items WHERE deleted_at IS NULL').pluck().get() ?? 0;
}
