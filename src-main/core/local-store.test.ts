import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { insertRestaurant, insertUser } from '../auth/accounts-store';
import { hashPassword } from '../auth/passwords';
import { backupFolder } from '../store/backup';
import { openDatabase } from '../store/database';
import { LOCK_FILE } from '../store/folder-lock';
import { applyMigrations, type Migration, schemaVersion } from '../store/migrate';
import { itemInput, PASSWORD, removeFolder, TEST_HASH_COST, tempFolder, testCores } from '../testing/temp-core';
import { openLocalStore, STORE_FILE } from './local-store';
import { localMigrations } from './migrations';

const open = testCores();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeFolder(folder);
});

const LATEST = localMigrations.at(-1)?.version ?? 0;
const AT = '2026-01-05T08:00:00.000Z';
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A data folder as the first release (schema v1) left it: one restaurant and its owner. */
async function versionOneFolder(): Promise<string> {
  const folder = tempFolder('kg-v1');
  folders.push(folder);
  const db = openDatabase(join(folder, STORE_FILE));
  applyMigrations(db, localMigrations.slice(0, 1));
  insertRestaurant(db, { id: '019b0000-0000-7000-8000-000000000001', name: 'Old Bistro', type: 'restaurant' }, AT);
  insertUser(db, {
    id: '019b0000-0000-7000-8000-000000000002',
    restaurantId: '019b0000-0000-7000-8000-000000000001',
    username: 'oldtimer',
    email: 'oldtimer@example.com',
    passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST),
    fullName: 'Otto Oldtimer',
    position: 'Owner',
    role: 'owner',
    at: AT,
  });
  expect(schemaVersion(db)).toBe(1);
  db.close();
  return folder;
}

const backups = (folder: string) => (existsSync(backupFolder(folder)) ? readdirSync(backupFolder(folder)) : []);
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrating an existing older store', () => {
  it(`brings a v1 store to v${LATEST}; its owner still signs in`, async () => {
    const folder = await versionOneFolder();
    const core = await open({ folder });
    const status = await core.call('computer.status', {});
    expect(status.localStore.schemaVersion).toBe(LATEST);
    expect(status.localStore.lastBackupAt).toEqual(expect.stringMatching(ISO_TIME));
    const session = await core.call('auth.login', { login: 'OldTimer', password: PASSWORD });
    expect(session).toMatchObject({
      user: { username: 'oldtimer', fullName: 'Otto Oldtimer', role: 'owner' },
      restaurant: { name: 'Old Bistro' },
    });
    // The new tables work.
    expect((await core.call('inventory.create', itemInput({ openingStock: '1' }))).onHand).toBe('1');
  });

  it('backs the store up first, as a valid SQLite database at the old version', async () => {
    const folder = await versionOneFolder();
    await open({ folder });
    const files = backups(folder);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^kitchenguard-[\\dT-]+Z-before-v${LATEST}\\.sqlite$`))]);
    const copy = new Database(join(backupFolder(folder), files[0] ?? ''), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare('SELECT username FROM users').pluck().all()).toEqual(['oldtimer']);
      expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'items'").pluck().get()).toBe(0);
    } finally {
      copy.close();
    }
  });

  it('takes no backup of a fresh store, nor of one already up to date', async () => {
    const core = await open();
    expect(backups(core.folder)).toEqual([]);
    await core.close();
    await open({ folder: core.folder, clock: core.clock });
    expect(backups(core.folder)).toEqual([]);
  });

  it('a migration that fails leaves the store at the last whole version, data intact', async () => {
    const folder = await versionOneFolder();
    const broken: Migration = { version: LATEST + 1, name: 'broken', up: 'CREATE TABLE t (x); SELECT nope FROM t;' };
    await expect(openLocalStore(folder, [...localMigrations, broken], new Date(AT))).rejects.toThrow(/nope/);
    const db = openDatabase(join(folder, STORE_FILE));
    try {
      expect(schemaVersion(db)).toBe(LATEST);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('a store written by a newer KitchenGuard', () => {
  it('is refused with a clear message and not modified', async () => {
    const folder = tempFolder('kg-newer');
    folders.push(folder);
    const file = join(folder, STORE_FILE);
    const db = openDatabase(file);
    applyMigrations(db, localMigrations);
    db.pragma('user_version = 99');
    db.close();
    // The lock file stays (empty) after the refused start: SQLite's lock on it is what is released.
    const files = () => readdirSync(folder).filter((name) => name !== LOCK_FILE);
    const before = { hash: fileHash(file), files: files() };

    await expect(open({ folder })).rejects.toThrow(
      `This data folder was written by a newer KitchenGuard (schema 99; this one knows ${LATEST}). Update the app.`,
    );
    expect({ hash: fileHash(file), files: files() }).toEqual(before);
    expect(backups(folder)).toEqual([]);
  });
});
