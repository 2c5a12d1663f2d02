/**
 * Issue 11's restaurant chain: 200 computers of 50 restaurants (4 each, every one with its own
 * login) running the real core and sync engine with the shipped timing, through PgBouncer in
 * transaction mode that may open at most 20 server connections. Each computer records stock
 * movements at the chain's busiest rate; after a warm-up, a fixed window is measured: the changes
 * that reached every other computer of their restaurant per second, the time from a change on one
 * computer to its arrival on each other one, and the server connections in use (pg_stat_activity),
 * each beside its target. Bounded: set-up, WARMUP_MS + MEASURE_MS of writing, at most SETTLE_MS more.
 * KG_BENCH_CHAIN_RESTAURANTS=5 runs a smaller chain (same rhythm per computer) to look at a bottleneck.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type pg from 'pg';
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { startPgBouncer } from '../../src-main/central/testing/pgbouncer';
import { adminQuery, createServerDatabase, type TestServer } from '../../src-main/central/testing/server-database';
import type { Core } from '../../src-main/core/app-core';
import { openCore } from '../../src-main/core/app-core';
import { lastIssuedMutation } from '../../src-main/store/outbox';
import { sql } from '../../src-main/store/statements';
import { benchKeychain, call, quiet } from './bench-core';
import { summarise } from './measure';
import { findProcess, treeCpuSeconds } from './process-cpu';
import type { BenchRow } from './table';

const RESTAURANTS = Number(process.env.KG_BENCH_CHAIN_RESTAURANTS ?? 50);
const COMPUTERS_PER_RESTAURANT = 4;
const MAX_SERVER_CONNECTIONS = 20;
/**
 * PgBouncer's default_pool_size: server connections one computer's login may hold. A computer runs
 * one sync at a time, so one is enough, and a computer never takes another's (README's pgbouncer.ini).
 */
const PER_LOGIN = 1;
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
const PASSWORD = 'correct horse battery staple';

interface Computer {
  core: Core;
  folder: string;
  restaurant: number;
}

interface Restaurant {
  computers: Computer[];
  item: string;
}

interface Change {
  at: number;
  /** The restaurant's other computers it has not reached yet. */
  waiting: Set<Computer>;
  /** Milliseconds to each one it reached. */
  arrivals: number[];
}

/** Set-up steps a loaded machine may time out on are tried again, as the app's own retries would. */
async function patiently<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 5 || !/unavailable/.test(String(error))) throw error;
    }
  }
}

async function openComputer(server: TestServer, restaurant: number): Promise<Computer> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-chain-'));
  const core = await openCore({
    dataFolder: folder,
    appVersion: 'bench',
    log: quiet,
    secrets: benchKeychain(),
    // Set-up is not measured: the local copy of the password hash need not cost what the shipped one does.
    hashCost: 4,
    checkOutputs: false,
  });
  await patiently(() => call(core, 'central.connect', server.connection));
  return { core, folder, restaurant };
}

/** A restaurant's owner computer registers it; the others are enrolled and signed in by the owner. */
async function openRestaurant(server: TestServer, restaurant: number): Promise<Restaurant> {
  const username = `chain${restaurant}`;
  const first = await openComputer(server, restaurant);
  await patiently(() =>
    call(first.core, 'auth.register', {
      restaurantName: `Chain bistro ${restaurant}`,
      restaurantType: 'restaurant',
      fullName: 'Olive Owner',
      position: 'Owner',
      username,
      email: `${username}@chain.test`,
      password: PASSWORD,
    }),
  );
  // Signing in on three more computers need not pay bcrypt's shipped cost on the server either.
  await adminQuery(
    server,
    "UPDATE kg.credentials SET password_hash = crypt($1, gen_salt('bf', 4)) WHERE user_id = (SELECT id FROM kg.users WHERE username = $2)",
    [PASSWORD, username],
  );
  const item = (await call(first.core, 'inventory.create', {
    area: 'kitchen',
    name: 'Flour',
    category: 'Dry goods',
    supplier: 'Mill',
    unit: 'kg',
    unitCost: '1.20',
    par: null,
  })) as { id: string };
  await first.core.syncNow();
  const others = await Promise.all(
    Array.from({ length: COMPUTERS_PER_RESTAURANT - 1 }, async () => {
      const other = await openComputer(server, restaurant);
      await patiently(() => call(other.core, 'auth.login', { login: username, password: PASSWORD }));
      await other.core.syncNow();
      return other;
    }),
  );
  return { computers: [first, ...others], item: item.id };
}

/** The id of the movement a computer just recorded: its newest mutation's. */
const newestMovement = (computer: Computer): string =>
  sql<string, [number]>(computer.core.db, "SELECT json_extract(args, '$.id') FROM outbox WHERE mutation_id = ?")
    .pluck()
    .get(lastIssuedMutation(computer.core.db)) ?? '';

const newestSeq = (computer: Computer): number =>
  sql<number, []>(computer.core.db, 'SELECT coalesce(max(seq), 0) FROM stock_movements').pluck().get() ?? 0;

const pulledSince = (computer: Computer, seq: number) =>
  sql<{ seq: number; id: string }, [number]>(
    computer.core.db,
    'SELECT seq, id FROM stock_movements WHERE seq > ? ORDER BY seq',
  ).all(seq);

/** Where the window's time went: CPU of this process (the computers), PostgreSQL and PgBouncer; server logins made. */
async function cpuProbe(cluster: { folder: string }, admin: pg.Client): Promise<() => Promise<string>> {
  const postmaster = Number(readFileSync(join(cluster.folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const bouncer = findProcess(join(cluster.folder, 'pgbouncer', 'pgbouncer.ini')) ?? 0;
  const counters = async () =>
    (
      await admin.query<{ sessions: string; commits: string }>(
        'SELECT sessions, xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()',
      )
    ).rows[0]!;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const before = {
    node: process.cpuUsage(),
    pg: treeCpuSeconds(postmaster),
    bouncer: treeCpuSeconds(bouncer),
    at: performance.now(),
    counters: await counters(),
  };
  return async () => {
    lag.disable();
    const node = process.cpuUsage(before.node);
    const after = await counters();
    const seconds = (s: number) => `${s.toFixed(1)} s`;
    return [
      `window of ${seconds((performance.now() - before.at) / 1000)}: CPU of the computers ${seconds((node.user + node.system) / 1e6)}`,
      `PostgreSQL ${seconds(treeCpuSeconds(postmaster) - before.pg)}`,
      `PgBouncer ${seconds(treeCpuSeconds(bouncer) - before.bouncer)}`,
      `${Number(after.commits) - Number(before.counters.commits)} server transactions`,
      `${Number(after.sessions) - Number(before.counters.sessions)} server logins`,
      `event loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(0)} ms`,
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step` every `everyMs` until the returned stop is awaited. */
function repeat(step: () => unknown, everyMs: number): () => Promise<void> {
  let going = true;
  const done = (async () => {
    while (going) {
      await step();
      await sleep(everyMs);
    }
  })();
  return async () => {
    going = false;
    await done;
  };
}

/** Every computer records movements at its own rhythm until `until`; each change made in the window is followed. */
async function writeFor(
  restaurants: Restaurant[],
  window: { from: number; until: number },
  changes: Map<string, Change>,
) {
  const writer = async (computer: Computer, item: string, others: Computer[]) => {
    await sleep(Math.random() * WRITE_EVERY_MS);
    while (performance.now() < window.until) {
      await call(computer.core, 'inventory.adjustStock', { itemId: item, reason: 'delivery', quantity: '1' });
      const at = performance.now();
      if (at >= window.from && at < window.until) {
        changes.set(newestMovement(computer), { at, waiting: new Set(others), arrivals: [] });
      }
      await sleep(WRITE_EVERY_MS * (0.5 + Math.random()));
    }
  };
  await Promise.all(
    restaurants.flatMap(({ computers, item }) =>
      computers.map((computer) =>
        writer(
          computer,
          item,
          computers.filter((other) => other !== computer),
        ),
      ),
    ),
  );
}

/** Notes when followed changes reach each computer: its movements pulled since it was last looked at. */
function followArrivals(computers: Computer[], changes: Map<string, Change>): () => Promise<void> {
  const seen = new Map(computers.map((computer) => [computer, newestSeq(computer)]));
  return repeat(() => {
    const now = performance.now();
    for (const computer of computers) {
      const rows = pulledSince(computer, seen.get(computer) ?? 0);
      for (const { id } of rows) {
        const change = changes.get(id);
        if (change?.waiting.delete(computer)) change.arrivals.push(now - change.at);
      }
      if (rows.length > 0) seen.set(computer, rows[rows.length - 1]!.seq);
    }
  }, 100);
}

export async function chainBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('starting a throwaway PostgreSQL with TLS and PgBouncer (transaction mode) in front…');
  const cluster = await startTestCluster();
  const pooler = await startPgBouncer(cluster, {
    maxDbConnections: MAX_SERVER_CONNECTIONS,
    serverIdleSeconds: 10,
    perLogin: PER_LOGIN,
  });
  const computers: Computer[] = [];
  try {
    const server = await createServerDatabase({
      ...cluster,
      app: { host: pooler.host, port: pooler.port, pooled: true },
    });
    const restaurants: Restaurant[] = [];
    const total = RESTAURANTS * COMPUTERS_PER_RESTAURANT;
    progress(`opening ${total} computers of ${RESTAURANTS} restaurants, each enrolled with its own login…`);
    // A few at a time: registering pays bcrypt's shipped cost on the server (not measured).
    for (let r = 0; r < RESTAURANTS; r += 5) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(5, RESTAURANTS - r) }, (_, n) => openRestaurant(server, r + n)),
      );
      restaurants.push(...batch);
      computers.push(...batch.flatMap((restaurant) => restaurant.computers));
      if ((r + 5) % 10 === 0) progress(`${r + 5} restaurants open`);
    }
    progress(
      `each computer records a movement every ~${WRITE_EVERY_MS / 1000} s: ${WARMUP_MS / 1000} s of warm-up, then ${MEASURE_MS / 1000} s measured…`,
    );
    const changes = new Map<string, Change>();
    const connections: number[] = [];
    const admin = server.admin();
    await admin.connect();
    const stopFollowing = followArrivals(computers, changes);
    const started = performance.now();
    const window = { from: started + WARMUP_MS, until: started + WARMUP_MS + MEASURE_MS };
    const writing = writeFor(restaurants, window, changes);
    await sleep(WARMUP_MS);
    const loadBefore = loadavg()[0]!;
    const probe = await cpuProbe(cluster, admin);
    const stopSampling = repeat(async () => connections.push(await serverConnections(admin)), 250);
    await writing;
    await stopSampling();
    progress(await probe());
    const loadAfter = loadavg()[0]!;
    const settleUntil = performance.now() + SETTLE_MS;
    const waiting = () => [...changes.values()].some((change) => change.waiting.size > 0);
    while (performance.now() < settleUntil && waiting()) await sleep(200);
    await stopFollowing();
    await admin.end();
    return chainRows({ changes: [...changes.values()], connections, total, load: [loadBefore, loadAfter] });
  } finally {
    for (const computer of computers) {
      await computer.core.close();
      rmSync(computer.folder, { recursive: true, force: true });
    }
    await pooler.stop();
    removeTestCluster(cluster);
  }
}

function chainRows(run: { changes: Change[]; connections: number[]; total: number; load: number[] }): BenchRow[] {
  const end = performance.now();
  const everywhere = run.changes.filter((change) => change.waiting.size === 0).length;
  const lost = run.changes.length - everywhere;
  // A change still on its way counts with the time it has waited so far: the p95 can only look worse.
  const arrivals = run.changes.flatMap((change) => [
    ...change.arrivals,
    ...[...change.waiting].map(() => end - change.at),
  ]);
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
