/**
 * The central server taken back in time (a real pg_dump / pg_restore, see server-backup.ts), and a
 * device away longer than the server's history.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { serverBackups } from '../central/testing/server-backup';
import { adminQuery, type TestServer } from '../central/testing/test-server';
import { itemInput, member, PASSWORD, removeFolder, tempFolder } from '../testing/temp-core';
import { deviceCounts, serverCounts } from './testing/count-state';
import {
  connection,
  expectConverged,
  faultSuite,
  joinedDevice,
  ownerDevice,
  recordStock,
  type TestDevice,
} from './testing/faults';

let server: TestServer;
const open = faultSuite((made) => {
  server = made;
});
const folder = tempFolder('kg-backup');
afterAll(() => removeFolder(folder));
const backups = serverBackups(() => server, folder);
const takeBackup = () => backups.take();
const restoreBackup = (file: string, { sameGeneration = false } = {}) =>
  backups.restore(file, { forgetProcedure: sameGeneration });

/** The server keeps no change history of `restaurantId` up to its current version. */
const forgetHistoryOf = (restaurantId: string) =>
  adminQuery(server, 'UPDATE kg.restaurant_sync SET min_version = version WHERE restaurant_id = $1', [restaurantId]);
// One server for the file: the next test starts with the whole history kept.
afterEach(() => adminQuery(server, 'UPDATE kg.restaurant_sync SET min_version = 0'));

const resyncs = (device: TestDevice) => device.warnings.filter((warning) => warning.startsWith('Resyncing'));

test.each([
  { restored: 'with a new generation', sameGeneration: false, reason: /restored from a backup/ },
  // A snapshot restored without the procedure's last step: the devices' own records still tell.
  { restored: 'keeping its old generation', sameGeneration: true, reason: /behind this computer|lost changes/ },
])(
  'restore $restored: devices that pushed after the backup resync, re-upload, and continue their outboxes',
  async ({ sameGeneration, reason }) => {
    const { device: a, session, registration } = await ownerDevice(open, connection(server));
    const restaurantId = session.restaurant.id;
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour', openingStock: '10' }));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const b = await joinedDevice(open, connection(server), registration);
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();

    // Pushed after the backup, so lost by the restore: a new item, deliveries, and B's usage.
    const sugar = await a.call('inventory.create', itemInput({ name: 'Sugar', openingStock: '4' }));
    await recordStock(a, flour.id, 3, '2');
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    await b.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-1' });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    await restoreBackup(backup, { sameGeneration });
    // A keeps working: its next mutation id is far past what the restored server last applied for it.
    await recordStock(a, flour.id, 1, '5');
    const afterRestore = await a.syncNow();
    expect(afterRestore).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(resyncs(a)).toEqual([expect.stringMatching(reason)]);
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(resyncs(b)).toEqual([expect.stringMatching(reason)]);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    expect(resyncs(a)).toHaveLength(1);

    // Flour: count 10, three deliveries of 2, B's usage of 1, A's delivery of 5. Sugar: count 4.
    await expectConverged(server, restaurantId, [a, b], {
      movements: 7,
      onHand: { [flour.id]: 20_000, [sugar.id]: 4_000 },
    });
  },
);

test('restore: a cursor older than the kept history (min_version) means a full resync, with the outbox kept', async () => {
  const { device: a, session, registration } = await ownerDevice(open, connection(server));
  const restaurantId = session.restaurant.id;
  const oil = await a.call('inventory.create', itemInput({ name: 'Olive oil', unit: 'l', openingStock: '6' }));
  expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  const b = await joinedDevice(open, connection(server), registration);
  expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

  // B is away while A carries on and the server forgets the history B would need.
  await b.call('inventory.adjustStock', { itemId: oil.id, reason: 'waste', quantity: '-0.5' });
  await recordStock(a, oil.id, 2, '3');
  expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  await forgetHistoryOf(restaurantId);

  expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
  expect(resyncs(b)).toEqual([expect.stringMatching(/away longer than the server keeps/)]);
  expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  expect(resyncs(b)).toHaveLength(1);
  expect(resyncs(a)).toHaveLength(0);
  await expectConverged(server, restaurantId, [a, b], { movements: 4, onHand: { [oil.id]: 11_500 } });
});

describe('restore: everyone recovers', () => {
  test("a staff member's device resyncs too, bringing back its own movements (items are the managers')", async () => {
    const { device: a, session, registration } = await ownerDevice(open, connection(server));
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour', openingStock: '10' }));
    const staff = await a.call('team.create', member('staff'));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const staffAccount = { username: staff.username, password: PASSWORD };
    const b = await joinedDevice(open, connection(server), staffAccount, registration);
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();
    await b.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-1' });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    await restoreBackup(backup);
    await b.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-2' });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(resyncs(b)).toHaveLength(1);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    // Flour: count 10, B's usage of 1 (lost by the restore, brought back by B) and of 2.
    await expectConverged(server, session.restaurant.id, [a, b], { movements: 3, onHand: { [flour.id]: 7_000 } });
  });

  test('an item renamed after the backup keeps its new name: the device brings its newer row forward', async () => {
    const { device: a } = await ownerDevice(open, connection(server));
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour' }));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();
    await a.call('inventory.update', { id: flour.id, name: 'Flour T55' });
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    await restoreBackup(backup);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    expect(resyncs(a)).toHaveLength(1);
    const { rows } = await adminQuery<{ name: string }>(server, 'SELECT name FROM kg.items WHERE id = $1', [flour.id]);
    expect(rows[0]?.name).toBe('Flour T55');
    expect((await a.call('inventory.get', { id: flour.id })).name).toBe('Flour T55');
  });

  test('an edit waiting at the restore stays the last one the server received, though the upload already brought its value', async () => {
    const { device: a, registration } = await ownerDevice(open, connection(server));
    const manager = await a.call('team.create', member('manager'));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const b = await joinedDevice(
      open,
      connection(server),
      { username: manager.username, password: PASSWORD },
      registration,
    );
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour', unit: 'kg' }));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    await b.call('inventory.update', { id: flour.id, unit: 'bag' });
    await a.call('inventory.update', { id: flour.id, unit: 'L' });
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    // B uploads Flour as it holds it (in bags, its edit still waiting) and then pushes that edit;
    // A's upload then brings its earlier edit, which the server received before B's.
    await restoreBackup(backup);
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const { rows } = await adminQuery<{ unit: string }>(server, 'SELECT unit FROM kg.items WHERE id = $1', [flour.id]);
    expect(rows).toEqual([{ unit: 'bag' }]);
    expect((await a.call('inventory.get', { id: flour.id })).unit).toBe('bag');
    expect((await b.call('inventory.get', { id: flour.id })).unit).toBe('bag');
  });

  test('changes still waiting at the restore arrive in the order they were made: an item made, used, renamed and deleted offline refuses nothing', async () => {
    const { device: a, session } = await ownerDevice(open, connection(server));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();
    const cream = await a.call('inventory.create', itemInput({ name: 'Cream', openingStock: '12.5' }));
    await a.call('inventory.adjustStock', { itemId: cream.id, reason: 'usage', quantity: '-1' });
    await a.call('inventory.update', { id: cream.id, name: 'Cream 35%' });
    await a.call('inventory.delete', { id: cream.id });

    await restoreBackup(backup);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(resyncs(a)).toHaveLength(1);
    // Its own delete came last, so nothing before it met a deleted item.
    expect(await a.call('sync.rejections', {})).toEqual([]);
    const { rows } = await adminQuery<{ name: string; deleted: boolean }>(
      server,
      'SELECT name, deleted_at IS NOT NULL AS deleted FROM kg.items WHERE id = $1',
      [cream.id],
    );
    expect(rows).toEqual([{ name: 'Cream 35%', deleted: true }]);
    await expectConverged(server, session.restaurant.id, [a], { movements: 2, onHand: { [cream.id]: 11_500 } });
  });

  test('a delete the restore lost comes back with the computer that holds it; what another computer pushed first is kept, not refused', async () => {
    const { device: a, session, registration } = await ownerDevice(open, connection(server));
    const manager = await a.call('team.create', member('manager'));
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour', openingStock: '10' }));
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const b = await joinedDevice(
      open,
      connection(server),
      { username: manager.username, password: PASSWORD },
      registration,
    );
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();
    await b.call('inventory.delete', { id: flour.id });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    // A never saw the delete: the usage it records is of an item it still holds.
    await a.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-1' });

    await restoreBackup(backup);
    // The restored server holds Flour undeleted, so A's usage arrives on a live item and is kept.
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    expect(await a.call('sync.rejections', {})).toEqual([]);
    const { rows } = await adminQuery<{ deleted: boolean }>(
      server,
      'SELECT deleted_at IS NOT NULL AS deleted FROM kg.items WHERE id = $1',
      [flour.id],
    );
    expect(rows).toEqual([{ deleted: true }]);
    await expectConverged(server, session.restaurant.id, [a, b], { movements: 2, onHand: { [flour.id]: 9_000 } });
  });

  test("pruning one restaurant's history leaves the other restaurants' devices alone", async () => {
    const { device: busy, session } = await ownerDevice(open, connection(server));
    const item = await busy.call('inventory.create', itemInput());
    for (let n = 0; n < 6; n += 1) {
      await recordStock(busy, item.id, 1);
      expect(await busy.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    }
    const { device: quiet } = await ownerDevice(open, connection(server));
    await quiet.call('inventory.create', itemInput());
    expect(await quiet.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    await forgetHistoryOf(session.restaurant.id);
    for (let cycle = 1; cycle <= 2; cycle += 1) {
      expect(await quiet.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
      expect(await busy.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    }
    expect(resyncs(quiet)).toHaveLength(0);
    expect(resyncs(busy)).toHaveLength(0);
  });
});

describe('restore: count lines waiting to be sent', () => {
  test('lines pushed after the backup and lines still waiting, on two computers, each arrive once', async () => {
    const { device: a, session, registration } = await ownerDevice(open, connection(server));
    const restaurantId = session.restaurant.id;
    const items: string[] = [];
    for (const name of ['Milk', 'Flour', 'Rice'])
      items.push((await a.call('inventory.create', itemInput({ name, openingStock: '5' }))).id);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const b = await joinedDevice(open, connection(server), registration);
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    const backup = await takeBackup();

    // After the backup, so lost by the restore: the count itself, and A's first lines, pushed.
    const count = await a.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    const enter = (device: TestDevice, itemId: string, quantity: string) =>
      device.call('counts.enter', { countId: count.id, itemId, storageAreaId: null, quantity, kind: 'add' });
    for (const itemId of items) await enter(a, itemId, '1');
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    expect(await b.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    // Still waiting when the server is restored: more of A's lines, and B's.
    for (const itemId of items) await enter(a, itemId, '2');
    for (const itemId of items) await enter(b, itemId, '4');
    expect((await b.call('sync.status', {})).waiting).toBe(3);

    await restoreBackup(backup);
    expect(await adminQuery(server, 'SELECT 1 FROM kg.counts WHERE id = $1', [count.id])).toMatchObject({ rows: [] });
    for (const device of [a, b, a, b]) {
      expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    }
    expect(resyncs(a)).toHaveLength(1);
    expect(resyncs(b)).toHaveLength(1);

    // Nine lines, each once, the same on the server and on both computers; nothing refused.
    const held = await serverCounts(server, restaurantId);
    expect(held.counts).toEqual([expect.objectContaining({ id: count.id, status: 'open' })]);
    expect(held.entries).toHaveLength(9);
    expect(new Set(held.entries.map((entry) => entry.id)).size).toBe(9);
    for (const device of [a, b]) {
      expect(deviceCounts(device.db, restaurantId)).toEqual(held);
      expect(await device.call('sync.rejections', {})).toEqual([]);
      const review = await device.call('counts.review', { countId: count.id });
      expect(review.items.map((item) => item.counted)).toEqual(['7', '7', '7']);
    }
    await expectConverged(server, restaurantId, [a, b], {
      movements: 3,
      onHand: Object.fromEntries(items.map((id) => [id, 5_000])),
    });
  });
});
