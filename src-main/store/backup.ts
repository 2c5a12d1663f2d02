/**
 * Copies of the local store made with SQLite's online backup API: before every migration and daily.
 * The newest few are kept; a copy is written under a temporary name and renamed, so a half-written
 * backup never looks like a good one.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database';

const KEEP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'kitchenguard-';

export const backupFolder = (dataFolder: string): string => join(dataFolder, 'backups');

export async function backupStore(db: Db, folder: string, label: string, at: Date): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `${PREFIX}${stamp}-${label}.sqlite`);
  await db.backup(`${file}.partial`);
  renameSync(`${file}.partial`, file);
  pruneBackups(folder);
  return file;
}

export function listBackups(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith('.sqlite'))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

export function lastBackupTime(folder: string): Date | null {
  const newest = listBackups(folder).at(-1);
  return newest ? statSync(newest).mtime : null;
}

export function isDailyBackupDue(folder: string, now: Date): boolean {
  const last = lastBackupTime(folder);
  return !last || now.getTime() - last.getTime() >= DAY_MS;
}

function pruneBackups(folder: string): void {
  const backups = listBackups(folder);
  for (const old of backups.slice(0, Math.max(0, backups.length - KEEP))) rmSync(old, { force: true });
}
