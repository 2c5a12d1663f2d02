import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../store/backup';
import { openDatabase } from '../store/database';
import { LOCK_FILE } from '../store/folder-lock';
import { applyMigrations, type Migration, schemaVersion } from '../store/migrate';
import { localMigrations } from '../store/migrations';
import { readOutbox } from '../store/outbox';
import { PASSWORD, removeFolder, tempFolder, testCores } from '../testing/temp-core';
import { STORE_FILE } from './folder-layout';
import { openLocalStore } from './local-store';

const open = testCores();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeFolder(folder);
});

const LATEST = localMigrations.at(-1)?.version ?? 0;
const RELEASED = localMigrations.map((migration) => migration.version);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const AT = '2026-01-05T08:00:00.000Z';
const RESTAURANT = '019b0000-0000-7000-8000-000000000001';
const OWNER = '019b0000-0000-7000-8000-000000000002';
const FLOUR = '019b0000-0000-7000-8000-000000000003';
/** PASSWORD, hashed as the app stores it. */
const OWNER_HASH = '$2a$04$/5yPFVq5PnPw9pobe.neBuzP3HwtIgJ17E1sj3wD7QLj/0Ajx0lKe';
const mutation = (name: string, args: object) => `'${name}', '${JSON.stringify(args)}', '${AT}'`;
const movement = (n: number, reason: string, quantityMilli: number) => ({
  id: `019b0000-0000-7000-8000-00000000010${n}`,
  restaurantId: RESTAURANT,
  itemId: FLOUR,
  reason,
  quantityMilli,
  note: '',
  by: OWNER,
  at: AT,
});

/**
 * What KitchenGuard wrote while its store was at each schema version, in that version's own SQL (a
 * newer statement would not run on the older store). Released like the migrations: never edited.
 */
const WRITTEN_AT: Record<number, string> = {
  1: `
    INSERT INTO meta (key, value) VALUES ('device_id', '019b0000-0000-7000-8000-0000000000d1');
    INSERT INTO restaurants (id, name, type, created_at, updated_at)
      VALUES ('${RESTAURANT}', 'Old Bistro', 'restaurant', '${AT}', '${AT}');
    INSERT INTO users (id, restaurant_id, username, username_key, email, email_key, password_hash, full_name,
        position, role, created_at, updated_at)
      VALUES ('${OWNER}', '${RESTAURANT}', 'oldtimer', 'oldtimer', 'oldtimer@example.com', 'oldtimer@example.com',
        '${OWNER_HASH}', 'Otto Oldtimer', 'Owner', 'owner', '${AT}', '${AT}');
    INSERT INTO outbox (name, args, created_at)
      VALUES (${mutation('restaurant.create', { id: RESTAURANT, name: 'Old Bistro', type: 'restaurant' })});`,
  // A count the server has put in its order (7) and a usage it has not seen yet.
  2: `
    INSERT INTO items (id, restaurant_id, area, name, category, supplier, unit, unit_cost_cents, par_milli,
        created_by, updated_by, created_at, updated_at)
      VALUES ('${FLOUR}', '${RESTAURANT}', 'kitchen', 'Flour', 'Dry goods', 'Metro', 'kg', 250, 5000,
        '${OWNER}', '${OWNER}', '${AT}', '${AT}');
    INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, recorded_by, recorded_at)
      VALUES ('${movement(1, 'usage', -2500).id}', '${RESTAURANT}', '${FLOUR}', 'usage', -2500, '${OWNER}', '${AT}');
    INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, recorded_by, recorded_at,
        server_version)
      VALUES ('${movement(2, 'count', 10000).id}', '${RESTAURANT}', '${FLOUR}', 'count', 10000, '${OWNER}', '${AT}', 7);
    INSERT INTO item_stock (item_id, on_hand_milli) VALUES ('${FLOUR}', 7500);
    INSERT INTO outbox (name, args, created_at) VALUES (${mutation('movement.record', movement(1, 'usage', -2500))});`,
  // Mutations know their author; the server refused one.
  3: `
    INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, recorded_by, recorded_at)
      VALUES ('${movement(3, 'waste', -500).id}', '${RESTAURANT}', '${FLOUR}', 'waste', -500, '${OWNER}', '${AT}');
    UPDATE item_stock SET on_hand_milli = 7000;
    INSERT INTO outbox (name, args, created_at, author_id)
      VALUES (${mutation('movement.record', movement(3, 'waste', -500))}, '${OWNER}');
    INSERT INTO sync_rejections (mutation_id, name, args, author_id, reason, rejected_at)
      VALUES (1, 'item.delete', '{"id":"${FLOUR}"}', '${OWNER}', 'Only a manager can do that.', '${AT}');`,
  // A delivery pulled from the server, in its order after the count.
  4: `
    INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, recorded_by, recorded_at,
        server_seq)
      VALUES ('${movement(4, 'delivery', 2000).id}', '${RESTAURANT}', '${FLOUR}', 'delivery', 2000, '${OWNER}', '${AT}', 8);
    UPDATE item_stock SET on_hand_milli = 9000;`,
  // The server edit that last set each field of the item.
  5: `UPDATE items SET edit_seqs = '{"name":3,"unit":3}';`,
  // Nothing new is written at version 6: team members waiting for a password come from a server.
  6: '',
  // An index only: nothing new written.
  7: '',
  // Storage areas, shelves and count units: none written here (src-main/storage's tests cover them).
  8: '',
  // A delivery entered after it arrived, an hour before the count: the level stays the count's.
  9: `
    INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, recorded_by, recorded_at,
        occurred_at, clock_offset_ms)
      VALUES ('${movement(5, 'delivery', 1000).id}', '${RESTAURANT}', '${FLOUR}', 'delivery', 1000, '${OWNER}', '${AT}',
        '2026-01-05T07:00:00.000Z', -1500);`,
  // The restaurant's currency: money only changes its sign, what the services show stays.
  10: `UPDATE restaurants SET currency = 'EUR';`,
  // Rows brought over from the old KitchenGuard: none here (src-main/legacy's tests cover them).
  11: '',
  // Count sessions: none written here (src-main/counts' tests cover them).
  12: '',
  // An index in the stock list's order: nothing written.
  13: '',
};

/**
 * What the services show of a store made at each version: the item's movements oldest first, and the
 * outbox with each mutation's author. Since v9 stock is in the order movements happened: those made
 * before it happened when they were recorded, here all at one instant, where a count comes after the
 * rest (ordered by id); v9's back-dated delivery comes before them all.
 */
const SHOWN: Record<number, { history: string[][]; outbox: (string | null)[][] }> = {
  1: { history: [], outbox: [['restaurant.create', null]] },
  2: {
    history: [
      ['usage', '-2.5', '-2.5'],
      ['count', '10', '10'],
    ],
    outbox: [
      ['restaurant.create', null],
      ['movement.record', null],
    ],
  },
  3: {
    history: [
      ['usage', '-2.5', '-2.5'],
      ['waste', '-0.5', '-3'],
      ['count', '10', '10'],
    ],
    outbox: [
      ['restaurant.create', null],
      ['movement.record', null],
      ['movement.record', OWNER],
    ],
  },
  4: {
    history: [
      ['usage', '-2.5', '-2.5'],
      ['waste', '-0.5', '-3'],
      ['delivery', '2', '-1'],
      ['count', '10', '10'],
    ],
    outbox: [
      ['restaurant.create', null],
      ['movement.record', null],
      ['movement.record', OWNER],
    ],
  },
  9: {
    history: [
      ['delivery', '1', '1'],
      ['usage', '-2.5', '-1.5'],
      ['waste', '-0.5', '-2'],
      ['delivery', '2', '0'],
      ['count', '10', '10'],
    ],
    outbox: [
      ['restaurant.create', null],
      ['movement.record', null],
      ['movement.record', OWNER],
    ],
  },
};
SHOWN[5] = SHOWN[4]!;
SHOWN[6] = SHOWN[4]!;
SHOWN[7] = SHOWN[4]!;
SHOWN[8] = SHOWN[4]!;
SHOWN[10] = SHOWN[9]!;
SHOWN[11] = SHOWN[9]!;
SHOWN[12] = SHOWN[9]!;
SHOWN[13] = SHOWN[9]!;

/** A data folder as KitchenGuard left it at `version`: each migration up to it, and what it wrote. */
function storeMadeBy(version: number): string {
  const folder = tempFolder(`kg-v${version}`);
  folders.push(folder);
  const db = openDatabase(join(folder, STORE_FILE));
  for (const migration of localMigrations.slice(0, version)) {
    applyMigrations(db, [migration]);
    db.exec(WRITTEN_AT[migration.version]!);
  }
  expect(schemaVersion(db)).toBe(version);
  db.close();
  return folder;
}

const backups = (folder: string) => (existsSync(backupFolder(folder)) ? readdirSync(backupFolder(folder)) : []);
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

it('every released version says what it wrote, for the upgrade tests below', () => {
  expect(Object.keys(WRITTEN_AT).map(Number)).toEqual(RELEASED);
  expect(Object.keys(SHOWN).map(Number)).toEqual(RELEASED);
});

describe.each(RELEASED)('a store made at schema version %i', (version) => {
  it(`opens at v${LATEST} with its data intact, read through the services`, async () => {
    const core = await open({ folder: storeMadeBy(version) });
    expect((await core.call('computer.status', {})).localStore).toMatchObject({
      schemaVersion: LATEST,
      lastBackupAt: version < LATEST ? expect.stringMatching(ISO_TIME) : null,
    });
    const session = await core.call('auth.login', { login: 'OldTimer', password: PASSWORD });
    expect(session).toMatchObject({
      user: { id: OWNER, username: 'oldtimer', fullName: 'Otto Oldtimer', role: 'owner' },
      restaurant: { id: RESTAURANT, name: 'Old Bistro' },
    });
    const { history, outbox } = SHOWN[version]!;
    const { items } = await core.stock('kitchen');
    expect(items.map((item) => [item.name, item.unitCost, item.par, item.onHand])).toEqual(
      version >= 2 ? [['Flour', '2.50', '5', history.at(-1)?.[2]]] : [],
    );
    expect(readOutbox(core.db).map((m) => [m.name, m.authorId])).toEqual(outbox);
    expect((await core.call('sync.rejections', {})).map((r) => r.reason)).toEqual(
      version >= 3 ? ['Only a manager can do that.'] : [],
    );
    if (version < 2) return;
    const { movements } = await core.call('inventory.history', { itemId: FLOUR });
    expect(movements.map((m) => [m.reason, m.quantity, m.onHandAfter])).toEqual(history.toReversed());
    expect(movements.map((m) => m.recordedByName)).toEqual(history.map(() => 'Otto Oldtimer'));
    // And it takes new movements, in the same order.
    const after = await core.call('inventory.adjustStock', { itemId: FLOUR, reason: 'delivery', quantity: '1' });
    expect(after.onHand).toBe(String(Number(history.at(-1)?.[2]) + 1));
  });
});

describe('migrating an existing older store', () => {
  it.each(RELEASED.slice(0, -1))(
    'backs a v%i store up first, as a valid SQLite database at its version',
    async (version) => {
      const folder = storeMadeBy(version);
      await open({ folder });
      const files = backups(folder);
      expect(files).toEqual([expect.stringMatching(new RegExp(`^kitchenguard-[\\dT-]+Z-before-v${LATEST}\\.sqlite$`))]);
      const copy = new Database(join(backupFolder(folder), files[0] ?? ''), { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(version);
        expect(copy.prepare('SELECT username FROM users').pluck().all()).toEqual(['oldtimer']);
      } finally {
        copy.close();
      }
    },
  );

  it('takes no backup of a fresh store, nor of one already up to date', async () => {
    const core = await open();
    expect(backups(core.folder)).toEqual([]);
    await core.close();
    await open({ folder: core.folder, clock: core.clock });
    expect(backups(core.folder)).toEqual([]);
  });

  it('a migration that fails leaves the store at the last whole version, data intact', async () => {
    const folder = storeMadeBy(1);
    const broken: Migration = { version: LATEST + 1, name: 'broken', sql: 'CREATE TABLE t (x); SELECT nope FROM t;' };
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
