/**
 * The core as the restaurant grows (issue 8): stores of 100 to 20,000 items with five movements
 * each, measured through core.invoke in a fresh process per store (the core bundled as the app's main
 * process is, in plain Node), so its memory is the core's own:
 * open + first list (cold), a list again (warm), creating an item, and the process's RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { insertItem } from '../../src-main/inventory/items-store';
import { insertMovement, refreshOnHand } from '../../src-main/inventory/movements-store';
import { newId } from '../../src-main/store/ids';
import { inlineSqlFiles } from '../inline-sql-files';
import { benchCore, registerBench } from './bench-core';
import type { ScaleFigures } from './scale-child';
import type { BenchRow } from './table';

/** Items and movements per store; the first is the yardstick for creating an item. */
const SIZES = [
  { items: 100, movements: 500 },
  { items: 1_000, movements: 5_000 },
  { items: 5_000, movements: 25_000 },
  { items: 20_000, movements: 100_000 },
] as const;
const LARGEST = SIZES.at(-1)?.items;

/** A store of `items` kitchen items with `movements` movements among them, written in one transaction. */
async function seed(folder: string, items: number, movements: number): Promise<Map<string, string>> {
  const { core, secrets } = await benchCore(folder);
  const session = await registerBench(core);
  const restaurantId = session.restaurant.id;
  const by = session.user.id;
  const at = new Date().toISOString();
  const ids: string[] = [];
  core.db.transaction(() => {
    for (let i = 0; i < items; i++) {
      const id = newId();
      ids.push(id);
      insertItem(core.db, {
        id,
        restaurantId,
        area: 'kitchen',
        ...benchItemFields(i),
        unitCostCents: 100 + (i % 9_000),
        parMilli: i % 4 === 0 ? null : 12_000,
        by,
        at,
      });
    }
    for (let i = 0; i < movements; i++) {
      const first = i < items;
      insertMovement(core.db, {
        id: newId(),
        restaurantId,
        itemId: ids[i % items] as string,
        reason: first ? 'count' : 'delivery',
        quantityMilli: 1_000 + (i % 7) * 1_000,
        note: '',
        by,
        at,
        occurredAt: at,
        clockOffsetMs: null,
      });
    }
    for (const id of ids) refreshOnHand(core.db, id);
  })();
  await core.close();
  return secrets.entries;
}

const benchItemFields = (i: number) => ({
  name: `Item ${String(i).padStart(5, '0')}`,
  category: `Category ${i % 25}`,
  supplier: `Supplier ${i % 40}`,
  unit: i % 3 === 0 ? 'kg' : 'each',
});

/**
 * The measuring half bundled as the app's main process is (Vite, runtime dependencies external, SQL
 * inlined), so it runs in plain Node: no TypeScript loader in its time or its memory.
 */
async function bundleChild(): Promise<string> {
  const outDir = join(import.meta.dirname, '..', '..', 'out', 'bench');
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [inlineSqlFiles()],
    build: {
      ssr: join(import.meta.dirname, 'scale-child.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'scale-child.mjs' } },
    },
  });
  return join(outDir, 'scale-child.mjs');
}

/** Runs the measuring half in a fresh process, which answers one line of JSON. */
function measureInChild(
  childScript: string,
  folder: string,
  keychain: Map<string, string>,
  items: number,
): Promise<ScaleFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript], {
      env: {
        ...process.env,
        BENCH_FOLDER: folder,
        BENCH_KEYCHAIN: JSON.stringify([...keychain]),
        BENCH_ITEMS: `${items}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ScaleFigures) : reject(new Error(`scale child exited with ${code}`)),
    );
  });
}

export async function scaleBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('bundling the core as the app runs it…');
  const childScript = await bundleChild();
  const rows: BenchRow[] = [];
  let yardstick = Number.NaN;
  for (const { items, movements } of SIZES) {
    const label = `${items.toLocaleString('en')} items / ${movements.toLocaleString('en')} movements`;
    progress(`${label}: seeding…`);
    const folder = mkdtempSync(join(tmpdir(), 'kg-bench-scale-'));
    try {
      const figures = await measureInChild(childScript, folder, await seed(folder, items, movements), items);
      const largest = items === LARGEST;
      if (items === SIZES[0].items) yardstick = figures.create.median;
      rows.push(
        {
          metric: `${label}: open + first list (cold)`,
          n: 1,
          median: figures.coldMs,
          ...(largest && { target: { stat: 'median', maxMs: 200 } as const }),
        },
        {
          metric: `${label}: inventory.list (warm)`,
          n: figures.list.n,
          median: figures.list.median,
          ...(largest && { target: { stat: 'median', maxMs: 10 } as const }),
        },
        {
          metric: `${label}: inventory.create`,
          n: figures.create.n,
          median: figures.create.median,
          // "As fast as with 100 items": within the noise of a busy machine.
          ...(largest && { target: { stat: 'median', maxMs: 1.5 * yardstick } as const }),
        },
        {
          metric: `${label}: RSS of the process after these`,
          n: 1,
          median: figures.rssMb,
          unit: 'MB',
          ...(largest && { target: { stat: 'median', maxMs: 150 } as const }),
        },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return rows;
}
