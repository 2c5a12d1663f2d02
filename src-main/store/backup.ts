/**
 * Copies of the local store made with SQLite's online backup API: before every migration, daily,
 * and when a person asks. A copy is written under a temporary name, checked whole (integrity
 * check) and only then renamed, so a half-written or damaged copy never looks like a good one and
 * a damaged store is never backed up over good backups. Retention keeps good copies spread over
 * the last days and weeks, not only the newest few.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'kitchenguard-';
const NAME = /^kitchenguard-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/;
/** Retention: the newest copy of each of the last 7 days and of each of the last 4 weeks, and the newest 4 taken before migrations. */
const KEEP_DAYS = 7;
const KEEP_WEEKS = 4;
const KEEP_BEFORE_MIGRATION = 4;
let copiesStarted = 0;

export class BackupDamaged extends Error {
  constructor(problem: string) {
    super(`The backup copy failed its check (${problem}), so it was not kept; the earlier backups are untouched.`);
    this.name = 'BackupDamaged';
  }
}

export const backupFolder = (dataFolder: string): string => join(dataFolder, 'backups');

export async function backupStore(db: Db, folder: string, label: string, at: Date): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `${PREFIX}${stamp}-${label}.sqlite`);
  // Its own temporary name: two copies asked for at once must not write into one file.
  copiesStarted += 1;
  const partial = `${file}.${process.pid}-${copiesStarted}.partial`;
  try {
    await db.backup(partial);
    settleCopy(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, file);
  pruneBackups(folder, file);
  return file;
}

/** A fresh copy stands alone (no -wal beside it, so it can be opened read-only and copied as one file) and is checked whole. */
function settleCopy(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problem = integrityProblem(copy, 'integrity_check');
    if (problem) throw new BackupDamaged(problem);
  } finally {
    copy.close();
  }
}

/** null when SQLite finds the database whole; else its first complaint. */
export function integrityProblem(db: Db, check: 'quick_check' | 'integrity_check'): string | null {
  const result = db.pragma(`${check}(1)`, { simple: true });
  return result === 'ok' ? null : String(result).replace(/\s+/g, ' ');
}

/** The backup files in `folder`, oldest first. */
export function listBackups(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => NAME.test(name))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** When a backup was taken and why ("daily", "before-v3", "manual"), from its name; null for another file. */
export function backupName(file: string): { madeAt: Date; label: string } | null {
  const match = NAME.exec(basename(file));
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, label] = match;
  return { madeAt: new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`), label: label ?? '' };
}

/** When a backup was taken: the (injected) time in its name; a file named otherwise, its modification time. */
export const backupMadeAt = (file: string): Date => backupName(file)?.madeAt ?? statSync(file).mtime;

export function lastBackupTime(folder: string): Date | null {
  const newest = listBackups(folder).at(-1);
  return newest ? backupMadeAt(newest) : null;
}

export function isDailyBackupDue(folder: string, now: Date): boolean {
  const last = lastBackupTime(folder);
  return !last || now.getTime() - last.getTime() >= DAY_MS;
}

/** The backups retention keeps: see KEEP_*. Every file here passed its check when it was made. */
export function backupsToKeep(files: readonly string[]): Set<string> {
  const dated = files.flatMap((file) => {
    const name = backupName(file);
    return name ? [{ file, ...name }] : [];
  });
  const newestFirst = dated.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime());
  const keep = new Set<string>();
  const newestPer = (period: (at: Date) => number, limit: number, among = newestFirst) => {
    const seen = new Set<number>();
    for (const backup of among) {
      const key = period(backup.madeAt);
      if (seen.has(key)) continue;
      if (seen.size === limit) break;
      seen.add(key);
      keep.add(backup.file);
    }
  };
  newestPer((at) => Math.floor(at.getTime() / DAY_MS), KEEP_DAYS);
  // Weeks counted from the epoch (a Thursday): any fixed boundary spreads the copies as well.
  newestPer((at) => Math.floor(at.getTime() / (7 * DAY_MS)), KEEP_WEEKS);
  newestPer(
    (at) => at.getTime(),
    KEEP_BEFORE_MIGRATION,
    newestFirst.filter((backup) => backup.label.startsWith('before-')),
  );
  return keep;
}

/** `made` is always kept, even when the clock says it is older than the others (a clock set back). */
function pruneBackups(folder: string, made: string): void {
  const backups = listBackups(folder);
  const keep = backupsToKeep(backups);
  for (const old of backups) if (!keep.has(old) && old !== made) rmSync(old, { force: true });
}
