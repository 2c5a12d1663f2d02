/**
 * A fresh database with the KitchenGuard server schema and its own application role, in a test
 * cluster: what an administrator's `npm run server:setup` makes on RDS. Plain Node, so benchmarks
 * and the e2e run use it as well as vitest (test-server.ts adds the run's shared cluster).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ConnectionInput } from '../../../shared/contract/central';
import { type SetupOptions, setupServer } from '../setup';
import { TEST_POOL_ROLE, TEST_POOLER_ROLE, type TestClusterInfo } from './pg-cluster';

export interface TestServer {
  cluster: TestClusterInfo;
  database: string;
  appRole: string;
  appPassword: string;
  /** What a device enters in Settings → Central server. */
  connection: ConnectionInput;
  admin(): pg.Client;
  drop(): Promise<void>;
}

export const adminConfig = (cluster: TestClusterInfo, database = 'postgres'): pg.ClientConfig => ({
  host: cluster.host,
  port: cluster.port,
  user: cluster.adminUser,
  password: cluster.adminPassword,
  database,
  ssl: { ca: cluster.ca, rejectUnauthorized: true },
});

/** Runs `work` on one administrator's connection to `database`. */
export async function asAdmin<T>(cluster: TestClusterInfo, database: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(adminConfig(cluster, database));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops an application role with its computers' group, every computer login enrolled in it and its pool role. */
export async function dropAppRoles(client: pg.Client, appRole: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT rolname AS name FROM pg_roles
      WHERE rolname IN ($1::text, $1::text || '_pool') OR starts_with(rolname, $1::text || '_computers') ORDER BY length(rolname) DESC`,
    [appRole],
  );
  for (const { name } of rows) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(name)}`);
}

/**
 * Every computer of every test restaurant comes from 127.0.0.1, where in the field each restaurant has
 * an address of its own: the limits per address and server-wide are lifted here, the account's stay.
 * throttling.test.ts tests the lifted ones, with limits of its own.
 */
const LIFT_SHARED_LIMITS = `UPDATE kg.throttle_rules SET free = 1000000
  WHERE rule IN ('computer', 'server', 'registration', 'registrations')`;

/**
 * Behind the test PgBouncer, set-up lets its lookup role find computers' logins and joins its pool role
 * to the app roles (as an administrator would).
 */
export const poolerOptions = (cluster: TestClusterInfo): Pick<SetupOptions, 'poolerLookupRole' | 'poolRole'> =>
  cluster.app.pooled ? { poolerLookupRole: TEST_POOLER_ROLE, poolRole: TEST_POOL_ROLE } : {};

/** The login computers' transactions reach the server as: their own, or behind the pooler its pool role. */
export const serverLogin = (cluster: TestClusterInfo, login: string): string =>
  cluster.app.pooled ? TEST_POOL_ROLE : login;

export interface ServerDatabaseOptions {
  /** false: the limits as set-up makes them, for the test of those limits. */
  liftSharedLimits?: boolean;
}

export async function createServerDatabase(
  cluster: TestClusterInfo,
  { liftSharedLimits = true }: ServerDatabaseOptions = {},
): Promise<TestServer> {
  const suffix = randomBytes(4).toString('hex');
  const database = `kg_test_${suffix}`;
  const appRole = `kg_app_${suffix}`;
  const appPassword = `app-${randomBytes(12).toString('hex')}`;
  await asAdmin(cluster, 'postgres', (client) => client.query(`CREATE DATABASE ${database}`));
  await setupServer(adminConfig(cluster, database), { appRole, appPassword, ...poolerOptions(cluster) });
  if (liftSharedLimits) await asAdmin(cluster, database, (client) => client.query(LIFT_SHARED_LIMITS));
  return {
    cluster,
    database,
    appRole,
    appPassword,
    connection: {
      host: cluster.app.host,
      port: cluster.app.port,
      database,
      user: appRole,
      caFile: cluster.caFile,
      password: appPassword,
    },
    admin: () => new pg.Client(adminConfig(cluster, database)),
    async drop() {
      await asAdmin(cluster, 'postgres', async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await dropAppRoles(client, appRole);
      });
    },
  };
}

/** Runs SQL as the administrator in the test server's database. */
export async function adminQuery<R extends pg.QueryResultRow>(
  server: Pick<TestServer, 'cluster' | 'database'>,
  text: string,
  params: unknown[] = [],
) {
  return asAdmin(server.cluster, server.database, (client) => client.query<R>(text, params));
}
