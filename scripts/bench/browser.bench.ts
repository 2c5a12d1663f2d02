/**
 * Issue 8's targets where the user is: Chromium driving the browser preview of the built renderer,
 * with 5,000 and 20,000 bar items. Every figure is taken in the page, from the input event to the
 * frame painted after the screen changed (scripts/bench/page-probes.js).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type Core, openCore } from '../../src-main/core/app-core';
import { memoryStore } from '../../src-main/secrets/keychain';
import { summarise } from './measure';
import { type BenchRow, formatTable } from './table';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const SIZES = [5_000, 20_000];
const CATEGORIES = ['Spirits', 'Wine', 'Beer', 'Mixers', 'Garnish'];
const SUPPLIERS = ['Bottle Shop Co', 'Green Valley Farms', 'Metro Wholesale', 'Coastal Cellars'];
export const quiet = { error: () => {}, warn: () => {}, info: () => {} };
export const PASSWORD = 'correct horse battery staple';
const nameOf = (n: number) => `Bar item ${String(n).padStart(5, '0')}`;
/** Each keystroke changes how many rows match (names hold the only digits): 4, 49, 499, 4999, back. */
const SEARCH_KEYS = ['4', '9', '9', '9', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];

/** What page-probes.js installs (the callbacks below run in the page: they name it themselves). */
export interface Probes {
  kgBench: {
    arm(reader: 'firstRow' | 'rowCount' | 'onHand' | 'countLine', argument?: string): void;
    settled(): Promise<number>;
    framesStart(): void;
    framesStop(): number[];
  };
}

export async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function stock(folder: string, count: number): Promise<void> {
  const core = await openCore({
    dataFolder: folder,
    appVersion: 'bench',
    log: quiet,
    secrets: memoryStore('benchmark: no keychain'),
    checkOutputs: false, // only seeds the store
  });
  await call(core, 'auth.register', {
    restaurantName: 'Bench Bar',
    restaurantType: 'bar',
    fullName: 'Bea Bench',
    position: 'Owner',
    username: 'bench',
    email: 'bench@bar.test',
    password: PASSWORD,
  });
  // The real create path, in one transaction (each create a savepoint in it): seconds, not minutes.
  core.db.exec('BEGIN');
  for (let n = 1; n <= count; n++) {
    await call(core, 'inventory.create', {
      area: 'bar',
      name: nameOf(n),
      category: CATEGORIES[n % CATEGORIES.length],
      supplier: SUPPLIERS[n % SUPPLIERS.length],
      unit: 'bottle',
      unitCost: `${1 + (n % 90)}.${String(n % 100).padStart(2, '0')}`,
      par: '6',
      openingStock: String(n % 20),
    });
  }
  core.db.exec('COMMIT');
  core.close();
}

/**
 * The preview in its own process, as the app's core is (the bench's own work must not slow it).
 * Resolves with the address it prints.
 */
export function startPreview(folder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['src-main/preview/cli.ts', '--data-folder', folder, '--skip-output-checks'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((done, failed) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /^KITCHENGUARD_PREVIEW_URL=(\S+)$/m.exec(printed)?.[1];
      if (url) done({ child, url });
    });
    child.once('exit', (code) => failed(new Error(`The preview stopped (code ${code}):\n${printed}`)));
  });
}

export async function stopPreview(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** Input to change painted, measured in the page: arm the watch, act, read what it saw. */
export async function timed(page: Page, act: () => Promise<unknown>, ...watch: Parameters<Probes['kgBench']['arm']>) {
  await page.evaluate(([reader, argument]) => (globalThis as unknown as Probes).kgBench.arm(reader, argument), watch);
  await act();
  return page.evaluate(() => (globalThis as unknown as Probes).kgBench.settled());
}

const table = (page: Page) => page.getByRole('table', { name: 'Bar stock' });

/** Kitchen (empty) first, then Bar: its list is not in the cache yet, as on a first visit. */
async function firstRows(page: Page, url: string): Promise<number[]> {
  const samples: number[] = [];
  await page.goto(url);
  await page.getByLabel('Username or email').fill('bench');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const kitchen = page.getByRole('heading', { name: 'Kitchen stock', level: 1 });
  await kitchen.waitFor({ timeout: 120_000 }); // a password check at the shipped cost, on a busy machine
  for (let i = 0; i < 8; i++) {
    // A new page each time (the token is kept in the tab; going to the address again would not reload).
    await page.reload();
    await kitchen.waitFor();
    const bar = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Bar', exact: true });
    samples.push(await timed(page, () => bar.click(), 'firstRow'));
  }
  await table(page).waitFor();
  return samples;
}

async function searchKeystrokes(page: Page): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search items' });
  await search.click();
  const samples: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const key of SEARCH_KEYS) samples.push(await timed(page, () => page.keyboard.press(key), 'rowCount'));
  }
  return samples.slice(SEARCH_KEYS.length); // the first round warms up
}

/** A delivery of 1 typed into the Adjust popover of a row in view, saved with Enter. */
async function adjustments(page: Page): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 1; n <= 12; n++) {
    const name = nameOf(n);
    await page.getByRole('button', { name: `Adjust stock of ${name}`, exact: true }).click();
    const popover = page.getByRole('dialog', { name: `Adjust stock of ${name}` });
    await popover.getByLabel(/^Amount received/).fill('1');
    samples.push(await timed(page, () => page.keyboard.press('Enter'), 'onHand', name));
    await popover.waitFor({ state: 'hidden' });
  }
  return samples.slice(2);
}

async function wheelFrameGaps(page: Page): Promise<number[]> {
  const box = await table(page).boundingBox();
  if (!box) throw new Error('The bar stock table is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  await page.evaluate(() => (globalThis as unknown as Probes).kgBench.framesStart());
  for (let step = 0; step < 200; step++) await page.mouse.wheel(0, 100);
  await page.waitForTimeout(250);
  return page.evaluate(() => (globalThis as unknown as Probes).kgBench.framesStop());
}

export function row(metric: string, ms: number[], targets: BenchRow['target']): BenchRow {
  const { median, p95 } = summarise(ms);
  return { metric, n: ms.length, median, p95, target: targets };
}

async function measure(browser: Browser, count: number, progress: (message: string) => void): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-browser-'));
  progress(`seeding ${count.toLocaleString('en')} bar items…`);
  await stock(folder, count);
  const preview = await startPreview(folder);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: join(ROOT, 'scripts', 'bench', 'page-probes.js') });
    const items = `${count.toLocaleString('en')} items`;
    progress(`${items}: first rows, search, adjust, scroll… (load ${loadavg()[0]?.toFixed(1)})`);
    const rows = [
      row(`${items}: Bar clicked → first rows painted`, await firstRows(page, preview.url), [
        { stat: 'median', maxMs: 300 },
      ]),
    ];
    rows.push(
      row(`${items}: search keystroke → table updated`, await searchKeystrokes(page), [
        { stat: 'median', maxMs: 30 },
        { stat: 'p95', maxMs: 50 },
      ]),
    );
    rows.push(
      row(`${items}: adjustment saved → its row updated`, await adjustments(page), [{ stat: 'median', maxMs: 50 }]),
    );
    rows.push(
      row(`${items}: 200-step wheel scroll, frame gap`, await wheelFrameGaps(page), [{ stat: 'p95', maxMs: 20 }]),
    );
    return rows;
  } finally {
    await context.close();
    await stopPreview(preview.child);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Builds the renderer the preview serves, and runs `measure` in Debian's Chromium. */
export async function inChromium<T>(progress: (message: string) => void, measure: (browser: Browser) => Promise<T>) {
  progress('building the renderer…');
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    return await measure(browser);
  } finally {
    await browser.close();
  }
}

export const browserBenchmarks = (progress: (message: string) => void): Promise<BenchRow[]> =>
  inChromium(progress, async (browser) => {
    const rows: BenchRow[] = [];
    for (const count of SIZES) {
      const measured = await measure(browser, count, progress);
      progress(`\n${formatTable(measured)}`); // kept even if a later size fails
      rows.push(...measured);
    }
    return rows;
  });
