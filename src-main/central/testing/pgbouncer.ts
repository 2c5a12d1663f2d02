/**
 * PgBouncer in transaction mode in front of a test cluster, as a restaurant chain runs it: TLS on
 * both sides (clients verify PgBouncer's certificate with the test CA; PgBouncer verifies
 * PostgreSQL's), SCRAM, and one pool per database: every computer logs in to PgBouncer as its own
 * login, and PgBouncer to the server as the pool role (docs/decisions/0018). Computers' logins are
 * made at enrolment, so no file can list them: PgBouncer looks each one up with `auth_query`, through
 * the SECURITY DEFINER function server set-up installs (../pooler-lookup.ts). The pool role is one
 * for the whole test cluster (each test database's set-up makes it a member of its app roles).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { POOLER_AUTH_QUERY } from '../pooler-lookup';
import { freePort, postgresIds, TEST_POOL_ROLE, TEST_POOLER_ROLE, type TestCluster } from './pg-cluster';
import { adminConfig } from './server-database';

export const PGBOUNCER_BIN = process.env.KITCHENGUARD_PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

export interface PoolerLimits {
  /** Server connections per database, whatever the number of logins (max_db_connections). */
  maxDbConnections: number;
  /** Seconds an unused server connection stays open (server_idle_timeout). */
  serverIdleSeconds: number;
}

export interface PgBouncer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

const asRoot = userInfo().uid === 0;

function settings(cluster: TestCluster, folder: string, port: number, limits: PoolerLimits): string {
  const tls = join(cluster.folder, 'tls');
  return `[databases]
; Every computer's transactions on the pool role's server connections (PgBouncer issue #1072: the
; forced user's password must be in auth_file even with auth_query).
* = host=${cluster.host} port=${cluster.port} user=${TEST_POOL_ROLE}

[pgbouncer]
listen_addr = ${cluster.host}
listen_port = ${port}
unix_socket_dir =
logfile = ${join(folder, 'pgbouncer.log')}
pool_mode = transaction
auth_type = scram-sha-256
auth_file = ${join(folder, 'userlist.txt')}
auth_user = ${TEST_POOLER_ROLE}
auth_query = ${POOLER_AUTH_QUERY}
max_client_conn = 2000
default_pool_size = ${limits.maxDbConnections}
max_db_connections = ${limits.maxDbConnections}
; What a computer may have SET on a shared server connection is undone before the next one gets it.
server_reset_query = RESET ROLE; RESET ALL
server_reset_query_always = 1
server_idle_timeout = ${limits.serverIdleSeconds}
server_lifetime = 3600
; Test databases come and go: a failed server login is retried at once.
server_login_retry = 1
; A client waits this long for a server connection; a revoked computer's login then ends with an error
; (below the app's 30 s query timeout, so the computer hears why).
query_wait_timeout = 15
ignore_startup_parameters = extra_float_digits,options
client_tls_sslmode = require
client_tls_key_file = ${join(tls, 'server.key')}
client_tls_cert_file = ${join(tls, 'server.crt')}
server_tls_sslmode = verify-full
server_tls_ca_file = ${join(tls, 'test-ca.crt')}
`;
}

/**
 * PgBouncer's auth_user, whose lookup function set-up installs in each test database
 * (setupServer's poolerLookupRole), and the pool role, which set-up joins to each database's app roles.
 */
async function createPoolerRoles(cluster: TestCluster, passwords: Record<string, string>): Promise<void> {
  const client = new pg.Client(adminConfig(cluster));
  await client.connect();
  try {
    for (const [role, password] of Object.entries(passwords)) {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    }
  } finally {
    await client.end();
  }
}

async function listening(host: string, port: number, child: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited (${child.exitCode}); see ${log}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`PgBouncer did not listen on ${host}:${port}; see ${log}`);
}

/** Starts PgBouncer in front of `cluster` (a child of this process, so it ends with the run). */
export async function startPgBouncer(cluster: TestCluster, limits: PoolerLimits): Promise<PgBouncer> {
  const folder = join(cluster.folder, 'pgbouncer');
  mkdirSync(folder, { recursive: true });
  const passwords = {
    [TEST_POOLER_ROLE]: `pooler-${Math.random().toString(36).slice(2)}`,
    [TEST_POOL_ROLE]: `pool-${Math.random().toString(36).slice(2)}`,
  };
  await createPoolerRoles(cluster, passwords);
  const port = await freePort();
  const ini = join(folder, 'pgbouncer.ini');
  writeFileSync(ini, settings(cluster, folder, port, limits));
  const userlist = Object.entries(passwords).map(([role, password]) => `"${role}" "${password}"\n`);
  writeFileSync(join(folder, 'userlist.txt'), userlist.join(''), { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    for (const path of [folder, ini, join(folder, 'userlist.txt')]) chownSync(path, uid, gid);
  }
  // PgBouncer refuses to run as root: it becomes the postgres user, which owns the TLS key already.
  const child = spawn(PGBOUNCER_BIN, asRoot ? ['-u', 'postgres', ini] : [ini], { stdio: 'ignore', cwd: '/' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await listening(cluster.host, port, child, join(folder, 'pgbouncer.log'));
  return {
    host: cluster.host,
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
