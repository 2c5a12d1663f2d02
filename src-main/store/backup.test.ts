import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, removeFolder, tempFolder } from '../testing/temp-core';
import { backupStore, isDailyBackupDue, lastBackupTime, listBackups } from './backup';
import { type Db, openDatabase } from './database';

let folder: string;
let db: Db;

const openStore = () => {
  folder = tempFolder('kg-backup');
  db = openDatabase(join(folder, 'store.sqlite'));
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
};

afterEach(() => {
  db.close();
  removeFolder(folder);
});

describe('backups', () => {
  it('copy the store whole, under a name that sorts by time, with nothing half-written left', async () => {
    openStore();
    const file = await backupStore(db, join(folder, 'backups'), 'daily', new Date('2026-11-26T09:00:00.000Z'));
    expect(file).toBe(join(folder, 'backups', 'kitchenguard-2026-11-26T09-00-00-000Z-daily.sqlite'));
    expect(readdirSync(join(folder, 'backups'))).toEqual(['kitchenguard-2026-11-26T09-00-00-000Z-daily.sqlite']);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT x FROM t').pluck().all()).toEqual(['kept']);
    copy.close();
  });

  it('keep the newest ten', async () => {
    openStore();
    const backups = join(folder, 'backups');
    for (let day = 1; day <= 12; day += 1) {
      await backupStore(db, backups, 'daily', new Date(Date.UTC(2026, 10, day, 9)));
    }
    const kept = listBackups(backups).map((file) => file.slice(-40));
    expect(kept).toHaveLength(10);
    expect(kept[0]).toContain('2026-11-03');
    expect(kept.at(-1)).toContain('2026-11-12');
  });

  it('are due daily: none yet, not right after one, again a day later', async () => {
    openStore();
    const backups = join(folder, 'backups');
    expect(lastBackupTime(backups)).toBeNull();
    expect(isDailyBackupDue(backups, new Date())).toBe(true);
    const file = await backupStore(db, backups, 'daily', new Date());
    const madeAt = statSync(file).mtime;
    expect(lastBackupTime(backups)).toEqual(madeAt);
    expect(isDailyBackupDue(backups, new Date(madeAt.getTime() + DAY - 1))).toBe(false);
    expect(isDailyBackupDue(backups, new Date(madeAt.getTime() + DAY))).toBe(true);
  });
});
