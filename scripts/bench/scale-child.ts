/**
 * The measuring half of scale.bench.ts, in a process of its own: opens the core on the seeded store
 * (the session remembered in the keychain it is handed), lists, lists again, creates items, and
 * prints its figures as one line of JSON.
 */
import Database from 'better-sqlite3';
import type { Core } from '../../src-main/core/app-core';
import { benchCore, benchKeychain, call } from './bench-core';
import { sample } from './measure';

export interface ScaleFigures {
  coldMs: number;
  list: { n: number; median: number };
  create: { n: number; median: number };
  rssMb: number;
}

const folder = process.env.BENCH_FOLDER ?? '';
const keychain = new Map<string, string>(JSON.parse(process.env.BENCH_KEYCHAIN ?? '[]'));
const items = Number(process.env.BENCH_ITEMS);

const listKitchen = async (core: Core) => {
  const list = (await call(core, 'inventory.list', { area: 'kitchen' })) as { rows: unknown[] };
  if (list.rows.length < items) throw new Error(`inventory.list returned ${list.rows.length} of ${items} items`);
};

// The native module loads once per process, whatever the store: not the store's cold start.
new Database(':memory:').close();
const started = performance.now();
const { core } = await benchCore(folder, { secrets: benchKeychain(keychain) });
await listKitchen(core);
const coldMs = performance.now() - started;

const list = await sample(() => listKitchen(core), { warmup: 3, iterations: 40, budgetMs: 10_000 });
const create = await sample(
  (i) =>
    call(core, 'inventory.create', {
      area: 'kitchen',
      name: `New item ${i}`,
      category: 'New',
      supplier: 'Bench Supplies',
      unit: 'each',
      unitCost: '2.50',
      par: '4',
      openingStock: '3',
    }),
  { warmup: 20, iterations: 300, budgetMs: 10_000 },
);
const figures: ScaleFigures = {
  coldMs,
  list: { n: list.ms.length, median: list.median },
  create: { n: create.ms.length, median: create.median },
  rssMb: process.memoryUsage().rss / 2 ** 20,
};
await core.close();
process.stdout.write(JSON.stringify(figures));
