/**
 * A count interrupted on its way to the server, with the fault harness of faults.test.ts: the
 * COMMIT reply lost after the server committed, the connection cut before the COMMIT, and the server
 * stopped in the middle of a push. Every count line arrives exactly once: none lost, none doubled.
 */
import { describe, expect, test } from 'vitest';
import { adminQuery, type TestServer } from '../central/testing/test-server';
import { HOUR, itemInput } from '../testing/temp-core';
import { PUSH_BATCH } from './push';
import {
  appliedUpTo,
  connection,
  FAST_RETRY,
  issuedUpTo,
  ownerDevice,
  proxiedServer,
  stoppableServer,
  type TestDevice,
  testDevices,
  waitFor,
} from './testing/faults';

const open = testDevices();

/**
 * A restaurant's count with `lines` lines entered on `device` through counts.enter, over `items`
 * items. The lines are committed together: what is under test is their way to the server, and
 * thousands of separate commits on a busy machine would only time its disk.
 */
async function countWithLines(device: TestDevice, items: number, lines: number): Promise<string> {
  const ids: string[] = [];
  for (let n = 0; n < items; n += 1)
    ids.push((await device.call('inventory.create', itemInput({ openingStock: '5' }))).id);
  const count = await device.call('counts.start', { areas: ['kitchen'], scope: 'full' });
  device.db.exec('BEGIN');
  for (let n = 0; n < lines; n += 1) {
    const line = { countId: count.id, itemId: ids[n % items]!, storageAreaId: null, quantity: '1' };
    await device.call('counts.enter', { ...line, kind: 'add' });
  }
  device.db.exec('COMMIT');
  return count.id;
}

const serverLines = async (server: TestServer, countId: string) =>
  (
    await adminQuery<{ id: string }>(server, 'SELECT id FROM kg.count_entries WHERE count_id = $1 ORDER BY id', [
      countId,
    ])
  ).rows.map((row) => row.id);
const deviceLines = (device: TestDevice, countId: string) =>
  device.db.prepare('SELECT id FROM count_entries WHERE count_id = ? ORDER BY id').pluck().all(countId) as string[];

/** The server holds each line the device entered exactly once, and the device holds the server's word on each. */
async function expectEveryLineOnce(server: TestServer, device: TestDevice, countId: string, lines: number) {
  const held = await serverLines(server, countId);
  expect(held).toHaveLength(lines);
  expect(new Set(held).size).toBe(lines);
  expect(deviceLines(device, countId)).toEqual(held);
  expect(await device.call('sync.status', {})).toMatchObject({ waiting: 0, rejections: 0 });
  expect(await appliedUpTo(server, device)).toBe(issuedUpTo(device));
  const unsynced = device.db.prepare('SELECT count(*) FROM count_entries WHERE received_at IS NULL').pluck().get();
  expect(unsynced).toBe(0);
}

describe('on the shared test cluster, through a proxy', () => {
  const site = proxiedServer();

  test('faults: count lines whose COMMIT reply was lost are retried and applied once', async () => {
    const { server, proxy } = site;
    const { device } = await ownerDevice(open, connection(server, proxy));
    const countId = await countWithLines(device, 5, 60);
    device.seam.once(() => proxy.loseNextReply(300));
    const failed = await device.syncNow();
    expect(failed.state).toBe('offline');
    // The server committed the lines the reply for was lost.
    expect((await serverLines(server, countId)).length).toBe(60);
    expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    await expectEveryLineOnce(server, device, countId, 60);
    const review = await device.call('counts.review', { countId });
    expect(review.items.map((item) => item.counted)).toEqual(['12', '12', '12', '12', '12']);
  });

  test('faults: count lines whose connection was cut before the COMMIT arrive once when it is back', async () => {
    const { server, proxy } = site;
    const { device } = await ownerDevice(open, connection(server, proxy));
    const countId = await countWithLines(device, 3, 30);
    device.seam.once(() => proxy.setOnline(false));
    try {
      expect((await device.syncNow()).state).toBe('offline');
      expect(await serverLines(server, countId)).toEqual([]);
    } finally {
      proxy.setOnline(true);
    }
    expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
    await expectEveryLineOnce(server, device, countId, 30);
  });
});

describe('on a cluster of its own, stopped in the middle of a push', () => {
  const site = stoppableServer();

  test('faults: the server stopped after the first batch of count lines committed: every line arrives once', async () => {
    const { server, cluster } = site;
    // Writes do not push by themselves here, but a failed push is retried quickly by the engine alone.
    const { device } = await ownerDevice(() => open({ ...FAST_RETRY, afterWriteMs: HOUR }), connection(server));
    // Ten items (with their opening counts) and the count take 21 changes; the lines make 2.5 batches.
    const lines = 2.5 * PUSH_BATCH - 21;
    const countId = await countWithLines(device, 10, lines);
    expect(issuedUpTo(device)).toBe(2.5 * PUSH_BATCH);

    // The first batch commits; inside the second, before its COMMIT, the server goes down.
    device.seam.once(() => device.seam.once(() => cluster.stop()));
    const failed = await device.syncNow();
    expect(failed).toMatchObject({ state: 'offline', waiting: 1.5 * PUSH_BATCH });
    // Counting goes on meanwhile, on this computer's own store.
    const item = (await device.call('counts.get', { countId })).storageAreas[0]!.items[0]!;
    await device.call('counts.enter', { countId, itemId: item.itemId, storageAreaId: null, quantity: '2' });
    // A write puts the next push afterWriteMs away (an hour here): a try of its own sets the retries going again.
    const stillDown = await device.syncNow();
    expect(stillDown).toMatchObject({ state: 'offline', waiting: 1.5 * PUSH_BATCH + 1 });
    expect(stillDown.lastError).toMatch(/Nothing answered/);

    cluster.start();
    await waitFor('the device to push its queue by itself', async () => {
      const status = await device.call('sync.status', {});
      return status.state === 'online' && status.waiting === 0;
    });
    await expectEveryLineOnce(server, device, countId, lines + 1);
  });
});
