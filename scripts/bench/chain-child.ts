/**
 * Some restaurants of the chain bench (chain.bench.ts), in a process of their own: each simulated
 * computer is the real core over its own SQLite file, and in one process 200 of them would share one
 * thread that a busy machine gives a sliver of a core. Opens its restaurants, says it is ready; told the
 * window, restarts every computer with the shipped sync timing and records movements until its end,
 * then reports each change made in the window with its arrivals on the restaurant's other computers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { adminQuery, type TestServer } from '../../src-main/central/testing/server-database';
import type { Core } from '../../src-main/core/app-core';
import { openCore } from '../../src-main/core/app-core';
import { lastIssuedMutation } from '../../src-main/store/outbox';
import { sql } from '../../src-main/store/statements';
import type { SyncOptions } from '../../src-main/sync/sync-feature';
import { type BenchKeychain, benchKeychain, call, createFlour, quiet } from './bench-core';
import { repeat, sleep } from './every';

/** What the bench hands a child (KG_CHAIN_JOB, JSON). */
export interface ChainJob {
  server: Pick<TestServer, 'cluster' | 'database' | 'connection'>;
  first: number;
  restaurants: number;
  computersPerRestaurant: number;
  writeEveryMs: number;
}

/** Sent by the bench once every child is ready: when writing starts (now), which changes count, when to give up. */
export interface ChainWindow {
  from: number;
  until: number;
  settleUntil: number;
}

export interface ChainChange {
  /** Milliseconds to each other computer of the restaurant it reached… */
  arrivals: number[];
  /** …and how long it had waited for each one it had not, when the child gave up. */
  waited: number[];
}

export type ChainReport =
  | { kind: 'ready' }
  | { kind: 'done'; changes: ChainChange[]; cpuSeconds: number; eventLoopDelayMs: number };

const job = JSON.parse(process.env.KG_CHAIN_JOB ?? '{}') as ChainJob;
const PASSWORD = 'correct horse battery staple';

interface Computer {
  core: Core;
  folder: string;
  secrets: BenchKeychain;
}

/** During set-up a computer syncs only when told: the chain's background syncs would slow the set-up down. */
const HOUR = 3_600_000;
const SETTING_UP: SyncOptions = { timing: { afterWriteMs: HOUR, periodicMs: HOUR, checkMs: HOUR } };

const coreIn = (folder: string, secrets: BenchKeychain, sync?: SyncOptions) =>
  openCore({
    dataFolder: folder,
    appVersion: 'bench',
    log: quiet,
    secrets,
    // Set-up is not measured: the local copy of the password hash need not cost what the shipped one does.
    hashCost: 4,
    checkOutputs: false,
    sync,
  });

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

async function openComputer(server: ChainJob['server']): Promise<Computer> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-chain-'));
  const secrets = benchKeychain();
  const core = await coreIn(folder, secrets, SETTING_UP);
  await patiently(() => call(core, 'central.connect', server.connection));
  return { core, folder, secrets };
}

/** Reopens a set-up computer as the app starts: signed in from its keychain, with the shipped sync timing. */
async function restart(computer: Computer): Promise<void> {
  await computer.core.close();
  computer.core = await coreIn(computer.folder, computer.secrets);
}

/** A restaurant's owner computer registers it; the others are enrolled and signed in by the owner. */
async function openRestaurant(server: ChainJob['server'], restaurant: number): Promise<Restaurant> {
  const username = `chain${restaurant}`;
  const first = await openComputer(server);
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
  ).catch(async (error: unknown) => {
    // A registration whose reply a busy machine lost went through: sign in instead.
    if (!/taken/.test(String(error))) throw error;
    await patiently(() => call(first.core, 'auth.login', { login: username, password: PASSWORD }));
  });

  // Signing in on three more computers need not pay bcrypt's shipped cost on the server either.
  await adminQuery(
    server,
    "UPDATE kg.credentials SET password_hash = crypt($1, gen_salt('bf', 4)) WHERE user_id = (SELECT id FROM kg.users WHERE username = $2)",
    [PASSWORD, username],
  );
  const itemId = await createFlour(first.core);
  await first.core.syncNow();
  const others = await Promise.all(
    Array.from({ length: job.computersPerRestaurant - 1 }, async () => {
      const other = await openComputer(server);
      await patiently(() => call(other.core, 'auth.login', { login: username, password: PASSWORD }));
      await other.core.syncNow();
      return other;
    }),
  );
  return { computers: [first, ...others], item: itemId };
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

/** Every computer records movements at its own rhythm until `until`; each change made in the window is followed. */
async function writeFor(
  restaurants: Restaurant[],
  window: Pick<ChainWindow, 'from' | 'until'>,
  changes: Map<string, Change>,
) {
  const writer = async (computer: Computer, item: string, others: Computer[]) => {
    await sleep(Math.random() * job.writeEveryMs);
    while (Date.now() < window.until) {
      await call(computer.core, 'inventory.adjustStock', { itemId: item, reason: 'delivery', quantity: '1' });
      const at = Date.now();
      if (at >= window.from && at < window.until) {
        changes.set(newestMovement(computer), { at, waiting: new Set(others), arrivals: [] });
      }
      await sleep(job.writeEveryMs * (0.5 + Math.random()));
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
    const now = Date.now();
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

const computers: Computer[] = [];
const send = (report: ChainReport) => new Promise<void>((resolve) => process.send?.(report, () => resolve()));
const nextWindow = () =>
  new Promise<ChainWindow>((resolve) => process.once('message', (window) => resolve(window as ChainWindow)));

try {
  const restaurants = await Promise.all(
    Array.from({ length: job.restaurants }, (_, n) => openRestaurant(job.server, job.first + n)),
  );
  computers.push(...restaurants.flatMap((restaurant) => restaurant.computers));
  const window = nextWindow();
  await send({ kind: 'ready' });
  const { from, until, settleUntil } = await window;
  // Every computer of the chain restarts at once when the warm-up begins.
  await Promise.all(computers.map(restart));
  const changes = new Map<string, Change>();
  const stopFollowing = followArrivals(computers, changes);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const cpu = process.cpuUsage();
  lag.enable();
  await writeFor(restaurants, { from, until }, changes);
  const used = process.cpuUsage(cpu);
  lag.disable();
  const waiting = () => [...changes.values()].some((change) => change.waiting.size > 0);
  while (Date.now() < settleUntil && waiting()) await sleep(200);
  await stopFollowing();
  const end = Date.now();
  await send({
    kind: 'done',
    changes: [...changes.values()].map((change) => ({
      arrivals: change.arrivals,
      waited: [...change.waiting].map(() => end - change.at),
    })),
    cpuSeconds: (used.user + used.system) / 1e6,
    eventLoopDelayMs: lag.percentile(50) / 1e6,
  });
} finally {
  for (const computer of computers) {
    await computer.core.close();
    rmSync(computer.folder, { recursive: true, force: true });
  }
  process.disconnect?.();
}
