/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: its own data folder, a test CA and server
 * certificate made on the fly, TLS on, and pg_hba accepting only `hostssl` with SCRAM, like RDS.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const PG_BIN = process.env.KITCHENGUARD_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const TEST_ADMIN_USER = 'kgadmin';
/** PgBouncer's auth_user in a pooled test cluster (see pgbouncer.ts). */
export const TEST_POOLER_ROLE = 'kg_pooler';
/** The one login PgBouncer uses for every computer of every test database (see pgbouncer.ts). */
export const TEST_POOL_ROLE = 'kg_pool';

export interface TestClusterInfo {
  host: string;
  port: number;
  adminUser: string;
  adminPassword: string;
  /** PEM of the CA that signed the server certificate. */
  ca: string;
  caFile: string;
  /** PEM of an unrelated CA: a client trusting only it must refuse the server. */
  wrongCa: string;
  folder: string;
  /** Where computers connect: the cluster itself, or a pooler in front of it (the administrator connects straight). */
  app: AppEndpoint;
}

export interface AppEndpoint {
  host: string;
  port: number;
  /** Through PgBouncer in transaction mode: no session state survives a transaction. */
  pooled: boolean;
}

export interface TestCluster extends TestClusterInfo {
  stop(): void;
  start(): void;
}

const asRoot = userInfo().uid === 0;

/** Runs a PostgreSQL binary; as root, as the postgres user (initdb refuses root). */
function pg(binary: string, args: string[]): string {
  const command = join(PG_BIN, binary);
  // From /, which the postgres user can enter (it cannot enter root's private temp folders).
  const options = { encoding: 'utf8' as const, cwd: '/' };
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], options)
    : execFileSync(command, args, options);
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function makeCertificates(folder: string): void {
  const ca = (name: string) => {
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
      ],
      folder,
    );
  };
  ca('test-ca');
  ca('wrong-ca');
  writeFileSync(join(folder, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr'],
    folder,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'test-ca.crt',
      '-CAkey',
      'test-ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'san.ext',
      '-out',
      'server.crt',
    ],
    folder,
  );
}

export async function startTestCluster(): Promise<TestCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-pg-'));
  chmodSync(folder, 0o755);
  const data = join(folder, 'data');
  const tls = join(folder, 'tls');
  mkdirSync(tls);
  makeCertificates(tls);
  const adminPassword = `admin-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(folder, 'pwfile'), adminPassword);
  mkdirSync(data, { mode: 0o700 });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    for (const path of [folder, data, tls, join(folder, 'pwfile'), join(tls, 'server.key'), join(tls, 'server.crt')]) {
      chownSync(path, uid, gid);
    }
  }
  chmodSync(join(tls, 'server.key'), 0o600);
  pg('initdb', [
    '-D',
    data,
    '-U',
    TEST_ADMIN_USER,
    '--auth=scram-sha-256',
    `--pwfile=${join(folder, 'pwfile')}`,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${folder}'`,
      'ssl = on',
      `ssl_cert_file = '${join(tls, 'server.crt')}'`,
      `ssl_key_file = '${join(tls, 'server.key')}'`,
      "ssl_min_protocol_version = 'TLSv1.2'",
      'max_connections = 100',
      '',
    ].join('\n'),
  );
  // TLS or nothing, as on RDS with rds.force_ssl: no `host` or `local` lines at all.
  writeFileSync(join(data, 'pg_hba.conf'), 'hostssl all all 127.0.0.1/32 scram-sha-256\n');
  const log = join(folder, 'postgres.log');
  const start = () => {
    pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
  };
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  start();
  return {
    host: '127.0.0.1',
    port,
    adminUser: TEST_ADMIN_USER,
    adminPassword,
    ca: readFileSync(join(tls, 'test-ca.crt'), 'utf8'),
    caFile: join(tls, 'test-ca.crt'),
    wrongCa: readFileSync(join(tls, 'wrong-ca.crt'), 'utf8'),
    folder,
    app: { host: '127.0.0.1', port, pooled: false },
    start,
    stop,
  };
}

export function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

export function removeTestCluster(cluster: TestCluster): void {
  cluster.stop();
  rmSync(cluster.folder, { recursive: true, force: true });
}
