/**
 * The device's pg.Pool when the server ends its connections (pg_terminate_backend, as a failover or
 * an administrator does): idle ones, and one in the middle of a push transaction. The app must not
 * crash (an 'error' nobody listens to is an uncaught exception, which vitest reports as a failure),
 * must show it is offline, and the next sync must succeed with nothing lost or doubled.
 */
import { expect, test } from 'vitest';
import { adminQuery, type TestServer } from '../central/testing/test-server';
import { itemInput } from '../testing/temp-core';
import {
  appliedUpTo,
  connection,
  expectConverged,
  faultSuite,
  issuedUpTo,
  ownerDevice,
  recordStock,
  waitFor,
} from './testing/faults';

let server: TestServer;
const open = faultSuite((made) => {
  server = made;
});

/** Ends the application role's server connections in `state`; how many it ended. */
async function terminateAppConnections(state: 'idle' | 'idle in transaction'): Promise<number> {
  const { rows } = await adminQuery<{ ended: boolean }>(
    server,
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
      WHERE starts_with(usename::text, $1) AND datname = $2 AND state = $3`,
    [server.appRole, server.database, state],
  );
  return rows.filter((row) => row.ended).length;
}

test('pool: idle pooled connections killed by the server: no crash, offline shown, the next sync succeeds', async () => {
  const { device, session } = await ownerDevice(open, connection(server));
  const milk = await device.call('inventory.create', itemInput({ name: 'Milk', unit: 'l', openingStock: '12' }));
  expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

  expect(await terminateAppConnections('idle')).toBeGreaterThan(0);
  const offline = await waitFor('the device to notice its connections died', async () => {
    const status = await device.call('sync.status', {});
    return status.state === 'offline' ? status : null;
  });
  expect(offline.lastError).toMatch(/connection to the central server was lost/);

  await recordStock(device, milk.id, 2, '-1.5');
  expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
  await expectConverged(server, session.restaurant.id, [device], { movements: 3, onHand: { [milk.id]: 9_000 } });
});

test('pool: the connection killed in the middle of a push transaction: no crash, nothing applied, retried once', async () => {
  const { device, session } = await ownerDevice(open, connection(server));
  const eggs = await device.call('inventory.create', itemInput({ name: 'Eggs', unit: 'each', openingStock: '30' }));
  expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  const before = await appliedUpTo(server, device);

  await recordStock(device, eggs.id, 4, '6');
  device.seam.once(async () => {
    expect(await terminateAppConnections('idle in transaction')).toBe(1);
    await waitFor(
      'the server to end the backend',
      async () => (await terminateAppConnections('idle in transaction')) === 0,
    );
  });
  const failed = await device.syncNow();
  expect(failed).toMatchObject({ state: 'offline', waiting: 4 });
  expect(failed.lastError).toMatch(/connection to the central server was lost/);
  // Killed before COMMIT: the server rolled the batch back.
  expect(await appliedUpTo(server, device)).toBe(before);

  expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  expect(await appliedUpTo(server, device)).toBe(issuedUpTo(device));
  await expectConverged(server, session.restaurant.id, [device], { movements: 5, onHand: { [eggs.id]: 54_000 } });
});
