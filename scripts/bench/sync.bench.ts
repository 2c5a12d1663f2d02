/**
 * Issue 3's central-server targets, over TLS to a throwaway local PostgreSQL: pushing 10,000 queued
 * movements in batches (and against one row per round trip), pulling 10,000 changes, and a pooled
 * query against a connect-per-request query (the old Flask services' pattern).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type CentralServer, openCentralServer, poolConfig } from '../../src-main/central/central-server';
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { createServerDatabase, type TestServer } from '../../src-main/central/testing/server-database';
import { type Core, openCore } from '../../src-main/core/app-core';
import { memoryStore, type SecretStore } from '../../src-main/secrets/keychain';
import { systemClock } from '../../src-main/store/clock';
import { deviceId } from '../../src-main/store/meta';
import { appendMutation, readOutbox } from '../../src-main/store/outbox';
import { sql } from '../../src-main/store/statements';
import { pull } from '../../src-main/sync/pull';
import { push } from '../../src-main/sync/push';
import { boundRestaurant } from '../../src-main/sync/sync-state';
import { call, createFlour, quiet } from './bench-core';
import { type Samples, sample } from './measure';
import type { BenchRow } from './table';

const MOVEMENTS = 10_000;
const PASSWORD = 'correct horse battery staple';
/** The engine must not sync by itself while a benchmark queues or measures. */
const still = { afterWriteMs: 1e9, periodicMs: 1e9, checkMs: 1e9, firstRetryMs: 1e9, maxRetryMs: 1e9 };

interface Device {
  core: Core;
  secrets: SecretStore;
  folder: string;
  token(): Promise<string>;
}

async function openDevice(server: TestServer): Promise<Device> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-sync-'));
  const secrets = memoryStore('benchmark: no keychain');
  const core = await openCore({
    dataFolder: folder,
    appVersion: 'bench',
    log: quiet,
    secrets,
    sync: { timing: still },
    checkOutputs: false, // as a packaged app runs
  });
  await call(core, 'central.connect', server.connection);
  return {
    core,
    secrets,
    folder,
    token: async () => (await secrets.get(`session:${deviceId(core.db)}`)) ?? '',
  };
}

/** Queues `count` stock movements straight into the outbox (no stock rows): the same mutations the app writes. */
function queueMovements(device: Device, itemId: string, count: number): void {
  const { db } = device.core;
  const template = readOutbox(db, 1)[0];
  if (template?.name !== 'movement.record' || !template.authorId) {
    throw new Error('queue one movement through the app first');
  }
  const { args, createdAt: at, authorId } = template;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const movement = { ...args, id: crypto.randomUUID(), itemId, quantityMilli: 1000 + i };
      appendMutation(db, { name: 'movement.record', args: movement, at, authorId });
    }
  })();
}

async function primeOutbox(device: Device, itemId: string, count: number): Promise<void> {
  sql(device.core.db, 'DELETE FROM outbox').run();
  await call(device.core, 'inventory.adjustStock', { itemId, reason: 'delivery', quantity: '1' });
  queueMovements(device, itemId, count - 1);
}

/** The server as `device`'s own login reaches it, connected before anything is timed. */
async function centralOf(server: TestServer, device: Device): Promise<CentralServer> {
  const own = JSON.parse((await device.secrets.get(`central-computer:${deviceId(device.core.db)}`)) ?? '{}');
  const { host, port } = server.connection;
  const central = openCentralServer(
    { host, port, database: server.database, user: own.login },
    { password: own.secret, ca: server.cluster.ca },
  );
  await central.transaction(null, (query) => query('SELECT 1'));
  return central;
}

/** The old pattern: each mutation its own transaction and round trips. */
async function pushOneByOne(device: Device, central: CentralServer): Promise<void> {
  const token = await device.token();
  const id = deviceId(device.core.db);
  for (const mutation of readOutbox(device.core.db, MOVEMENTS)) {
    await central.transaction(token, (query) =>
      query('SELECT kg.push($1, $2::jsonb)', [id, JSON.stringify([{ id: mutation.mutationId, ...mutation }])]),
    );
    sql(device.core.db, 'DELETE FROM outbox WHERE mutation_id = ?').run(mutation.mutationId);
  }
}

/** A device signed in as the owner of a new restaurant with one item, synced. */
async function restaurantWithItem(server: TestServer, username: string) {
  const device = await openDevice(server);
  await call(device.core, 'auth.register', {
    restaurantName: `Bistro ${username}`,
    restaurantType: 'restaurant',
    fullName: 'Bea Bench',
    position: 'Owner',
    username,
    email: `${username}@bistro.test`,
    password: PASSWORD,
  });
  const itemId = await createFlour(device.core);
  await device.core.syncNow();
  return { device, itemId };
}

async function pushAll(device: Device, central: CentralServer): Promise<void> {
  const token = await device.token();
  const db = device.core.db;
  await push({ db, clock: systemClock, server: central, deviceId: deviceId(db), tokenFor: async () => token });
  if (readOutbox(device.core.db, 1).length > 0) throw new Error('push left mutations behind');
}

async function pushBenchmarks(server: TestServer, progress: (m: string) => void) {
  const { device, itemId } = await restaurantWithItem(server, 'pusher');
  const central = await centralOf(server, device);
  progress(`pushing ${MOVEMENTS.toLocaleString('en')} queued movements in batches…`);
  const batched = await timedRuns(5, async () => {
    await primeOutbox(device, itemId, MOVEMENTS);
    return timed(() => pushAll(device, central));
  });
  progress('pushing them one row per round trip (the baseline; slow)…');
  await primeOutbox(device, itemId, MOVEMENTS);
  const oneByOne = await timed(() => pushOneByOne(device, central));
  await central.close();
  return { device, batched, oneByOne };
}

/** A restaurant holding exactly MOVEMENTS movements, pulled onto fresh devices. */
async function pullBenchmarks(server: TestServer, devices: Device[]) {
  const { device, itemId } = await restaurantWithItem(server, 'puller');
  devices.push(device);
  await primeOutbox(device, itemId, MOVEMENTS);
  const pusher = await centralOf(server, device);
  await pushAll(device, pusher);
  await pusher.close();
  return timedRuns(5, async () => {
    const reader = await openDevice(server);
    devices.push(reader);
    await call(reader.core, 'auth.login', { login: 'puller', password: PASSWORD });
    const token = await reader.token();
    const restaurantId = boundRestaurant(reader.core.db) ?? '';
    const central = await centralOf(server, reader);
    const ms = await timed(async () => {
      const outcome = await pull({ db: reader.core.db, clock: systemClock, server: central, token, restaurantId });
      if (outcome.kind !== 'pulled' || outcome.rows < MOVEMENTS) throw new Error(`pulled ${JSON.stringify(outcome)}`);
    });
    await central.close();
    return ms;
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs that set themselves up untimed and time only their measured part. */
const timedRuns = (count: number, run: () => Promise<number>): Promise<Samples> =>
  sample(run, { warmup: 0, iterations: count, budgetMs: Number.POSITIVE_INFINITY, timedByRun: true });

export async function syncBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('starting a throwaway PostgreSQL with TLS…');
  const cluster = await startTestCluster();
  const devices: Device[] = [];
  try {
    const server = await createServerDatabase(cluster);
    const { device, batched, oneByOne } = await pushBenchmarks(server, progress);
    devices.push(device);

    progress(`pulling ${MOVEMENTS.toLocaleString('en')} changes onto fresh devices…`);
    const pulled = await pullBenchmarks(server, devices);

    progress('pooled query vs connect-per-request…');
    const { pooled, perRequest } = await queryBenchmarks(server);
    const pushRatio = oneByOne / batched.median;
    const queryRatio = perRequest.median / pooled.median;
    return [
      {
        metric: `push ${MOVEMENTS.toLocaleString('en')} queued movements (batches of 1,000)`,
        n: batched.ms.length,
        median: batched.median,
        target: { stat: 'median', maxMs: 1000 },
      },
      {
        metric: `  … vs one row per round trip (${(oneByOne / 1000).toFixed(1)} s): ${pushRatio.toFixed(0)}× faster`,
        n: 1,
        median: batched.median,
        target: { stat: 'median', maxMs: oneByOne / 20 },
        note: 'target ≥ 20× faster',
      },
      {
        metric: `pull ${MOVEMENTS.toLocaleString('en')} changes (initial sync of a device)`,
        n: pulled.ms.length,
        median: pulled.median,
        target: { stat: 'median', maxMs: 1000 },
      },
      {
        metric: 'query, connect per request (TLS + SCRAM + SELECT 1)',
        n: perRequest.ms.length,
        median: perRequest.median,
      },
      {
        metric: `query on a pooled connection (SELECT 1): ${queryRatio.toFixed(0)}× faster`,
        n: pooled.ms.length,
        median: pooled.median,
        target: { stat: 'median', maxMs: perRequest.median / 10 },
        note: 'target ≥ 10× faster',
      },
    ];
  } finally {
    for (const device of devices) {
      await device.core.close();
      rmSync(device.folder, { recursive: true, force: true });
    }
    removeTestCluster(cluster);
  }
}

async function queryBenchmarks(server: TestServer) {
  const config = poolConfig(
    { host: server.connection.host, port: server.connection.port, database: server.database, user: server.appRole },
    { password: server.appPassword, ca: server.cluster.ca },
  );
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  const pooled = await sample(() => pool.query('SELECT 1'), { warmup: 20, iterations: 500, budgetMs: 10_000 });
  await pool.end();
  const perRequest = await sample(
    async () => {
      const client = new pg.Client(config);
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
    },
    { warmup: 3, iterations: 60, budgetMs: 15_000 },
  );
  return { pooled, perRequest };
}
