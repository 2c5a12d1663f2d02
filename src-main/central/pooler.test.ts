/**
 * What lets a computer's connections sit behind a pooler in transaction mode, and what an idle
 * computer costs the server. This file runs in both vitest projects: straight to PostgreSQL, and
 * through PgBouncer (pooler.pooled.test.ts has what only the pooler does).
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { waitFor } from '../sync/testing/faults';
import { POOL_SIZE } from './central-server';
import { computerPools, serverConnections } from './testing/pools';
import { serverLogin } from './testing/server-database';
import { createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());
const pools = computerPools(() => server);
afterEach(() => pools.closeAll());

const tokenSeen = "SELECT current_setting('kg.session_token', true) AS token";

test('what a transaction sets ends with it: the next one, on whichever connection, starts clean', async () => {
  const first = pools.open();
  const second = pools.open();
  const seen = await first.transaction('the-token-of-this-transaction', (query) => query(tokenSeen));
  expect(seen.rows[0]?.token).toBe('the-token-of-this-transaction');
  for (const next of [first, second]) {
    const after = await next.transaction(null, (query) => query(tokenSeen));
    expect(after.rows[0]?.token).toBe('');
  }
});

test('an idle computer gives its connections back', async () => {
  const central = pools.open(undefined, { idleMs: 100 });
  // As busy as a computer gets: every connection of its pool in a transaction at once, counted then.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let inside = 0;
  const busy = Array.from({ length: POOL_SIZE }, () =>
    central.transaction(null, async (query) => {
      await query('SELECT 1');
      inside += 1;
      await released;
    }),
  );
  await waitFor('every connection of the pool to be in a transaction', () => inside === POOL_SIZE);
  expect(await serverConnections(server, serverLogin(server.cluster, server.appRole))).toBe(POOL_SIZE);
  release();
  await Promise.all(busy);
  // Straight to PostgreSQL the pool closes them; through PgBouncer the pool closes its connections
  // to the pooler, and the pooler its server connections once they idle past server_idle_timeout.
  await waitFor('the idle computer to hold no server connection', async () => {
    return (await serverConnections(server, serverLogin(server.cluster, server.appRole))) === 0;
  });
});
