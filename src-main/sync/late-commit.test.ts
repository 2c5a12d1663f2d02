/**
 * A transaction that commits late is not skipped by other devices' pulls. Every writing
 * transaction takes the restaurant's version row first and holds it to COMMIT, so a second writer
 * waits, versions become visible in commit order, and a reader's cursor never passes a version
 * that is still in flight. Checked with three devices and again with raw connections.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, test } from 'vitest';
import { serverLogin } from '../central/testing/server-database';
import { adminConfig, adminQuery, type TestServer } from '../central/testing/test-server';
import { readMeta } from '../store/meta';
import { itemInput } from '../testing/temp-core';
import { computerLoginOf } from './testing/devices';
import {
  connection,
  deviceTruth,
  expectConverged,
  faultSuite,
  gate,
  joinedDevice,
  ownerDevice,
  waitFor,
} from './testing/faults';

let server: TestServer;
const open = faultSuite((made) => {
  server = made;
});

const committedVersion = async (restaurantId: string): Promise<number> =>
  Number(
    (
      await adminQuery<{ v: string }>(server, 'SELECT version AS v FROM kg.restaurant_sync WHERE restaurant_id = $1', [
        restaurantId,
      ])
    ).rows[0]?.v,
  );

/** Waits until `count` of the computers' transactions are blocked on a lock. */
const lockWaiters = (count: number) =>
  waitFor(`${count} transaction(s) waiting for the version row`, async () => {
    const { rows } = await adminQuery<{ n: string }>(
      server,
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE (starts_with(usename::text, $1) OR usename = $2) AND datname = $3 AND wait_event_type = 'Lock'`,
      // Computers' own logins, or (through the pooler) the pool role their transactions run as.
      [server.appRole, serverLogin(server.cluster, server.appRole), server.database],
    );
    return Number(rows[0]?.n) === count;
  });

test('late commit: a push paused inside its transaction is not skipped by another device pulling meanwhile', async () => {
  const { device: a, session, registration } = await ownerDevice(open, connection(server));
  const restaurantId = session.restaurant.id;
  const salt = await a.call('inventory.create', itemInput({ name: 'Salt', openingStock: '100' }));
  expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  const b = await joinedDevice(open, connection(server), registration);
  const c = await joinedDevice(open, connection(server), registration);
  for (const device of [b, c]) expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

  await a.call('inventory.adjustStock', { itemId: salt.id, reason: 'usage', quantity: '-3' });
  await b.call('inventory.adjustStock', { itemId: salt.id, reason: 'delivery', quantity: '7' });
  const paused = gate();
  const release = gate();
  a.seam.once(async () => {
    paused.open();
    await release.opened;
  });
  const aPushing = a.syncNow();
  await paused.opened;
  const before = await committedVersion(restaurantId);
  // A holds version before + 1 uncommitted; B's push must wait for the version row.
  const bPushing = b.syncNow();
  await lockWaiters(1);

  expect(await c.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  expect(Number(readMeta(c.db, 'sync.cursor'))).toBe(before);
  expect(deviceTruth(c).onHand).toEqual({ [salt.id]: 100_000 });

  release.open();
  expect(await aPushing).toMatchObject({ state: 'online', waiting: 0 });
  expect(await bPushing).toMatchObject({ state: 'online', waiting: 0 });
  expect(await committedVersion(restaurantId)).toBe(before + 2);
  for (const device of [a, b, c]) expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });
  expect(Number(readMeta(c.db, 'sync.cursor'))).toBe(before + 2);
  await expectConverged(server, restaurantId, [a, b, c], { movements: 3, onHand: { [salt.id]: 104_000 } });
});

test("late commit: the same at the SQL level, with raw connections of the computer's own login", async () => {
  const { device, session, registration } = await ownerDevice(open, connection(server));
  const restaurantId = session.restaurant.id;
  const pepper = await device.call('inventory.create', itemInput({ name: 'Pepper' }));
  expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0 });

  const clients: pg.Client[] = [];
  const computer = await computerLoginOf(device);
  const connectApp = async (shared = false) => {
    const client = new pg.Client({
      ...adminConfig(server.cluster, server.database),
      user: shared ? server.appRole : computer.login,
      password: shared ? server.appPassword : computer.secret,
    });
    clients.push(client);
    await client.connect();
    return client;
  };
  try {
    // Signing in is what the shared role may do; the rest is the computer's own login.
    const login = await connectApp(true);
    // Each push comes from its own computer, signed in on it: a session sends only its computer's changes.
    const signIn = async () => {
      const deviceId = randomUUID();
      const { rows } = await login.query<{ reply: { token: string } }>('SELECT kg.login($1, $2, $3) AS reply', [
        registration.username,
        registration.password,
        deviceId,
      ]);
      return { token: rows[0]!.reply.token, deviceId };
    };
    const [one, two] = [await signIn(), await signIn()];
    const begin = async (client: pg.Client, token: string, isolation = '') => {
      await client.query(`BEGIN ${isolation}`);
      await client.query("SELECT set_config('kg.session_token', $1, true)", [token]);
    };
    const movement = () => ({
      id: randomUUID(),
      itemId: pepper.id,
      reason: 'delivery',
      quantityMilli: 1000,
      note: '',
      at: new Date().toISOString(),
    });
    const push = (client: pg.Client, computer: { deviceId: string }, id: string) =>
      client.query<{ r: { version: number } }>('SELECT kg.push($1, $2::jsonb) AS r', [
        computer.deviceId,
        JSON.stringify([{ id: 1, name: 'movement.record', args: { ...movement(), id } }]),
      ]);

    const [first, second, reader] = [await connectApp(), await connectApp(), await connectApp()];
    const [early, late] = [randomUUID(), randomUUID()];
    await begin(first, one.token);
    const v = (await push(first, one, early)).rows[0]!.r.version;
    await begin(second, two.token);
    const secondPush = push(second, two, late);
    await lockWaiters(1);

    // A reader in one snapshot, as a pull reads: the head is the last committed version.
    await begin(reader, one.token, 'ISOLATION LEVEL REPEATABLE READ');
    const head = await reader.query<{ version: string }>('SELECT version FROM kg.restaurant_sync');
    const cursor = Number(head.rows[0]!.version);
    expect(cursor).toBe(v - 1);
    const seen = await reader.query('SELECT id FROM kg.stock_movements WHERE version > $1', [cursor]);
    expect(seen.rows).toEqual([]);
    await reader.query('COMMIT');

    await first.query('COMMIT');
    expect((await secondPush).rows[0]!.r.version).toBe(v + 1);
    await second.query('COMMIT');

    await begin(reader, one.token);
    const next = await reader.query<{ id: string; version: string }>(
      'SELECT id, version FROM kg.stock_movements WHERE restaurant_id = $1 AND version > $2 ORDER BY version',
      [restaurantId, cursor],
    );
    expect(next.rows.map((row) => [row.id, Number(row.version)])).toEqual([
      [early, v],
      [late, v + 1],
    ]);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
});
