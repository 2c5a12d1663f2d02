import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { damageStore } from '../testing/damaged-store';
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

/** 2026-11-`day` (days past 30 run into December) at `hour` UTC. */
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));

afterEach(() => {
  if (db.open) db.close();
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

  it('keep the newest of each of the last 7 days and 4 weeks, and the newest 4 taken before migrations', async () => {
    openStore();
    const backups = join(folder, 'backups');
    for (let day = 1; day <= 5; day += 1) await backupStore(db, backups, `before-v${day}`, at(day, 8));
    // Two a day for 40 days: only the later one of a day can be the day's newest.
    for (let day = 1; day <= 40; day += 1) {
      await backupStore(db, backups, 'daily', at(day, 9));
      await backupStore(db, backups, 'manual', at(day, 17));
    }
    const kept = listBackups(backups).map((file) => basename(file).slice('kitchenguard-'.length, -'.sqlite'.length));
    expect(kept).toEqual([
      '2026-11-02T08-00-00-000Z-before-v2',
      '2026-11-03T08-00-00-000Z-before-v3',
      '2026-11-04T08-00-00-000Z-before-v4',
      '2026-11-05T08-00-00-000Z-before-v5',
      // Newest of each of the last four weeks (weeks from the epoch start on Thursdays; 12-10 is one).
      '2026-11-25T17-00-00-000Z-manual',
      '2026-12-02T17-00-00-000Z-manual',
      // Newest of each of the last seven days (the newest week's copy among them).
      ...[4, 5, 6, 7, 8, 9, 10].map((day) => `2026-12-${String(day).padStart(2, '0')}T17-00-00-000Z-manual`),
    ]);
  });

  it('are checked whole before they are kept: a damaged store is never backed up over good backups', async () => {
    openStore();
    const backups = join(folder, 'backups');
    const good = await backupStore(db, backups, 'daily', at(1, 9));
    db.exec(
      "CREATE TABLE filler (x TEXT); INSERT INTO filler WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT printf('%.500c', 'x') FROM n",
    );
    db.close();
    damageStore(join(folder, 'store.sqlite'), 'overwritten');
    db = new Database(join(folder, 'store.sqlite'));
    await expect(backupStore(db, backups, 'daily', at(2, 9))).rejects.toThrow(
      /^The backup copy failed its check \(.+\), so it was not kept; the earlier backups are untouched\.$/,
    );
    expect(readdirSync(backups)).toEqual([basename(good)]);
  });

  it('are due daily: none yet, not right after one, again a day later', async () => {
    openStore();
    const backups = join(folder, 'backups');
    expect(lastBackupTime(backups)).toBeNull();
    expect(isDailyBackupDue(backups, new Date())).toBe(true);
    const madeAt = at(2, 9);
    await backupStore(db, backups, 'daily', madeAt);
    expect(lastBackupTime(backups)).toEqual(madeAt);
    expect(isDailyBackupDue(backups, new Date(madeAt.getTime() + DAY - 1))).toBe(false);
    expect(isDailyBackupDue(backups, new Date(madeAt.getTime() + DAY))).toBe(true);
  });
});
