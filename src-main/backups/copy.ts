/**
 * A backup copied to a place a person chose (a USB stick, a shared folder): written under a
 * temporary name, checked there (the same bytes as the backup, and SQLite finds it whole), and
 * only then given its name. A copy that fails is removed, and nothing is said to be saved.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure, fail } from '../../shared/errors';
import { integrityProblem } from '../store/backup';

export interface CopiedBackup {
  path: string;
  bytes: number;
}

export function copyBackupTo(backupFile: string, target: string): CopiedBackup {
  if (!isAbsolute(target)) throw fail.validation('path', `Choose a full path to save the copy to, not ${target}.`);
  const partial = `${target}.partial`;
  try {
    copyFileSync(backupFile, partial);
    const problem = copyProblem(backupFile, partial);
    if (problem) throw fail.conflict(`The copy at ${target} ${problem}, so it was removed: try another place.`);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppFailure) throw error;
    throw fail.conflict(`No copy could be written to ${target}: ${(error as Error).message}`);
  }
  return { path: target, bytes: statSync(target).size };
}

/** Read a megabyte at a time: a backup may be larger than what is wise to hold in memory. */
function sha256(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function copyProblem(original: string, copy: string): string | null {
  if (sha256(original) !== sha256(copy)) return 'differs from the backup';
  let db: Database.Database | null = null;
  try {
    db = new Database(copy, { readonly: true, fileMustExist: true });
    const problem = integrityProblem(db, 'integrity_check');
    return problem ? `failed its check (${problem})` : null;
  } catch (error) {
    return `cannot be read back (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}
