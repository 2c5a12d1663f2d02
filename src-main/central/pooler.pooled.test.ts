/**
 * Only through PgBouncer in transaction mode (the `pooled` vitest project): many computers, each with
 * a login of its own to the pooler, share its one pool of the few server connections it allows (the
 * pool role's), and an administrator's login cannot come through the pooler at all.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { POOL_SIZE } from './central-server';
import { failureOf } from './testing/app-role';
import { TEST_POOLER_LIMITS } from './testing/global-setup-pooled';
import { TEST_POOL_ROLE } from './testing/pg-cluster';
import { computerPools, type Login, serverConnections } from './testing/pools';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
  if (!server.cluster.app.pooled) throw new Error('This file runs in the pooled project only (vitest.config.ts)');
});
afterAll(() => server?.drop());
const pools = computerPools(() => server);
afterEach(() => pools.closeAll());

/** A plain login that may connect to the test database (dropped with the test server's roles). */
async function extraLogin(n: number): Promise<Login> {
  const user = `${server.appRole}_computers_extra${n}`;
  const password = `pw-${n}-${server.appPassword}`;
  await adminQuery(server, `CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
  await adminQuery(server, `GRANT CONNECT ON DATABASE ${server.database} TO ${user}`);
  return { user, password };
}

test('many computers with logins of their own share one pool of the few server connections the pooler allows', async () => {
  const logins: Login[] = [];
  for (const n of [1, 2, 3, 4]) logins.push(await extraLogin(n));
  const computers = logins.flatMap((login) => [pools.open(login), pools.open(login)]);
  let most = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      most = Math.max(most, await serverConnections(server));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  // Every pool full: 8 computers × 4 connections, each transaction holding its connection a while.
  const replies = await Promise.all(
    computers.flatMap((central) =>
      Array.from({ length: POOL_SIZE }, () =>
        central.transaction(null, async (query) => {
          await query('SELECT pg_sleep(0.05)');
          return (await query<{ who: string }>('SELECT session_user AS who')).rows[0]?.who;
        }),
      ),
    ),
  );
  sampling = false;
  await sampler;
  expect(replies).toHaveLength(computers.length * POOL_SIZE);
  expect(new Set(replies)).toEqual(new Set([TEST_POOL_ROLE]));
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThanOrEqual(TEST_POOLER_LIMITS.maxDbConnections);
});

test('a wrong password (or a revoked computer) is told so through the pooler as well', async () => {
  const central = pools.open({ user: server.appRole, password: 'not-the-password' });
  const refused = await failureOf(central.transaction(null, (query) => query('SELECT 1')));
  expect(refused).toMatchObject({ problem: 'credentials', transient: false });
});

test('an administrator (superuser) login is refused by the pooler', async () => {
  const { cluster } = server;
  const client = new pg.Client({
    host: cluster.app.host,
    port: cluster.app.port,
    database: server.database,
    user: cluster.adminUser,
    password: cluster.adminPassword,
    ssl: { ca: cluster.ca, rejectUnauthorized: true },
  });
  client.on('error', () => undefined);
  await expect(client.connect()).rejects.toThrow(/no such user/);
});

test('server connections ended behind the pooler (a failover): at most one failed transaction, then the computer goes on', async () => {
  const central = pools.open();
  await central.transaction(null, (query) => query('SELECT 1'));
  await adminQuery(
    server,
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename = $1',
    [TEST_POOL_ROLE],
  );
  const attempts = [];
  for (let n = 0; n < 2; n += 1) {
    attempts.push(await failureOf(central.transaction(null, (query) => query('SELECT 1'))).catch(() => 'ok'));
  }
  // A transaction handed a server connection that just died fails as lost (the engine retries); the next one succeeds.
  expect(attempts.at(-1)).toBe('ok');
  for (const attempt of attempts.filter((a) => a !== 'ok'))
    expect(attempt).toMatchObject({ problem: 'connection_lost' });
});
