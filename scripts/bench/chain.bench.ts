/**
 * Issue 11's restaurant chain: 200 computers of 50 restaurants (4 each, every one with its own
 * login to PgBouncer, all sharing its one pool of server connections) running the real core and sync engine with the shipped timing, through PgBouncer in
 * transaction mode that may open at most 20 server connections. Each computer records stock
 * movements at the chain's busiest rate; after a warm-up, a fixed window is measured: the changes
 * that reached every other computer of their restaurant per second, the time from a change on one
 * computer to its arrival on each other one, and the server connections in use (pg_stat_activity),
 * each beside its target. Bounded: set-up, WARMUP_MS + MEASURE_MS of writing, at most SETTLE_MS more.
 * The computers run in child processes of a few restaurants each (chain-child.ts).
 * KG_BENCH_CHAIN_RESTAURANTS=5 runs a smaller chain (same rhythm per computer) to look at a bottleneck.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { startPgBouncer } from '../../src-main/central/testing/pgbouncer';
import { createServerDatabase } from '../../src-main/central/testing/server-database';
import type { ChainChange, ChainJob, ChainReport, ChainWindow } from './chain-child';
import { repeat, sleep } from './every';
import { summarise } from './measure';
import { findProcess, treeCpuSeconds } from './process-cpu';
import type { BenchRow } from './table';

const RESTAURANTS = Number(process.env.KG_BENCH_CHAIN_RESTAURANTS ?? 50);
const COMPUTERS_PER_RESTAURANT = 4;
/** Restaurants a child process simulates. */
const RESTAURANTS_PER_CHILD = 5;
const MAX_SERVER_CONNECTIONS = 20;
const TARGETS = {
  // The busiest a 50-restaurant chain gets: the month-end count in every restaurant at once (chains
  // close the month on the same night), each of a restaurant's 4 computers entering a count line every
  // 4 s: 1 change a second a restaurant, 50 a second across the chain.
  changesPerSecond: 50,
  arrivalP95Ms: 5_000,
};
/** Each computer records a change about this often: 200 computers offer ~57/s, 15% above the target. */
const WRITE_EVERY_MS = 3_500;
/** Writing before the window: every computer past its first runs, the server's caches warm. */
const WARMUP_MS = 10_000;
const MEASURE_MS = 30_000;
/** After the window: the longest its last changes are waited for. */
const SETTLE_MS = 15_000;

interface Child {
  process: ChildProcess;
  /** The next report it sends. */
  next(): Promise<ChainReport>;
}

function startChild(job: ChainJob): Child {
  const child = fork(join(import.meta.dirname, 'chain-child.ts'), {
    env: { ...process.env, KG_CHAIN_JOB: JSON.stringify(job) },
    execArgv: process.execArgv,
  });
  const reports: ChainReport[] = [];
  const waiting: ((report: ChainReport) => void)[] = [];
  let failed: Error | null = null;
  const failures: ((error: Error) => void)[] = [];
  child.on('message', (report) => {
    const taker = waiting.shift();
    if (taker) taker(report as ChainReport);
    else reports.push(report as ChainReport);
  });
  child.on('exit', (code) => {
    failed = new Error(`a chain bench child exited (${code}) before reporting`);
    for (const fail of failures.splice(0)) fail(failed);
  });
  return {
    process: child,
    next: () =>
      new Promise((resolve, reject) => {
        const report = reports.shift();
        if (report) return resolve(report);
        if (failed) return reject(failed);
        waiting.push(resolve);
        failures.push(reject);
      }),
  };
}

/** Where the window's time went on the server side: CPU of PostgreSQL and PgBouncer, transactions, server logins. */
async function cpuProbe(cluster: { folder: string }, admin: pg.Client): Promise<() => Promise<string>> {
  const postmaster = Number(readFileSync(join(cluster.folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const bouncer = findProcess(join(cluster.folder, 'pgbouncer', 'pgbouncer.ini')) ?? 0;
  const counters = async () =>
    (
      await admin.query<{ sessions: string; commits: string }>(
        'SELECT sessions, xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()',
      )
    ).rows[0]!;
  const before = {
    pg: treeCpuSeconds(postmaster),
    bouncer: treeCpuSeconds(bouncer),
    at: performance.now(),
    counters: await counters(),
  };
  return async () => {
    const after = await counters();
    const seconds = (s: number) => `${s.toFixed(1)} s`;
    return [
      `window of ${seconds((performance.now() - before.at) / 1000)}: CPU of PostgreSQL ${seconds(treeCpuSeconds(postmaster) - before.pg)}`,
      `PgBouncer ${seconds(treeCpuSeconds(bouncer) - before.bouncer)}`,
      `${Number(after.commits) - Number(before.counters.commits)} server transactions`,
      `${Number(after.sessions) - Number(before.counters.sessions)} server logins`,
    ].join(', ');
  };
}

/** Server connections in the chain's database: every backend but the administrator's. */
async function serverConnections(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND usename <> current_user",
  );
  return Number(rows[0]?.n);
}

export async function chainBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('starting a throwaway PostgreSQL with TLS and PgBouncer (transaction mode) in front…');
  const cluster = await startTestCluster();
  const pooler = await startPgBouncer(cluster, {
    maxDbConnections: MAX_SERVER_CONNECTIONS,
    serverIdleSeconds: 10,
  });
  const children: Child[] = [];
  try {
    const { stop: _stop, start: _start, ...info } = cluster;
    const server = await createServerDatabase({
      ...info,
      app: { host: pooler.host, port: pooler.port, pooled: true },
    });
    const total = RESTAURANTS * COMPUTERS_PER_RESTAURANT;
    progress(
      `opening ${total} computers of ${RESTAURANTS} restaurants (${RESTAURANTS_PER_CHILD} a process), each enrolled with its own login…`,
    );
    // One child sets up at a time: registering pays bcrypt's shipped cost on the server (not measured),
    // and many at once time out on a busy machine.
    for (let first = 0; first < RESTAURANTS; first += RESTAURANTS_PER_CHILD) {
      const child = startChild({
        server: { cluster: server.cluster, database: server.database, connection: server.connection },
        first,
        restaurants: Math.min(RESTAURANTS_PER_CHILD, RESTAURANTS - first),
        computersPerRestaurant: COMPUTERS_PER_RESTAURANT,
        writeEveryMs: WRITE_EVERY_MS,
      });
      children.push(child);
      await child.next();
      progress(`${first + RESTAURANTS_PER_CHILD} restaurants open`);
    }
    progress(
      `each computer records a movement every ~${WRITE_EVERY_MS / 1000} s: ${WARMUP_MS / 1000} s of warm-up, then ${MEASURE_MS / 1000} s measured…`,
    );
    const started = Date.now();
    const window: ChainWindow = {
      from: started + WARMUP_MS,
      until: started + WARMUP_MS + MEASURE_MS,
      settleUntil: started + WARMUP_MS + MEASURE_MS + SETTLE_MS,
    };
    for (const child of children) child.process.send(window);
    const done = Promise.all(children.map((child) => child.next()));
    const admin = server.admin();
    await admin.connect();
    await sleep(window.from - Date.now());
    const loadBefore = loadavg()[0]!;
    const probe = await cpuProbe(cluster, admin);
    const connections: number[] = [];
    const stopSampling = repeat(async () => connections.push(await serverConnections(admin)), 250);
    await sleep(window.until - Date.now());
    await stopSampling();
    const loadAfter = loadavg()[0]!;
    const usage = await probe();
    await admin.end();
    const reports = (await done).filter((report) => report.kind === 'done');
    const computersCpu = reports.reduce((sum, report) => sum + report.cpuSeconds, 0);
    const lag = Math.max(...reports.map((report) => report.eventLoopDelayMs));
    progress(
      `${usage}, CPU of the computers ${computersCpu.toFixed(1)} s (event loop delay p50 up to ${lag.toFixed(0)} ms)`,
    );
    return chainRows({
      changes: reports.flatMap((report) => report.changes),
      connections,
      total,
      load: [loadBefore, loadAfter],
    });
  } finally {
    for (const child of children) if (child.process.exitCode === null) child.process.kill();
    await Promise.all(
      children.map((child) =>
        child.process.exitCode === null ? new Promise((resolve) => child.process.once('exit', resolve)) : null,
      ),
    );
    await pooler.stop();
    removeTestCluster(cluster);
  }
}

function chainRows(run: { changes: ChainChange[]; connections: number[]; total: number; load: number[] }): BenchRow[] {
  const everywhere = run.changes.filter((change) => change.waited.length === 0).length;
  const lost = run.changes.length - everywhere;
  // A change still on its way counts with the time it had waited: the p95 can only look worse.
  const arrivals = run.changes.flatMap((change) => [...change.arrivals, ...change.waited]);
  const arrival = summarise(arrivals);
  const used = summarise(run.connections);
  const load = run.load.map((value) => value.toFixed(1)).join(' → ');
  return [
    {
      metric: `chain: changes synced to every computer of their restaurant per second (${run.total} computers, ${RESTAURANTS} restaurants, load ${load}${lost ? `, ${lost} not arrived` : ''})`,
      n: run.changes.length,
      median: everywhere / (MEASURE_MS / 1000),
      unit: '/s',
      target: { stat: 'median', maxMs: TARGETS.changesPerSecond, atLeast: true },
    },
    {
      metric: 'chain: a change on one computer → its arrival on another of the restaurant',
      n: arrival.ms.length,
      median: arrival.median,
      p95: arrival.p95,
      p99: arrival.p99,
      target: { stat: 'p95', maxMs: TARGETS.arrivalP95Ms },
    },
    {
      metric: `chain: server connections used (pg_stat_activity; most seen, median ${used.median})`,
      n: run.connections.length,
      median: Math.max(...run.connections),
      unit: 'connections',
      target: { stat: 'median', maxMs: MAX_SERVER_CONNECTIONS },
    },
  ];
}
