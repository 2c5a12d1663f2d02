/**
 * The import of the old KitchenGuard into a central server, over a real old-schema database in the
 * test cluster (both old databases, rows as the old services wrote them, hashes Python's bcrypt
 * made): people sign in with their old passwords through the server and offline afterwards, one
 * restaurant name is one restaurant with merged items, every old row is in the report, and a second
 * run, a dry run and an interrupted run behave.
 */

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appConfig } from '../central/testing/app-role';
import { adminConfig, adminQuery, createTestServer, type TestServer } from '../central/testing/test-server';
import { type Device, deviceSet, sessionOrigin } from '../sync/testing/devices';
import { importLegacy, type LegacyImport } from './legacy-import';
import { centralSnapshot, everyTableCount } from './testing/central-snapshot';
import { LONG_NAME, OLD, oldFixture } from './testing/old-fixture';
import { createOldKitchenGuard, type OldKitchenGuard } from './testing/old-kitchenguard';

let old: OldKitchenGuard;
let server: TestServer;
const devices = deviceSet(() => server);
const run = (options: Partial<LegacyImport> = {}, into: TestServer = server) =>
  importLegacy({ old: old.server, central: adminConfig(into.cluster, into.database), ...options });
const reportText = (result: { report: Iterable<string> }) => [...result.report].join('');
const rows = async (sql: string, params: unknown[] = [], into: TestServer = server) =>
  (await adminQuery(into, sql, params)).rows;

let afterFirstRun: Awaited<ReturnType<typeof centralSnapshot>>;

/** A central server where someone already signs in as "Erin": the old erin is given another username. */
async function serverWithErin(): Promise<TestServer> {
  const made = await createTestServer();
  await rows(
    `SELECT kg.register($1, $2, 'a password of ours', gen_random_uuid())`,
    [
      { id: crypto.randomUUID(), name: 'Already here', type: 'restaurant' },
      { id: crypto.randomUUID(), username: 'Erin', email: 'erin@elsewhere.example', fullName: 'Erin Else' },
    ],
    made,
  );
  return made;
}

beforeAll(async () => {
  server = await serverWithErin();
  old = await createOldKitchenGuard(server.cluster);
  await old.seed(oldFixture());
});
afterAll(async () => {
  await devices.shutdownAll();
  await old?.drop();
  await server?.drop();
});

const signIn = (device: Device, login: string, password: string) => device.call('auth.login', { login, password });

describe('a dry run', () => {
  test('writes nothing, and its report names every old row', async () => {
    const before = await everyTableCount(server);
    const result = await run({ dryRun: true });
    expect(await everyTableCount(server)).toEqual(before);
    expect(reportText(result)).toMatch(/DRY RUN: nothing was written/);
    expect(result.lines.filter((line) => line.outcome === 'imported').length).toBeGreaterThan(0);
  });
});

describe('the first run', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run({ currency: 'EUR' });
    afterFirstRun = await centralSnapshot(server);
  });

  test('every old row is in the report, once, with what it became', async () => {
    const reported = (source: string) =>
      result.lines
        .filter((line) => line.source === source)
        .map((line) => Number(line.oldId))
        .sort((a, b) => a - b);
    expect(reported('users')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reported('kitchen_produce')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reported('bar_supplies')).toEqual([1, 2, 3]);
    expect(reported('password_reset_tokens')).toEqual([1]);
    for (const line of result.lines)
      expect(reportText(result)).toContain(`${line.source} ${line.oldId} → ${line.outcome}`);
    expect(reportText(result)).not.toMatch(/\$2[aby]\$|emailed-link-token/);
    const outcome = (source: string, id: number) =>
      result.lines.find((l) => l.source === source && l.oldId === String(id));
    expect(outcome('kitchen_produce', 8)).toMatchObject({
      outcome: 'skipped',
      notes: [expect.stringMatching(/no user/)],
    });
    expect(outcome('kitchen_produce', 2)).toMatchObject({
      outcome: 'merged',
      newId: outcome('kitchen_produce', 1)!.newId,
    });
    expect(outcome('password_reset_tokens', 1)).toMatchObject({ outcome: 'dropped' });
    expect(outcome('kitchen_produce', 5)!.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Stock -3 is negative/),
        expect.stringMatching(/Unit cost "" is not/),
      ]),
    );
    expect(outcome('kitchen_produce', 6)!.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/longer than 120/),
        expect.stringMatching(/Stock "1e\+20" is not a number/),
      ]),
    );
    expect(outcome('users', 4)!.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Username "dave smith" is not allowed here: "dave.smith"/),
        expect.stringMatching(/Kitchen produce list is not valid JSON/),
        expect.stringMatching(/Bar produce list: 2 entries/),
      ]),
    );
    expect(outcome('users', 5)!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/"erin" is taken/)]));
    expect(outcome('users', 6)!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/not bcrypt/)]));
  });

  test('two users who typed one restaurant name differently share one restaurant, its oldest active user the owner', async () => {
    expect(
      await rows(`SELECT r.name, u.username, u.role, u.is_active FROM kg.users u JOIN kg.restaurants r ON r.id = u.restaurant_id
                   WHERE r.name <> 'Already here' ORDER BY r.name, u.username`),
    ).toEqual([
      { name: 'Caf\u00e9 \u00dcml\u00e4ut \u2615', username: 'dave.smith', role: 'owner', is_active: true },
      { name: 'Caf\u00e9 \u00dcml\u00e4ut \u2615', username: 'frank', role: 'manager', is_active: true },
      { name: 'Harbour Bistro', username: 'alice', role: 'owner', is_active: true },
      { name: 'Harbour Bistro', username: 'bob_cook', role: 'manager', is_active: true },
      { name: 'Harbour Bistro', username: 'carol', role: 'manager', is_active: false },
      { name: "erin's restaurant", username: 'erin-5', role: 'owner', is_active: false },
    ]);
  });

  test('every restaurant made has the currency given (the old KitchenGuard had none)', async () => {
    expect(
      await rows(`SELECT DISTINCT r.currency FROM kg.restaurants r JOIN kg.legacy_rows l ON l.new_id = r.id
                   WHERE l.source = 'restaurants'`),
    ).toEqual([{ currency: 'EUR' }]);
  });

  test('items of one name, area and unit are merged with their stocks added; one name in two units stays two', async () => {
    const items = await rows(
      `SELECT i.area, i.name, i.unit, i.unit_cost::text AS cost, s.on_hand::text AS on_hand, m.note, m.occurred_at
         FROM kg.items i JOIN kg.restaurants r ON r.id = i.restaurant_id JOIN kg.item_stock s ON s.item_id = i.id
         JOIN kg.stock_movements m ON m.item_id = i.id
        WHERE r.name = 'Harbour Bistro' ORDER BY i.area, i.name`,
    );
    expect(items.map(({ note: _, occurred_at: __, ...item }) => item)).toEqual([
      { area: 'bar', name: 'Gin', unit: 'bottle', cost: '18.99', on_hand: '5.000' },
      { area: 'kitchen', name: 'Flour (bag)', unit: 'bag', cost: '12.00', on_hand: '2.000' },
      { area: 'kitchen', name: 'Flour (kg)', unit: 'kg', cost: '0.90', on_hand: '10.000' },
      { area: 'kitchen', name: 'Salt', unit: 'each', cost: '0.00', on_hand: '0.000' },
      { area: 'kitchen', name: 'Tomatoes', unit: 'kg', cost: '2.50', on_hand: '8.250' },
    ]);
    const tomatoes = items.find((item) => item.name === 'Tomatoes')!;
    expect(tomatoes.note).toBe(
      'Imported from the old KitchenGuard: 5 kg from kitchen_produce 1 (alice) + 3.25 kg from kitchen_produce 2 (bob_cook)',
    );
    expect(tomatoes.occurred_at).toEqual(new Date('2025-11-30T08:00:00Z'));
    const [long] = await rows(`SELECT name FROM kg.items WHERE name LIKE 'Extra virgin%'`);
    expect(long?.name).toBe(LONG_NAME.slice(0, 120).trim());
  });

  test('the server keeps what each old row became where no computer can read it', async () => {
    expect(await rows('SELECT source, count(*)::int AS n FROM kg.legacy_rows GROUP BY source ORDER BY source')).toEqual(
      [
        { source: 'bar_supplies', n: 3 },
        { source: 'kitchen_produce', n: 7 },
        { source: 'restaurants', n: 3 },
        { source: 'users', n: 6 },
      ],
    );
    const app = new pg.Client(appConfig(server));
    await app.connect();
    try {
      await expect(app.query('SELECT * FROM kg.legacy_rows')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
    }
  });

  test('every active user signs in with the old password through the server, then offline; inactive ones cannot', async () => {
    const bistro = await devices.open('bistro');
    await bistro.connect();
    for (const person of [OLD.alice, OLD.bob]) {
      const session = await signIn(bistro, person.username, person.password);
      expect(session.user.username).toBe(person.username);
      await bistro.call('auth.logout', {});
    }
    expect(await bistro.fail('auth.login', { login: 'alice@harbour.example', password: 'not it' })).toMatchObject({
      kind: 'unauthenticated',
    });
    expect(await bistro.fail('auth.login', { login: OLD.carol.username, password: OLD.carol.password })).toMatchObject({
      kind: 'forbidden',
    });

    const session = await signIn(bistro, 'ALICE@harbour.example', OLD.alice.password);
    await bistro.syncNow();
    const stock = await bistro.call('inventory.list', { area: 'kitchen' });
    expect(stock.rows.length).toBeGreaterThan(0);
    expect(session.restaurant.name).toBe('Harbour Bistro');
    await bistro.call('auth.logout', {});
    await bistro.setOnline(false);
    for (const person of [OLD.alice, OLD.bob]) {
      await signIn(bistro, person.username, person.password);
      expect(sessionOrigin(bistro)).toBe('offline');
      await bistro.call('auth.logout', {});
    }
  });

  test('a second run changes nothing and says so', async () => {
    const before = await centralSnapshot(server);
    const again = await run();
    expect(await centralSnapshot(server)).toEqual(before);
    expect(again.written).toEqual({ restaurants: 0, users: 0, items: 0, stock_movements: 0, updated: 0 });
    expect(new Set(again.lines.map((line) => line.outcome))).toEqual(new Set(['unchanged', 'skipped', 'dropped']));
  });
});

describe('an interrupted run', () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await serverWithErin();
  });
  afterAll(() => other?.drop());

  test('a fault in the middle of a restaurant loses that restaurant only; the next run ends as one uninterrupted run', async () => {
    // Restaurants are written two at a time: the other one under way when the fault comes finishes.
    const finished: string[] = [];
    let faulted = '';
    const faulty = run(
      {
        onRestaurant: (restaurant) => {
          if (faulted === '' && finished.length === 1) {
            faulted = restaurant.key;
            throw new Error('power cut');
          }
          finished.push(restaurant.key);
        },
      },
      other,
    );
    await expect(faulty).rejects.toThrow('power cut');
    const kept = await rows(
      `SELECT old_id AS key FROM kg.legacy_rows WHERE source = 'restaurants' ORDER BY old_id`,
      [],
      other,
    );
    expect(kept.map((row) => row.key)).not.toContain(faulted);
    expect(kept.map((row) => row.key)).toEqual(finished.sort());
    const resumed = await run({}, other);
    expect(resumed.written.restaurants).toBe(3 - finished.length);
    expect(await centralSnapshot(other)).toEqual(afterFirstRun);
  });
});

describe('changes in the old database after an import', () => {
  test('a later run brings them and reports them; an old row gone is kept', async () => {
    await old.admin(
      'inventory',
      `UPDATE kitchen_produce SET current_stock = 1, updated_at = '2025-12-01 07:00:00' WHERE id = 1`,
    );
    await old.admin(
      'inventory',
      `INSERT INTO bar_supplies (user_id, name, unit, unit_cost, current_stock) VALUES (2, 'Rum', 'bottle', 21.5, 2)`,
    );
    await old.admin('inventory', 'DELETE FROM kitchen_produce WHERE id = 7');
    await old.admin('auth', `UPDATE users SET user_position = 'Sous chef' WHERE id = 2`);
    const later = await run();
    const line = (source: string, id: string) => later.lines.find((l) => l.source === source && l.oldId === id);
    expect(line('kitchen_produce', '1')).toMatchObject({ outcome: 'updated' });
    expect(line('bar_supplies', '4')).toMatchObject({ outcome: 'imported' });
    expect(line('kitchen_produce', '7')).toMatchObject({ outcome: 'kept' });
    expect(line('users', '2')).toMatchObject({ outcome: 'updated', notes: [expect.stringMatching(/position/)] });
    expect(
      await rows(
        `SELECT s.on_hand::text AS n FROM kg.item_stock s JOIN kg.items i ON i.id = s.item_id WHERE i.name = 'Tomatoes'`,
      ),
    ).toEqual([{ n: '4.250' }]);
    expect(await rows(`SELECT position FROM kg.users WHERE username = 'bob_cook'`)).toEqual([
      { position: 'Sous chef' },
    ]);
  });
});
