/**
 * Test helpers that talk to a test server AS THE APPLICATION ROLE: exactly what a desktop client can
 * do with the database password it holds (and so what anyone who copies it off a laptop can do).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { serverMigrations } from '../migrations';
import type { TestClusterInfo } from './pg-cluster';
import { dropAppRoles } from './server-database';
import { adminConfig, type TestServer } from './test-server';

/** What a device's pool connects with: the application role over verified TLS. */
export const appConfig = (server: TestServer, overrides: Partial<pg.ClientConfig> = {}): pg.ClientConfig => ({
  host: server.cluster.app.host,
  port: server.cluster.app.port,
  database: server.database,
  user: server.appRole,
  password: server.appPassword,
  ssl: { ca: server.cluster.ca, rejectUnauthorized: true },
  ...overrides,
});

/** The SQLSTATE (or Node/TLS error code) a promise rejects with; throws if it resolves. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`Expected a failure, got ${JSON.stringify(outcome.value)}`);
  return String((outcome.error as { code?: unknown }).code);
}

/** The error a promise rejects with; throws if it resolves. */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string; detail?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected a failure');
}

/** A JSON reply of a server function. */
// biome-ignore lint/suspicious/noExplicitAny: replies are asserted field by field
export type Reply = any;

export interface AppConnection {
  /** One transaction presenting `token` (null: none), committed when the statement succeeds. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    token: string | null,
    text: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** `SELECT <call> AS reply` in one transaction presenting `token`: the function's reply. */
  call(token: string | null, call: string, ...params: unknown[]): Promise<Reply>;
  client: pg.Client;
  close(): Promise<void>;
}

/** A computer's own database login, as kg.enrol_computer hands it out. */
export interface ComputerLogin {
  login: string;
  secret: string;
}

/** One connection as the application role (or a computer's own login), reused by a whole describe block. */
export async function connectApp(server: TestServer, computer?: ComputerLogin): Promise<AppConnection> {
  const client = new pg.Client(appConfig(server, computer ? { user: computer.login, password: computer.secret } : {}));
  // A revoked computer's connection is ended by the server: the failed query reports it.
  client.on('error', () => undefined);
  await client.connect();
  const query = async <R extends pg.QueryResultRow>(token: string | null, text: string, params: unknown[] = []) => {
    await client.query('BEGIN');
    try {
      if (token !== null) await client.query("SELECT set_config('kg.session_token', $1, true)", [token]);
      // As the app does: through the pooler's one login, the secret is what tells the computer.
      if (computer) await client.query("SELECT set_config('kg.computer_secret', $1, true)", [computer.secret]);
      const result = await client.query<R>(text, params);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
  return {
    query,
    call: async (token, call, ...params) =>
      (await query<{ reply: Reply }>(token, `SELECT ${call} AS reply`, params)).rows[0]!.reply,
    client,
    close: () => client.end(),
  };
}

/** Runs SQL as the administrator in one database of the cluster. */
export async function adminIn<R extends pg.QueryResultRow = pg.QueryResultRow>(
  cluster: TestClusterInfo,
  database: string,
  text: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  const client = new pg.Client(adminConfig(cluster, database));
  await client.connect();
  try {
    return await client.query<R>(text, params);
  } finally {
    await client.end();
  }
}

export const uniqueName = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** An empty database in the cluster, and how to drop it (with any roles the test made). */
export async function emptyDatabase(cluster: TestClusterInfo) {
  const database = uniqueName('kg_test');
  await adminIn(cluster, 'postgres', `CREATE DATABASE ${database}`);
  return {
    database,
    async drop(...roles: string[]) {
      await adminIn(cluster, 'postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      const client = new pg.Client(adminConfig(cluster, 'postgres'));
      await client.connect();
      try {
        for (const role of roles) await dropAppRoles(client, role);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Brings a database to an older schema version by hand, the way an older release's set-up left it:
 * the bookkeeping table and migrations 1..version, nothing newer and no application role.
 */
export async function migrateTo(cluster: TestClusterInfo, database: string, version: number): Promise<void> {
  const client = new pg.Client(adminConfig(cluster, database));
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE SCHEMA kg;
      CREATE TABLE kg.schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now());`);
    for (const { version: v, name, sql } of serverMigrations.slice(0, version)) {
      await client.query(sql);
      await client.query('INSERT INTO kg.schema_migrations (version, name) VALUES ($1, $2)', [v, name]);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export const PASSWORD = 'correct horse battery';

export type Role = 'owner' | 'manager' | 'staff';

/** A new person as the server functions take them (`p_user` / `p_owner`). */
export function person(role: Role, overrides: Record<string, unknown> = {}) {
  const handle = uniqueName(role);
  return {
    id: randomUUID(),
    username: handle,
    email: `${handle}@example.test`,
    fullName: `Test ${role}`,
    role,
    ...overrides,
  };
}

export const newRestaurant = (name = 'Test Bistro') => ({ id: randomUUID(), name, type: 'restaurant' });

/** Every string in a reply, every key: for checking that no hash ever leaves the server. */
export function secretsIn(reply: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (/hash/i.test(key)) found.push(`key ${key}`);
    if (typeof value === 'string' && /\$2[aby]\$/.test(value)) found.push(`${key}: ${value}`);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(reply);
  return found;
}

/** Functions a computer calls through the shared role, before it has a session or its own login. */
const BEFORE_A_SESSION = /^\s*kg\.(register|join_restaurant|enrol_computer|login|reset_password)\(/;

export interface ComputersConnection extends AppConnection {
  /** The shared role's own connection. */
  shared: AppConnection;
}

/**
 * The app's connections as the server sees them since every computer has its own login: calls that
 * come before a session go through the shared role; a restaurant registered or joined through it
 * gets a computer, enrolled by its owner or manager; a call presenting a session goes through that
 * session's restaurant's computer (an unknown token, or none, through the first restaurant's).
 */
export async function connectComputers(server: TestServer): Promise<ComputersConnection> {
  const shared = await connectApp(server);
  const computers = new Map<string, AppConnection>();
  const restaurantOf = new Map<string, string>();
  const first = () => computers.values().next().value as AppConnection | undefined;
  const route = (token: string | null, text: string): AppConnection =>
    BEFORE_A_SESSION.test(text) ? shared : (computers.get(restaurantOf.get(token ?? '') ?? '') ?? first() ?? shared);

  async function heed(text: string, params: unknown[], reply: Reply): Promise<void> {
    const restaurantId = reply?.user?.restaurantId;
    if (typeof reply?.token !== 'string' || typeof restaurantId !== 'string') return;
    restaurantOf.set(reply.token, restaurantId);
    const made = /^\s*kg\.(register|join_restaurant)\(/.exec(text);
    if (!made || computers.has(restaurantId)) return;
    const who = params[1] as { username: string };
    const password = params[made[1] === 'register' ? 2 : 3];
    const enrolled = await shared.call(
      null,
      'kg.enrol_computer($1, $2, $3, $4)',
      who.username,
      password,
      randomUUID(),
      'Test PC',
    );
    computers.set(restaurantId, await connectApp(server, { login: enrolled.login, secret: enrolled.secret }));
  }

  return {
    shared,
    query: (token, text, params) => route(token, text).query(token, text, params),
    async call(token, call, ...params) {
      const reply = await route(token, call).call(token, call, ...params);
      await heed(call, params, reply);
      return reply;
    },
    get client() {
      return (first() ?? shared).client;
    },
    async close() {
      for (const connection of [shared, ...computers.values()]) await connection.close();
    },
  };
}
