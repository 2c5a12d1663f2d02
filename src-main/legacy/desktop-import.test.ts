/**
 * The old KitchenGuard into one computer with no central server, from the sign-in screen: over the
 * real old-schema databases in the test cluster (rows as the old services wrote them, hashes Python's
 * bcrypt made) into a real local store. The person proves who they were with the old password before
 * anything is written; their restaurant comes over with the server import's rules, they sign in with
 * the old password on this computer alone, and a second run changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { clusterInfo } from '../central/testing/test-server';
import { sql } from '../store/statements';
import { openTestCore, registerOwner, removeFolder, type TestCore, tableCounts } from '../testing/temp-core';
import { OLD, oldFixture } from './testing/old-fixture';
import { createOldKitchenGuard, type OldKitchenGuard } from './testing/old-kitchenguard';

let old: OldKitchenGuard;
let core: TestCore;

beforeAll(async () => {
  old = await createOldKitchenGuard(clusterInfo());
  await old.seed(oldFixture());
  core = await openTestCore();
  // Someone on this computer already has Bob's e-mail: Bob is given another one here.
  await registerOwner(core, { username: 'corner', email: 'BOB@harbour.example', restaurantName: 'Corner Cafe' });
  await core.call('auth.logout', {});
});
afterAll(async () => {
  await core?.close();
  if (core) removeFolder(core.folder);
  await old?.drop();
});

const as = (login: string, oldPassword: string): ChannelInput<'legacy.import'> => ({
  host: old.server.host,
  port: old.server.port,
  authDatabase: old.server.authDatabase,
  inventoryDatabase: old.server.inventoryDatabase,
  user: old.server.user,
  password: old.server.password,
  caFile: clusterInfo().caFile,
  login,
  oldPassword,
});
const alice = () => as('Alice@Harbour.example', OLD.alice.password);

/** What the import writes, without what a sign-in changes (sessions, last sign-in). */
function importedRows() {
  const all = (text: string) => sql<unknown>(core.db, text).all();
  return {
    restaurants: all('SELECT * FROM restaurants ORDER BY id'),
    users: all(
      'SELECT id, restaurant_id, username, email, password_hash, full_name, position, role, kitchen_produce_list, bar_produce_list, is_active, created_at, updated_at, needs_password FROM users ORDER BY id',
    ),
    items: all('SELECT * FROM items ORDER BY id'),
    movements: all('SELECT * FROM stock_movements ORDER BY id'),
    stock: all('SELECT * FROM item_stock ORDER BY item_id'),
    legacy: all('SELECT * FROM legacy_rows ORDER BY source, old_id'),
    outbox: all('SELECT mutation_id FROM outbox'),
  };
}

describe('before anything is imported', () => {
  test('a wrong old password, an unknown name or an inactive account imports nothing, naming the field', async () => {
    const before = tableCounts(core.db);
    for (const channel of ['legacy.preview', 'legacy.import'] as const) {
      expect(await core.fail(channel, as('alice', 'not the old password'))).toMatchObject({
        kind: 'validation',
        issues: [{ path: 'oldPassword', message: 'Old username or password is incorrect.' }],
      });
      expect(await core.fail(channel, as('nobody', OLD.alice.password))).toMatchObject({
        issues: [{ path: 'oldPassword' }],
      });
      expect(await core.fail(channel, as('carol', OLD.carol.password))).toMatchObject({
        issues: [{ path: 'login', message: expect.stringMatching(/deactivated/) }],
      });
    }
    expect(await core.fail('legacy.preview', { ...alice(), password: 'not it' })).toMatchObject({
      issues: [{ path: 'password', message: expect.stringMatching(/refused the database user/) }],
    });
    expect(await core.fail('legacy.preview', { ...alice(), caFile: '/nonexistent/old-ca.pem' })).toMatchObject({
      issues: [{ path: 'caFile' }],
    });
    expect(await core.fail('legacy.preview', { ...alice(), inventoryDatabase: 'no_such_db' })).toMatchObject({
      issues: [{ path: 'inventoryDatabase', message: expect.stringMatching(/no database called "no_such_db"/) }],
    });
    expect(await core.fail('legacy.preview', { ...alice(), port: 0 })).toMatchObject({
      issues: [{ path: 'port', message: 'Port must be between 1 and 65535' }],
    });
    expect(await core.fail('legacy.import', { ...alice(), currency: 'EURO' })).toMatchObject({
      issues: [{ path: 'currency', message: 'Choose a currency from the list, such as EUR or USD' }],
    });
    expect(tableCounts(core.db)).toEqual(before);
  });

  test("the preview shows the plan of the person's restaurant, every decision with why, and writes nothing", async () => {
    const before = tableCounts(core.db);
    const preview = await core.call('legacy.preview', alice());
    expect(tableCounts(core.db)).toEqual(before);
    expect(preview.restaurant).toEqual({ name: 'Harbour Bistro', type: 'restaurant', importedBefore: false });
    expect(preview.users).toEqual([
      { username: 'carol', email: 'carol@harbour.example', fullName: 'Carol Left', role: 'manager', isActive: false },
      { username: 'alice', email: 'Alice@Harbour.example', fullName: 'Alice Martin', role: 'owner', isActive: true },
      {
        username: 'bob_cook',
        email: 'legacy-user-2@legacy.invalid',
        fullName: 'Bob Jones',
        role: 'manager',
        isActive: true,
      },
    ]);
    expect([preview.kitchenItems, preview.barItems]).toEqual([4, 1]);
    expect(preview.toWrite).toEqual({ restaurants: 1, users: 3, items: 5, stock_movements: 5, updated: 0 });
    const decision = (row: string) => preview.decisions.find((d) => d.row === row);
    expect(decision('kitchen_produce 2')).toMatchObject({ outcome: 'merged', became: 'kitchen item "Tomatoes" (kg)' });
    expect(decision('kitchen_produce 1')!.notes).toEqual([expect.stringMatching(/^Merged from 2 old rows/)]);
    expect(decision('kitchen_produce 3')!.notes).toEqual([
      'Another item of this name has another unit: named "Flour (kg)"',
    ]);
    expect(decision('kitchen_produce 5')!.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/Stock -3 is negative/)]),
    );
    expect(decision('users 2')!.notes).toEqual([
      'Email "bob@harbour.example" is taken on this computer: "legacy-user-2@legacy.invalid" (signs in with the username)',
    ]);
    expect(decision('password_reset_tokens 1')).toMatchObject({ outcome: 'dropped' });
    // Other restaurants' rows are not this person's to see.
    expect(preview.decisions.map((d) => d.row)).not.toContain('kitchen_produce 7');
    expect(preview.outcomes).toEqual({ imported: 9, merged: 2, dropped: 1 });
  });
});

describe('the import', () => {
  let result: Awaited<ReturnType<typeof core.call<'legacy.import'>>>;
  let afterFirst: ReturnType<typeof importedRows>;
  beforeAll(async () => {
    result = await core.call('legacy.import', { ...alice(), currency: 'EUR' });
    afterFirst = importedRows();
  });

  test('brings the restaurant over and signs the person in, on its stock', async () => {
    expect(result.written).toEqual({ restaurants: 1, users: 3, items: 5, stock_movements: 5, updated: 0 });
    expect(result.session.user).toMatchObject({ username: 'alice', role: 'owner', fullName: 'Alice Martin' });
    expect(result.session.restaurant).toMatchObject({ name: 'Harbour Bistro', currency: 'EUR' });
    const kitchen = await core.stock('kitchen');
    expect(kitchen.items.map((item) => [item.name, item.unit, item.unitCost, item.onHand])).toEqual([
      ['Flour (bag)', 'bag', '12.00', '2'],
      ['Flour (kg)', 'kg', '0.90', '10'],
      ['Salt', 'each', '0.00', '0'],
      ['Tomatoes', 'kg', '2.50', '8.25'],
    ]);
    const bar = await core.stock('bar');
    expect(bar.items.map((item) => [item.name, item.onHand])).toEqual([['Gin', '5']]);
    const tomatoes = kitchen.items.find((item) => item.name === 'Tomatoes')!;
    const { movements } = await core.call('inventory.history', { itemId: tomatoes.id });
    expect(movements).toMatchObject([
      {
        reason: 'count',
        quantity: '8.25',
        occurredAt: '2025-11-30T08:00:00.000Z',
        note: 'Imported from the old KitchenGuard: 5 kg from kitchen_produce 1 (alice) + 3.25 kg from kitchen_produce 2 (bob_cook)',
      },
    ]);
    // Nothing waits to be sent: connecting a server later uploads the whole restaurant.
    expect(afterFirst.outbox).toHaveLength(2);
  });

  test('saves the report as a file: every old row of the restaurant, never a hash or a token', () => {
    expect(existsSync(result.report.file)).toBe(true);
    const text = readFileSync(result.report.file, 'utf8');
    expect(text).toBe(result.report.text);
    for (const row of [
      'users 1',
      'users 2',
      'users 3',
      'kitchen_produce 5',
      'bar_supplies 2',
      'password_reset_tokens 1',
    ])
      expect(text).toContain(`  ${row} → `);
    expect(text).toMatch(/Written: 1 restaurant\(s\), 3 user\(s\), 5 item\(s\), 5 opening count\(s\)/);
    expect(text).not.toMatch(/\$2[aby]\$|emailed-link-token/);
  });

  test('everyone active signs in here with the old password, with no server at all; the inactive cannot', async () => {
    await core.call('auth.logout', {});
    for (const [login, password] of [
      ['alice', OLD.alice.password],
      ['bob_cook', OLD.bob.password],
      ['ALICE@harbour.example', OLD.alice.password],
    ]) {
      const session = await core.call('auth.login', { login: login!, password: password! });
      expect(session.restaurant.name).toBe('Harbour Bistro');
      await core.call('auth.logout', {});
    }
    expect(await core.fail('auth.login', { login: 'alice', password: 'not it' })).toMatchObject({
      kind: 'unauthenticated',
    });
    expect(await core.fail('auth.login', { login: 'carol', password: OLD.carol.password })).toMatchObject({
      kind: 'forbidden',
    });
  });

  test('a second run imports nothing twice: nothing changes, and it says so', async () => {
    // The currency chosen at the first import stays: it is the restaurant's now, not the import's.
    const again = await core.call('legacy.import', { ...as('bob_cook', OLD.bob.password), currency: 'USD' });
    expect(again.written).toEqual({ restaurants: 0, users: 0, items: 0, stock_movements: 0, updated: 0 });
    expect(again.session.user.username).toBe('bob_cook');
    expect(again.session.restaurant.currency).toBe('EUR');
    expect(importedRows()).toEqual(afterFirst);
    const preview = await core.call('legacy.preview', alice());
    expect(preview.restaurant.importedBefore).toBe(true);
    expect(preview.outcomes).toEqual({ unchanged: 11, dropped: 1 });
  });

  test('a later run brings what changed in the old database; a new username is reported, not applied', async () => {
    await old.admin(
      'inventory',
      `UPDATE kitchen_produce SET current_stock = 1, updated_at = '2025-12-01 07:00:00' WHERE id = 1`,
    );
    await old.admin('auth', `UPDATE users SET username = 'bob_chef', user_position = 'Sous chef' WHERE id = 2`);
    const later = await core.call('legacy.import', alice());
    expect(later.written).toMatchObject({ stock_movements: 1, updated: 1 });
    const tomatoes = (await core.stock('kitchen')).items.find((item) => item.name === 'Tomatoes')!;
    expect(tomatoes.onHand).toBe('4.25');
    expect(later.report.text).toMatch(
      /users 2 → updated[^\n]*\n\s+· Changed in the old database since the last import: username, position/,
    );
    const bob = await core.call('auth.login', { login: 'bob_cook', password: OLD.bob.password });
    expect(bob.user.position).toBe('Sous chef');
  });
});
