/**
 * Connecting to the central server: only verified TLS gets through, every other way a connection
 * fails is named with its own message, "Test connection" reports what it found, and a pooled
 * connection dropped under the app never crashes it.
 */
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CentralServer,
  openCentralServer,
  poolConfig,
  type ServerCredentials,
  type ServerSettings,
} from './central-server';
import { LATEST_SERVER_SCHEMA } from './migrations';
import { describeConnectionError, ServerConnectionError, type ServerProblem } from './server-errors';
import { adminIn, emptyDatabase, failureOf, migrateTo } from './testing/app-role';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await server?.drop();
});

const settings = (overrides: Partial<ServerSettings> = {}): ServerSettings => ({
  host: server.cluster.host,
  port: server.cluster.port,
  database: server.database,
  user: server.appRole,
  ...overrides,
});
const credentials = (overrides: Partial<ServerCredentials> = {}): ServerCredentials => ({
  password: server.appPassword,
  ca: server.cluster.ca,
  ...overrides,
});

/** Opens a pool as a device would, runs "Test connection", and closes it. */
async function testConnection(where: Partial<ServerSettings> = {}, secrets: Partial<ServerCredentials> = {}) {
  const central = openCentralServer(settings(where), credentials(secrets));
  try {
    return await central.test();
  } finally {
    await central.close();
  }
}

/** The error of one plain pg connection made with the app's own pool settings (plus overrides). */
async function rawFailure(where: Partial<ServerSettings>, secrets: Partial<ServerCredentials>, config = {}) {
  const client = new pg.Client({ ...poolConfig(settings(where), credentials(secrets)), ...config });
  try {
    return await failureOf(client.connect());
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A local TCP server that does something other than PostgreSQL with whoever connects. */
async function fakeServer(onConnection: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const fake: Server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => fake.close(resolve));
  });
  return (fake.address() as { port: number }).port;
}

async function proxyOn(listenHost: string): Promise<TcpProxy> {
  const proxy = await startTcpProxy({ host: server.cluster.host, port: server.cluster.port }, listenHost);
  cleanups.push(() => proxy.close());
  return proxy;
}

const problemOf = (error: unknown) => {
  expect(error).toBeInstanceOf(ServerConnectionError);
  return [(error as ServerConnectionError).problem, (error as ServerConnectionError).transient];
};

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Every message shown for a refusal, by problem: each must read differently. */
const messages = new Map<string, string>();

function expectProblem(error: unknown, what: string, problem: ServerProblem, transient: boolean, says: RegExp) {
  expect([what, ...problemOf(error)]).toEqual([what, problem, transient]);
  const { message } = error as ServerConnectionError;
  expect(message).toMatch(says);
  messages.set(what, message);
}

describe('only verified TLS gets through', () => {
  it('the server refuses a plaintext connection (28000), and the app says it needs TLS', async () => {
    const error = await rawFailure({}, {}, { ssl: false });
    expect([error.code, error.message]).toEqual([
      '28000',
      `no pg_hba.conf entry for host "127.0.0.1", user "${server.appRole}", database "${server.database}", no encryption`,
    ]);
    expectProblem(
      describeConnectionError(error, settings()),
      'plaintext refused by the server',
      'credentials',
      false,
      /no matching access rule; KitchenGuard always uses TLS\). Ask your database administrator to allow this user over SSL/,
    );
  });

  it('a server that offers no TLS is refused before anything is sent in the clear', async () => {
    const received: Buffer[] = [];
    const port = await fakeServer((socket) => {
      socket.on('data', (chunk) => {
        received.push(chunk);
        socket.write('N');
      });
    });
    expectProblem(
      await failureOf(testConnection({ port })),
      'no TLS offered',
      'tls_unsupported',
      false,
      /does not offer encrypted \(TLS\) connections/,
    );
    // Only the 8-byte SSLRequest ever went out: no startup packet, no user name, no password.
    expect(Buffer.concat(received).toString('hex')).toBe('0000000804d2162f');
  });

  it('a certificate that does not chain to the chosen CA is refused', async () => {
    const secrets = { ca: server.cluster.wrongCa };
    expect((await rawFailure({}, secrets)).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expectProblem(
      await failureOf(testConnection({}, secrets)),
      'wrong CA',
      'certificate_untrusted',
      false,
      /could not be verified with the CA bundle you chose \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/,
    );
  });

  it('a CA file that holds no certificate is refused before connecting', async () => {
    expectProblem(
      await failureOf(testConnection({}, { ca: 'not a certificate' })),
      'not a CA file',
      'certificate_untrusted',
      false,
      /^Choose the CA bundle file \(\.pem\) that signed the server certificate\.$/,
    );
  });

  it('a host the certificate does not name is refused, though the relay is the same', async () => {
    const elsewhere = await proxyOn('127.0.0.2');
    const where = { host: elsewhere.host, port: elsewhere.port };
    expect((await rawFailure(where, {})).code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expectProblem(
      await failureOf(testConnection(where)),
      'host-name mismatch',
      'hostname_mismatch',
      false,
      /certificate is not for "127\.0\.0\.2"/,
    );
    // The same relay on a name the certificate does carry: it is the name, not the relay.
    const named = await proxyOn('127.0.0.1');
    expect((await testConnection({ host: named.host, port: named.port })).schemaVersion).toBe(LATEST_SERVER_SCHEMA);
    expect((await testConnection({ host: 'localhost' })).schemaVersion).toBe(LATEST_SERVER_SCHEMA);
  });
});

describe('every other failure has its own problem and message', () => {
  let nobodyThere: number;
  let noSchema: string;
  let oldSchema: string;

  beforeAll(async () => {
    nobodyThere = await closedPort();
    const bare = await emptyDatabase(server.cluster);
    const v1 = await emptyDatabase(server.cluster);
    cleanups.push(bare.drop, v1.drop);
    noSchema = bare.database;
    oldSchema = v1.database;
    // What a v1 release's set-up left: its schema, and the role allowed to read the version.
    await migrateTo(server.cluster, oldSchema, 1);
    await adminIn(
      server.cluster,
      oldSchema,
      `GRANT USAGE ON SCHEMA kg TO ${server.appRole}; GRANT SELECT ON kg.schema_migrations TO ${server.appRole}`,
    );
  });

  const cases: {
    what: string;
    where: () => Partial<ServerSettings>;
    secrets?: Partial<ServerCredentials>;
    code: string | null;
    problem: ServerProblem;
    transient: boolean;
    says: () => RegExp;
  }[] = [
    {
      what: 'DNS failure',
      where: () => ({ host: 'kitchenguard-server.invalid' }),
      code: 'ENOTFOUND',
      problem: 'dns',
      transient: true,
      says: () => /No server called "kitchenguard-server\.invalid" could be found/,
    },
    {
      what: 'refused',
      where: () => ({ port: nobodyThere }),
      code: 'ECONNREFUSED',
      problem: 'refused',
      transient: true,
      says: () => new RegExp(`Nothing answered at 127\\.0\\.0\\.1:${nobodyThere} \\(ECONNREFUSED\\)`),
    },
    {
      what: 'bad password',
      where: () => ({}),
      secrets: { password: 'not the password' },
      code: '28P01',
      problem: 'credentials',
      transient: false,
      says: () => new RegExp(`refused the user name "${server.appRole}" or its password`),
    },
    {
      what: 'missing database',
      where: () => ({ database: 'kg_no_such_database' }),
      code: '3D000',
      problem: 'no_database',
      transient: false,
      says: () => /There is no database called "kg_no_such_database"/,
    },
    {
      what: 'missing schema',
      where: () => ({ database: noSchema }),
      code: null,
      problem: 'schema_missing',
      transient: false,
      says: () => new RegExp(`The database "${noSchema}" has no KitchenGuard schema this user can use`),
    },
    {
      what: 'too-old schema',
      where: () => ({ database: oldSchema }),
      code: null,
      problem: 'schema_old',
      transient: false,
      says: () =>
        new RegExp(
          `KitchenGuard schema is version 1; this app needs version ${LATEST_SERVER_SCHEMA}\\. Run the server set-up`,
        ),
    },
  ];

  it.each(cases)('$what → $problem', async ({ what, where, secrets = {}, code, problem, transient, says }) => {
    if (code) expect((await rawFailure(where(), secrets)).code).toBe(code);
    expectProblem(await failureOf(testConnection(where(), secrets)), what, problem, transient, says());
  });

  it('a server that never answers → timeout', async () => {
    const port = await fakeServer(() => undefined);
    const error = await rawFailure({ port }, {}, { connectionTimeoutMillis: 300 });
    expectProblem(
      describeConnectionError(error, settings({ port })),
      'timeout',
      'timeout',
      true,
      /did not answer in time/,
    );
  });

  it('no two refusals read the same', () => {
    expect(messages.size).toBe(12);
    expect(new Set(messages.values()).size).toBe(messages.size);
  });
});

/**
 * How long to wait for an event: a bound that stops a hung test, not a speed claim (vi.waitFor's
 * own default, 1 s, is too short on a busy machine).
 */
const EVENTUALLY = { timeout: 30_000 };

describe('a working connection', () => {
  let central: CentralServer;
  const lost: ServerConnectionError[] = [];
  beforeAll(() => {
    central = openCentralServer(settings(), credentials());
    central.onConnectionLost((error) => lost.push(error));
    cleanups.push(() => central.close());
  });

  const backendPid = () =>
    central.transaction(
      null,
      async (query) => (await query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
    );

  it('"Test connection" reports TLS version, server version, round trip and schema version', async () => {
    const report = await central.test();
    expect(report.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(report.serverVersion).toMatch(/^15\.\d+\b/);
    // A measured figure, not a speed limit: how fast is for `npm run bench`.
    expect(report.roundTripMs).toBeGreaterThan(0);
    expect(report.schemaVersion).toBe(LATEST_SERVER_SCHEMA);
  });

  it('an idle pooled connection killed on the server is reported, not thrown, and the next transaction works', async () => {
    const pid = await backendPid();
    const { rows } = await adminQuery(server, 'SELECT pg_terminate_backend($1) AS killed', [pid]);
    expect(rows).toEqual([{ killed: true }]);
    await vi.waitFor(() => expect(lost.map(problemOf)).toEqual([['connection_lost', true]]), EVENTUALLY);
    const next = await backendPid();
    expect(next).not.toBe(pid);
  });

  it('the network dropping under an idle connection is reported the same way, and it recovers', async () => {
    const relay = await proxyOn('127.0.0.1');
    const viaRelay = openCentralServer(settings({ host: 'localhost', port: relay.port }), credentials());
    cleanups.push(() => viaRelay.close());
    const dropped: ServerConnectionError[] = [];
    viaRelay.onConnectionLost((error) => dropped.push(error));
    const count = () => viaRelay.transaction(null, async (query) => (await query('SELECT 1 AS one')).rows);
    expect(await count()).toEqual([{ one: 1 }]);

    relay.setOnline(false);
    await vi.waitFor(() => expect(dropped.map(problemOf)).toEqual([['connection_lost', true]]), EVENTUALLY);
    expect(problemOf(await failureOf(count()))).toEqual(['connection_lost', true]);
    relay.setOnline(true);
    expect(await count()).toEqual([{ one: 1 }]);
  });
});
