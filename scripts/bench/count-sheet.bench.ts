/**
 * Issue 9's count sheet where the user is: 300 lines counted by keyboard in Chromium driving the
 * browser preview, each figure from the Enter keydown to the frame painted with the next line
 * focused and the line before it saved (scripts/bench/page-probes.js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { openCore } from '../../src-main/core/app-core';
import { memoryStore } from '../../src-main/secrets/keychain';
import { call, inChromium, PASSWORD, quiet, ROOT, row, startPreview, stopPreview, timed } from './browser.bench';
import type { BenchRow } from './table';

const COUNT_AREAS = ['Walk-in cooler', 'Dry store', 'Freezer'];
const COUNT_LINES = 100;

/** A kitchen of three storage areas of a hundred items each on their shelves, and a full count of it started. */
async function countReady(folder: string): Promise<void> {
  const core = await openCore({
    dataFolder: folder,
    appVersion: 'bench',
    log: quiet,
    secrets: memoryStore('benchmark: no keychain'),
    checkOutputs: false,
  });
  await call(core, 'auth.register', {
    restaurantName: 'Bench Kitchen',
    restaurantType: 'restaurant',
    fullName: 'Bea Bench',
    position: 'Owner',
    username: 'bench',
    email: 'bench@kitchen.test',
    password: PASSWORD,
  });
  for (const name of COUNT_AREAS) {
    const area = (await call(core, 'storage.createArea', { area: 'kitchen', name })) as { id: string };
    for (let n = 1; n <= COUNT_LINES; n++) {
      const item = (await call(core, 'inventory.create', {
        area: 'kitchen',
        name: `${name} ${String(n).padStart(3, '0')}`,
        category: 'Produce',
        supplier: 'Metro',
        unit: 'kg',
        unitCost: '2.50',
        par: null,
        openingStock: '4',
      })) as { id: string };
      await call(core, 'storage.placeItem', { storageAreaId: area.id, itemId: item.id });
    }
  }
  await call(core, 'counts.start', { areas: ['kitchen'], scope: 'full' });
  core.close();
}

/**
 * 300 lines counted by keyboard: a number typed, then Enter → the next line has the cursor and the
 * line before it says saved (committed on this computer: the core answered).
 */
async function keyboardCount(browser: Browser, progress: (message: string) => void): Promise<BenchRow> {
  const folder = mkdtempSync(join(tmpdir(), 'kg-bench-count-'));
  progress('300-line keyboard count…');
  await countReady(folder);
  const preview = await startPreview(folder);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: join(ROOT, 'scripts', 'bench', 'page-probes.js') });
    await page.goto(preview.url);
    await page.getByLabel('Username or email').fill('bench');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const counts = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Counts', exact: true });
    await counts.click({ timeout: 120_000 });
    await page.getByRole('button', { name: /^Open count/ }).click();
    await page.getByRole('button', { name: `Count ${COUNT_AREAS[0]}` }).click();
    const samples: number[] = [];
    for (const area of COUNT_AREAS) {
      await page.locator('input[data-line="0"]').and(page.locator(':focus')).waitFor();
      for (let n = 1; n < COUNT_LINES; n++) {
        await page.keyboard.type(String(n % 9));
        samples.push(await timed(page, () => page.keyboard.press('Enter'), 'countLine', String(n)));
      }
      // The last line of a storage area goes on to the button for the next one.
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      await page
        .getByRole('button', { name: new RegExp(`^End of ${area}`) })
        .and(page.locator(':focus'))
        .waitFor();
      if (area !== COUNT_AREAS.at(-1)) await page.keyboard.press('Enter');
    }
    return row('300-line keyboard count: keypress → next line focused, previous saved', samples, [
      { stat: 'median', maxMs: 50 },
    ]);
  } finally {
    await context.close();
    await stopPreview(preview.child);
    rmSync(folder, { recursive: true, force: true });
  }
}

export const countSheetBenchmarks = (progress: (message: string) => void): Promise<BenchRow[]> =>
  inChromium(progress, async (browser) => [await keyboardCount(browser, progress)]);
