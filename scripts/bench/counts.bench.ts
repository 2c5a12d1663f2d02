/**
 * Issue 9's count targets: approving a 2,000-line count (≤ 500 ms), and syncing one from the
 * computer it was counted on to another (push there, pull here; ≤ 1 s), over TLS to a throwaway
 * local PostgreSQL. A line committed locally is measured beside the bare-commit floor in the
 * inventory suite. Lines are entered through the app's own channel, in one transaction per count
 * (setting up 2,000 separate commits per run would only time the disk).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { createServerDatabase, type TestServer } from '../../src-main/central/testing/server-database';
import type { Core } from '../../src-main/core/app-core';
import { benchCore, benchKeychain, call, registerBench } from './bench-core';
import { type Samples, sample } from './measure';
import type { BenchRow } from './table';

const LINES = 2_000;
const PASSWORD = 'correct horse battery staple';
/** The engine must not sync by itself while a benchmark sets up or measures. */
const still = { afterWriteMs: 1e9, periodicMs: 1e9, checkMs: 1e9, firstRetryMs: 1e9, maxRetryMs: 1e9 };

interface Opened {
  core: Core;
  folder: string;
}

async function openBenchCore(opened: Opened[], server?: TestServer): Promise<Core> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-counts-'));
  const { core } = await benchCore(folder, { secrets: benchKeychain(), sync: { timing: still } });
  opened.push({ core, folder });
  if (server) await call(core, 'central.connect', server.connection);
  return core;
}

/** LINES items in the kitchen, created through the app in one transaction. */
async function kitchenItems(core: Core): Promise<string[]> {
  return inOneTransaction(core, async () => {
    const ids: string[] = [];
    for (let n = 0; n < LINES; n += 1) {
      const input = {
        area: 'kitchen',
        name: `Item ${n}`,
        category: '',
        supplier: '',
        unit: 'kg',
        unitCost: '1.10',
        par: null,
      };
      ids.push(((await call(core, 'inventory.create', { ...input, openingStock: '10' })) as { id: string }).id);
    }
    return ids;
  });
}

async function inOneTransaction<T>(core: Core, run: () => Promise<T>): Promise<T> {
  core.db.exec('BEGIN');
  try {
    const result = await run();
    core.db.exec('COMMIT');
    return result;
  } catch (error) {
    core.db.exec('ROLLBACK');
    throw error;
  }
}

/** A full count of the kitchen with one line per item, entered through counts.enter; its id. */
async function countedKitchen(core: Core, items: readonly string[]): Promise<string> {
  const count = (await call(core, 'counts.start', { areas: ['kitchen'], scope: 'full' })) as { id: string };
  await inOneTransaction(core, async () => {
    for (const [n, itemId] of items.entries()) {
      await call(core, 'counts.enter', { countId: count.id, itemId, storageAreaId: null, quantity: String(n % 17) });
    }
  });
  return count.id;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const timedRuns = (count: number, run: () => Promise<number>): Promise<Samples> =>
  sample(run, { warmup: 1, iterations: count, budgetMs: Number.POSITIVE_INFINITY, timedByRun: true });

async function approving(opened: Opened[], progress: (message: string) => void): Promise<Samples> {
  progress(`approving ${LINES.toLocaleString('en')}-line counts…`);
  const core = await openBenchCore(opened);
  await registerBench(core);
  const items = await kitchenItems(core);
  return timedRuns(7, async () => {
    const countId = await countedKitchen(core, items);
    return timed(() => call(core, 'counts.approve', { countId }));
  });
}

async function syncing(opened: Opened[], server: TestServer, progress: (message: string) => void): Promise<Samples> {
  const counter = await openBenchCore(opened, server);
  await registerBench(counter);
  const items = await kitchenItems(counter);
  await counter.syncNow();
  const office = await openBenchCore(opened, server);
  await call(office, 'auth.login', { login: 'bench', password: PASSWORD });
  await office.syncNow();
  progress(`syncing ${LINES.toLocaleString('en')}-line counts from one computer to another…`);
  return await timedRuns(5, async () => {
    const countId = await countedKitchen(counter, items);
    const ms = await timed(async () => {
      await counter.syncNow();
      await office.syncNow();
    });
    const sheet = (await call(office, 'counts.get', { countId })) as { count: { progress: { counted: number } } };
    if (sheet.count.progress.counted !== LINES)
      throw new Error(`The office holds ${sheet.count.progress.counted} lines`);
    return ms;
  });
}

const row = (metric: string, samples: Samples, maxMs: number): BenchRow => ({
  metric,
  n: samples.ms.length,
  median: samples.median,
  p95: samples.p95,
  p99: samples.p99,
  target: { stat: 'median', maxMs },
});

export async function countsBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  const opened: Opened[] = [];
  progress('starting a throwaway PostgreSQL with TLS…');
  const cluster = await startTestCluster();
  try {
    const approved = await approving(opened, progress);
    const synced = await syncing(opened, await createServerDatabase(cluster), progress);
    return [
      row(`counts.approve, a ${LINES.toLocaleString('en')}-line count (one count movement per item)`, approved, 500),
      row(`sync a ${LINES.toLocaleString('en')}-line count: push from its computer, pull on another`, synced, 1000),
    ];
  } finally {
    for (const { core, folder } of opened) {
      await core.close();
      rmSync(folder, { recursive: true, force: true });
    }
    removeTestCluster(cluster);
  }
}
