/**
 * Sync faults a real network and a real server have: the COMMIT reply lost after the server
 * committed, the device offline for a while, and the server stopped in the middle of a push.
 * Each ends with the device and the server holding the same movements, each exactly once.
 */
import { describe, expect, test } from 'vitest';
import type { MutationArgs } from '../../shared/mutations';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';
import { HOUR, itemInput, outboxAfter } from '../testing/temp-core';
import { PUSH_BATCH } from './push';
import {
  appliedUpTo,
  connection,
  deviceTruth,
  expectConverged,
  FAST_RETRY,
  issuedUpTo,
  joinedDevice,
  ownerDevice,
  proxiedServer,
  recordStock,
  serverTruth,
  stoppableServer,
  testDevices,
  waitFor,
} from './testing/faults';

const open = testDevices();

describe('on the shared test cluster, through a proxy', () => {
  const site = proxiedServer();

  test('faults: a COMMIT reply lost after the server committed is retried without applying anything twice', async () => {
    const { server, proxy } = site;
    const { device, session, registration } = await ownerDevice(open, connection(server, proxy));
    const restaurantId = session.restaurant.id;
    const flour = await device.call('inventory.create', itemInput({ name: 'Flour', openingStock: '10' }));
    await recordStock(device, flour.id, 5, '2');
    await device.call('inventory.update', { id: flour.id, name: 'Flour T55' });
    const waiting = issuedUpTo(device);
    expect(waiting).toBe(8); // item.create, its opening count, five deliveries, the rename

    device.seam.once(() => proxy.loseNextReply(300));
    const failed = await device.syncNow();
    expect(failed.state).toBe('offline');
    expect(failed.lastError).toMatch(/connection to the central server was lost/);
    expect(failed.waiting).toBe(waiting);
    // The server did commit: it holds the batch and counts it as applied.
    expect(await appliedUpTo(server, device)).toBe(waiting);
    expect((await serverTruth(server, restaurantId)).movements).toHaveLength(6);

    // Someone renames the item again before the retry: applying the lost batch twice would undo it.
    const other = await joinedDevice(open, connection(server), registration);
    await other.syncNow();
    await other.call('inventory.update', { id: flour.id, name: 'Flour T65' });
    expect(await other.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    const retried = await device.syncNow();
    expect(retried).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    await expectConverged(server, restaurantId, [device, other], { movements: 6, onHand: { [flour.id]: 20_000 } });
    for (const each of [device, other])
      expect((await each.call('inventory.get', { id: flour.id })).name).toBe('Flour T65');
  });

  test('faults: a refusal inside the batch whose reply was lost is still recorded, and the rest applied once', async () => {
    const { server, proxy } = site;
    const { device, session } = await ownerDevice(open, connection(server, proxy));
    const restaurantId = session.restaurant.id;
    const yeast = await device.call('inventory.create', itemInput({ name: 'Yeast', openingStock: '1' }));
    // A poison mutation between good ones: stock for an item the server has never heard of.
    appendMutation(device.db, {
      name: 'movement.record',
      args: {
        ...(outboxAfter(device.db).at(-1)!.args as MutationArgs<'movement.record'>),
        id: newId(),
        itemId: newId(),
      },
      at: new Date().toISOString(),
      authorId: session.user.id,
    });
    await recordStock(device, yeast.id, 2, '0.5');

    device.seam.once(() => proxy.loseNextReply(300));
    expect(await device.syncNow()).toMatchObject({ state: 'offline', waiting: 5, rejections: 0 });
    expect(await appliedUpTo(server, device)).toBe(5);

    // The reply listed the refusal and was lost: the retry reads it from the server instead.
    expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 1 });
    expect(await device.call('sync.rejections', {})).toEqual([
      expect.objectContaining({ mutationId: 3, reason: 'No such item.' }),
    ]);
    const truth = await serverTruth(server, restaurantId);
    expect(truth.movements).toHaveLength(3);
    expect(truth.onHand).toEqual({ [yeast.id]: 2_000 });
    expect(deviceTruth(device)).toEqual(truth);
  });

  test('faults: offline, writes queue with the reason shown; back online, the queue drains by itself', async () => {
    const { server, proxy } = site;
    const { device, session } = await ownerDevice(() => open(FAST_RETRY), connection(server, proxy));
    const restaurantId = session.restaurant.id;
    const beer = await device.call('inventory.create', itemInput({ area: 'bar', name: 'Lager', openingStock: '24' }));
    expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

    proxy.setOnline(false);
    try {
      await recordStock(device, beer.id, 3, '-1');
      const offline = await device.syncNow();
      expect(offline).toMatchObject({ state: 'offline', waiting: 3 });
      expect(offline.lastError).toMatch(/offline|lost|answered/i);
      // Local reads still serve the new level.
      expect((await device.call('inventory.get', { id: beer.id })).onHand).toBe('21');
      const tested = await device.fail('central.test', connection(server, proxy));
      expect(tested.kind).toBe('unavailable');
      expect(tested.message).toMatch(/central server|answered|lost/i);
    } finally {
      proxy.setOnline(true);
    }
    await waitFor('the queue to drain by itself', async () => {
      const status = await device.call('sync.status', {});
      return status.state === 'online' && status.waiting === 0;
    });
    await expectConverged(server, restaurantId, [device], { movements: 4, onHand: { [beer.id]: 21_000 } });
  });
});

describe('on a cluster of its own, stopped in the middle of a push', () => {
  const site = stoppableServer();

  test('faults: the server stopped after the first batch committed and restarted: everything arrives exactly once', async () => {
    const { server, cluster } = site;
    // Writes do not push by themselves here (the whole queue goes in one push, in batches), but a
    // failed push is retried quickly by the engine alone.
    const timing = { ...FAST_RETRY, afterWriteMs: HOUR };
    const { device, session } = await ownerDevice(() => open(timing), connection(server));
    // 2.5 batches: five items, each created with an opening count and then given 498 deliveries.
    const items = [];
    for (let n = 0; n < 5; n += 1) {
      const item = await device.call('inventory.create', itemInput({ openingStock: '5' }));
      await recordStock(device, item.id, PUSH_BATCH / 2 - 2);
      items.push(item.id);
    }
    expect(issuedUpTo(device)).toBe(2.5 * PUSH_BATCH);

    // The first batch commits; inside the second, before its COMMIT, the server goes down.
    device.seam.once(() => device.seam.once(() => cluster.stop()));
    const failed = await device.syncNow();
    expect(failed.state).toBe('offline');
    expect(failed.lastError).toMatch(/lost|answered/);
    expect(failed.waiting).toBe(1.5 * PUSH_BATCH);

    // The app keeps working on its own store meanwhile, and keeps trying.
    const [first] = items as [string];
    await recordStock(device, first, 3);
    expect((await device.call('inventory.get', { id: first })).onHand).toBe('506');
    const stillDown = await device.syncNow();
    expect(stillDown).toMatchObject({ state: 'offline', waiting: 1.5 * PUSH_BATCH + 3 });
    expect(stillDown.lastError).toMatch(/Nothing answered/);

    cluster.start();
    await waitFor('the device to push its queue by itself', async () => {
      const status = await device.call('sync.status', {});
      return status.state === 'online' && status.waiting === 0;
    });
    await expectConverged(server, session.restaurant.id, [device], {
      movements: 5 * (PUSH_BATCH / 2 - 1) + 3,
      onHand: Object.fromEntries(items.map((id) => [id, id === first ? 506_000 : 503_000])),
    });
  });
});
