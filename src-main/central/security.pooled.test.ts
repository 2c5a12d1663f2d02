/**
 * Behind PgBouncer every computer's transactions run as the one pool role (docs/decisions/0018), so
 * the server knows a computer only by the secret each transaction presents: without it, with a wrong
 * one, another restaurant's or a revoked computer's, a session gets nothing of any restaurant. And
 * what one computer leaves on a shared server connection, or on the pool role, does not change
 * another's transactions. Only through the pooler (the `pooled` vitest project).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../sync/testing/faults';
import { APP_TABLES } from './app-grants';
import { openCentralServer } from './central-server';
import { setupServer } from './setup';
import {
  type AppConnection,
  type ComputerLogin,
  connectApp,
  newRestaurant,
  PASSWORD,
  person,
} from './testing/app-role';
import { TEST_POOL_ROLE } from './testing/pg-cluster';
import { serverConnections } from './testing/pools';
import { poolerOptions } from './testing/server-database';
import { adminConfig, adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
let shared: AppConnection;
const opened: AppConnection[] = [];

interface Place {
  restaurantId: string;
  deviceId: string;
  computer: ComputerLogin;
  app: AppConnection;
  token: string;
}

const TENANT_TABLES = APP_TABLES.filter((table) => !['kg.server_info', 'kg.schema_migrations'].includes(table));

async function connect(computer?: ComputerLogin): Promise<AppConnection> {
  const app = await connectApp(server, computer);
  opened.push(app);
  return app;
}

const enrol = async (username: string, deviceId: string, name: string): Promise<ComputerLogin> => {
  const reply = await shared.call(null, 'kg.enrol_computer($1, $2, $3, $4)', username, PASSWORD, deviceId, name);
  return { login: reply.login, secret: reply.secret };
};

/** A restaurant with its owner signed in on its enrolled computer, and an item. */
async function place(): Promise<Place & { owner: string }> {
  const owner = person('owner');
  const reply = await shared.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), owner, PASSWORD, randomUUID());
  const deviceId = randomUUID();
  const computer = await enrol(owner.username, deviceId, 'Office PC');
  const app = await connect(computer);
  const token = (await app.call(null, 'kg.login($1, $2, $3)', owner.username, PASSWORD, deviceId)).token;
  const rice = { id: randomUUID(), area: 'kitchen', name: 'Rice', unit: 'kg', unitCostCents: 100 };
  await app.call(token, 'kg.push($1, $2)', deviceId, JSON.stringify([{ id: 1, name: 'item.create', args: rice }]));
  return { restaurantId: reply.user.restaurantId, deviceId, computer, app, token, owner: owner.username };
}

interface Seen {
  restaurant: string | null;
  rows: number;
}

/** What one transaction on `app`'s connection sees, presenting `token` and `secret` as the app does. */
async function seen(app: AppConnection, token: string, secret: string): Promise<Seen> {
  await app.client.query('BEGIN');
  try {
    await app.client.query(
      "SELECT set_config('kg.session_token', $1, true), set_config('kg.computer_secret', $2, true)",
      [token, secret],
    );
    const counts = TENANT_TABLES.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ');
    const { rows } = await app.client.query<{ restaurant: string | null; rows: string }>(
      `SELECT kg.session_restaurant() AS restaurant, ${counts} AS rows`,
    );
    return { restaurant: rows[0]!.restaurant, rows: Number(rows[0]!.rows) };
  } finally {
    await app.client.query('ROLLBACK');
  }
}

const NOTHING: Seen = { restaurant: null, rows: 0 };

beforeAll(async () => {
  server = await createTestServer();
  if (!server.cluster.app.pooled) throw new Error('This file runs in the pooled project only (vitest.config.ts)');
  shared = await connectApp(server);
  opened.push(shared);
});
afterAll(async () => {
  for (const app of opened) await app.close().catch(() => undefined);
  await server?.drop();
});

describe('a computer is known by the secret its transaction presents', () => {
  let a: Place & { owner: string };
  let b: Place;
  let revoked: ComputerLogin;
  beforeAll(async () => {
    a = await place();
    b = await place();
    const laptopId = randomUUID();
    revoked = await enrol(a.owner, laptopId, 'Lost laptop');
    await a.app.call(a.token, 'kg.revoke_computer($1)', laptopId);
  });

  it('with its own secret and session it sees its restaurant (what the refusals below are measured against)', async () => {
    const own = await seen(a.app, a.token, a.computer.secret);
    expect(own.restaurant).toBe(a.restaurantId);
    expect(own.rows).toBeGreaterThan(0);
  });

  it("without a secret, a wrong one, another restaurant's computer's or a revoked computer's: nothing", async () => {
    const forged = {
      'no secret': '',
      'a wrong secret': 'not-the-secret-of-any-computer',
      "another restaurant's computer's secret": b.computer.secret,
      "a revoked computer's secret": revoked.secret,
    };
    for (const [what, secret] of Object.entries(forged)) {
      expect([what, await seen(a.app, a.token, secret)]).toEqual([what, NOTHING]);
    }
  });

  it("another restaurant's session is no session, on a computer's login or the shared one", async () => {
    expect(await seen(a.app, b.token, a.computer.secret)).toEqual(NOTHING);
    expect(await seen(shared, a.token, '')).toEqual(NOTHING);
  });

  it('a computer enrolled before the secret was kept is nobody through the pooler until it syncs straight to the server once', async () => {
    const c = await place();
    await adminQuery(server, 'UPDATE kg.computers SET secret_hash = NULL WHERE device_id = $1', [c.deviceId]);
    expect(await seen(c.app, c.token, c.computer.secret)).toEqual(NOTHING);
    const direct = new pg.Client({
      ...adminConfig(server.cluster, server.database),
      user: c.computer.login,
      password: c.computer.secret,
    });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      await direct.query(
        "SELECT set_config('kg.session_token', $1, true), set_config('kg.computer_secret', $2, true)",
        [c.token, c.computer.secret],
      );
      await direct.query('SELECT kg.device_state($1)', [c.deviceId]);
      await direct.query('COMMIT');
    } finally {
      await direct.end();
    }
    expect((await seen(c.app, c.token, c.computer.secret)).restaurant).toBe(c.restaurantId);
  });
});

describe('what a computer leaves behind reaches no other computer', () => {
  let a: Place;
  let b: Place;
  beforeAll(async () => {
    a = await place();
    b = await place();
  });

  it('settings and a role SET on the shared server connections are undone before another computer gets them', async () => {
    // Every server connection the pooler allows this database, each taken and marked by A at once.
    const limit = 4;
    const hostile = await Promise.all(Array.from({ length: limit }, () => connect(a.computer)));
    let inside = 0;
    await Promise.all(
      hostile.map(async (app) => {
        await app.client.query('BEGIN');
        await app.client.query(`SET ROLE ${server.appRole}`);
        await app.client.query('SET default_transaction_read_only = on');
        inside += 1;
        await waitFor('every server connection to be marked', () => inside === limit);
        await app.client.query('COMMIT');
      }),
    );
    const { rows } = await b.app.query<{ who: string; readOnly: string }>(
      b.token,
      'SELECT current_user AS who, current_setting(\'transaction_read_only\') AS "readOnly"',
    );
    expect(rows).toEqual([{ who: TEST_POOL_ROLE, readOnly: 'off' }]);
  });

  it("a default set on the pool role does not make the app's transactions read-only, and set-up clears it", async () => {
    await a.app.query(
      a.token,
      `ALTER ROLE CURRENT_USER IN DATABASE ${server.database} SET default_transaction_read_only = on`,
    );
    try {
      // The pooler's server connections idle out (server_idle_timeout); the next ones start with the default.
      await waitFor('the pool to hold no server connection', async () => (await serverConnections(server)) === 0);
      const plain = await b.app.query<{ ro: string }>(b.token, "SELECT current_setting('transaction_read_only') AS ro");
      expect(plain.rows).toEqual([{ ro: 'on' }]);
      const central = openCentralServer(
        {
          host: server.cluster.app.host,
          port: server.cluster.app.port,
          database: server.database,
          user: b.computer.login,
        },
        { password: b.computer.secret, ca: server.cluster.ca, computer: true },
      );
      try {
        const reply = await central.transaction(b.token, (query) =>
          query("SELECT current_setting('transaction_read_only') AS ro, kg.device_state($1) AS state", [b.deviceId]),
        );
        expect(reply.rows[0]).toMatchObject({ ro: 'off', state: { lastMutationId: 1 } });
      } finally {
        await central.close();
      }
      await setupServer(adminConfig(server.cluster, server.database), {
        appRole: server.appRole,
        ...poolerOptions(server.cluster),
      });
      const left = await adminQuery(
        server,
        `SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
          WHERE s.setrole = $1::regrole AND d.datname = current_database()
            AND array_to_string(s.setconfig, ',') LIKE '%default_transaction_read_only%'`,
        [TEST_POOL_ROLE],
      );
      expect(left.rows).toEqual([]);
    } finally {
      await adminQuery(
        server,
        `ALTER ROLE ${TEST_POOL_ROLE} IN DATABASE ${server.database} RESET default_transaction_read_only`,
      );
    }
  });
});
