/**
 * A throwaway central server for the e2e run: a TLS PostgreSQL cluster with a test CA and one
 * KitchenGuard server database in it (the recipe of src-main/central/testing, ~3 s), and the old
 * KitchenGuard's two databases beside it (src-main/legacy/testing). Playwright's
 * global set-up starts it and the global teardown removes it; specs read where it is with
 * `centralServer()` and reach it through a `startRelay()` they can take offline.
 *
 * Set-up never fails the whole run: without PostgreSQL on the machine, the specs that need the
 * server fail with the reason, and the others run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTestCluster, startTestCluster, type TestCluster } from '../../src-main/central/testing/pg-cluster';
import { createServerDatabase } from '../../src-main/central/testing/server-database';
import { startTcpProxy, type TcpProxy } from '../../src-main/central/testing/tcp-proxy';
import { oldFixture } from '../../src-main/legacy/testing/old-fixture';
import { createOldKitchenGuard } from '../../src-main/legacy/testing/old-kitchenguard';

/** What a person types into Settings → Central server, plus a CA that did not sign the server. */
export interface CentralServerInfo {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  caFile: string;
  wrongCaFile: string;
  /** The old KitchenGuard's databases in the same cluster (src-main/legacy/testing/old-fixture.ts). */
  old: OldKitchenGuardInfo;
}

/** What a person types into "Bring over from the old KitchenGuard" about the old server. */
export interface OldKitchenGuardInfo {
  host: string;
  port: number;
  authDatabase: string;
  inventoryDatabase: string;
  user: string;
  password: string;
  caFile: string;
}

const INFO_FILE = 'KITCHENGUARD_E2E_CENTRAL';

let cluster: TestCluster | null = null;
let folder: string | null = null;

export async function startCentralServer(): Promise<void> {
  folder = mkdtempSync(join(tmpdir(), 'kg-e2e-central-'));
  const file = join(folder, 'central.json');
  process.env[INFO_FILE] = file;
  try {
    cluster = await startTestCluster();
    const { connection } = await createServerDatabase(cluster);
    const old = await createOldKitchenGuard(cluster);
    await old.seed(oldFixture());
    const { ca: _, ...oldServer } = old.server;
    const info: CentralServerInfo = {
      ...connection,
      password: connection.password ?? '',
      wrongCaFile: join(cluster.folder, 'tls', 'wrong-ca.crt'),
      old: { ...oldServer, caFile: cluster.caFile },
    };
    writeFileSync(file, JSON.stringify(info));
  } catch (error) {
    writeFileSync(file, JSON.stringify({ error: `The test PostgreSQL did not start: ${(error as Error).message}` }));
  }
}

export function stopCentralServer(): void {
  if (cluster) removeTestCluster(cluster);
  if (folder) rmSync(folder, { recursive: true, force: true });
  cluster = null;
  folder = null;
}

/** The server the global set-up started (read in the test worker, from the file it named). */
export function centralServer(): CentralServerInfo {
  const file = process.env[INFO_FILE];
  if (!file) throw new Error('No central server: playwright.config.ts must name e2e/support/central-setup.ts.');
  const info = JSON.parse(readFileSync(file, 'utf8')) as CentralServerInfo | { error: string };
  if ('error' in info) throw new Error(info.error);
  return info;
}

/**
 * A TCP relay on 127.0.0.1 in front of the server (its certificate names 127.0.0.1, so TLS still
 * verifies end to end). `setOnline(false)` drops every connection and refuses new ones: a computer
 * that reaches the server through it goes offline.
 */
export type Relay = TcpProxy;

export const startRelay = (server: CentralServerInfo): Promise<Relay> =>
  startTcpProxy({ host: server.host, port: server.port });
