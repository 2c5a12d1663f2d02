/**
 * Issue 11's restaurant chain: 200 computers of 50 restaurants (4 each, every one with its own
 * login) running the real core and sync engine with the shipped timing, through PgBouncer in
 * transaction mode that may open at most 20 server connections. Each computer records stock
 * movements for a while; measured are the changes that reached every other computer of their
 * restaurant per second, the time from a change on one computer to its arrival on each other one,
 * and the server connections in use (pg_stat_activity), each beside its target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { startPgBouncer } from '../../src-main/central/testing/pgbouncer';
import { adminQuery, createServerDatabase, type TestServer } from '../../src-main/central/testing/server-database';
import type { Core } from '../../src-main/core/app-core';
import { openCore } from '../../src-main/core/app-core';
import { lastIssuedMutation } from '../../src-main/store/outbox';
import { sql } from '../../src-main/store/statements';
import { benchKeychain, call, quiet } from './bench-core';
import { summarise } from './measure';
import type { BenchRow } from './table';

const RESTAURANTS = 50;
const COMPUTERS_PER_RESTAURANT = 4;
const MAX_SERVER_CONNECTIONS = 20;
/** Each computer records a movement about this often while measured (≈ 100 changes a second in all). */
const WRITE_EVERY_MS = 2_000;
const MEASURE_MS = 30_000;
/** After the last write: time for the last changes to arrive. */
const SETTLE_MS = 15_000;
const PASSWORD = 'correct horse battery staple';
const TARGETS = { changesPerSecond: 50, arrivalP95Ms: 5_000 };

interface Computer {
  core: Core;
  folder: string;
  restaurant: number;
}

interface Change {
  id: string;
  at: number;
  from: Computer;
  /** The restaurant's other computers it has not reached yet. */
  waiting: Set<Computer>;
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
async function openRestaurant(
  server: TestServer,
  restaurant: number,
): Promise<{ computers: Computer[]; item: string }> {
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

const holds = (computer: Computer, movementId: string): boolean =>
  sql<1, [string]>(computer.core.db, 'SELECT 1 FROM stock_movements WHERE id = ?').get(movementId) !== undefined;

/** Server connections in the chain's database: every backend but the administrator's. */
async function serverConnections(server: TestServer): Promise<number> {
  const { rows } = await adminQuery<{ n: string }>(
    server,
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND usename <> current_user",
  );
  return Number(rows[0]?.n);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every computer records movements at its own rhythm until `until`; each change is followed to its arrivals. */
async function writeFor(restaurants: { computers: Computer[]; item: string }[], until: number, changes: Change[]) {
  const writer = async (computer: Computer, item: string, others: Computer[]) => {
    await sleep(Math.random() * WRITE_EVERY_MS);
    while (Date.now() < until) {
      await call(computer.core, 'inventory.adjustStock', { itemId: item, reason: 'delivery', quantity: '1' });
      changes.push({ id: newestMovement(computer), at: performance.now(), from: computer, waiting: new Set(others) });
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

/** Notes when each change reaches each other computer of its restaurant (looked for every 100 ms). */
function followArrivals(changes: Change[], arrivals: number[]) {
  let following = true;
  const done = (async () => {
    while (following) {
      const now = performance.now();
      for (const change of changes) {
        for (const other of change.waiting) {
          if (!holds(other, change.id)) continue;
          change.waiting.delete(other);
          arrivals.push(now - change.at);
        }
      }
      await sleep(100);
    }
  })();
  return async () => {
    following = false;
    await done;
  };
}

function sampleConnections(server: TestServer, seen: number[]) {
  let sampling = true;
  const done = (async () => {
    while (sampling) {
      seen.push(await serverConnections(server));
      await sleep(250);
    }
  })();
  return async () => {
    sampling = false;
    await done;
  };
}

export async function chainBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('starting a throwaway PostgreSQL with TLS and PgBouncer (transaction mode) in front…');
  const cluster = await startTestCluster();
  const pooler = await startPgBouncer(cluster, { maxDbConnections: MAX_SERVER_CONNECTIONS, serverIdleSeconds: 10 });
  const computers: Computer[] = [];
  try {
    const server = await createServerDatabase({
      ...cluster,
      app: { host: pooler.host, port: pooler.port, pooled: true },
    });
    const restaurants: { computers: Computer[]; item: string }[] = [];
    const total = RESTAURANTS * COMPUTERS_PER_RESTAURANT;
    progress(`opening ${total} computers of ${RESTAURANTS} restaurants, each enrolled with its own login…`);
    // A few at a time: registering pays bcrypt's shipped cost on the server (not measured).
    for (let r = 0; r < RESTAURANTS; r += 5) {
      const batch = await Promise.all([0, 1, 2, 3, 4].map((n) => openRestaurant(server, r + n)));
      restaurants.push(...batch);
      computers.push(...batch.flatMap((restaurant) => restaurant.computers));
      if ((r + 5) % 10 === 0) progress(`${r + 5} restaurants open`);
    }
    progress(`each computer records a movement every ~${WRITE_EVERY_MS / 1000} s for ${MEASURE_MS / 1000} s…`);
    const changes: Change[] = [];
    const arrivals: number[] = [];
    const connections: number[] = [];
    const stopFollowing = followArrivals(changes, arrivals);
    const stopSampling = sampleConnections(server, connections);
    const started = performance.now();
    await writeFor(restaurants, Date.now() + MEASURE_MS, changes);
    const writing = performance.now() - started;
    const settleUntil = Date.now() + SETTLE_MS;
    while (Date.now() < settleUntil && changes.some((change) => change.waiting.size > 0)) await sleep(200);
    await stopFollowing();
    await stopSampling();
    const everywhere = changes.filter((change) => change.waiting.size === 0).length;
    const perSecond = everywhere / (writing / 1000);
    const arrival = summarise(arrivals);
    const used = summarise(connections);
    const most = Math.max(...connections);
    const lost = changes.length - everywhere;
    return [
      {
        metric: `chain: changes synced to every computer of their restaurant per second (${total} computers, ${RESTAURANTS} restaurants${lost ? `, ${lost} not arrived` : ''})`,
        n: changes.length,
        median: perSecond,
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
        n: connections.length,
        median: most,
        unit: 'connections',
        target: { stat: 'median', maxMs: MAX_SERVER_CONNECTIONS },
      },
    ];
  } finally {
    for (const computer of computers) {
      await computer.core.close();
      rmSync(computer.folder, { recursive: true, force: true });
    }
    await pooler.stop();
    removeTestCluster(cluster);
  }
}
