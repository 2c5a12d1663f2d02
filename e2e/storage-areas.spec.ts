/**
 * Storage areas in the browser: a manager adds the bar's storage areas, puts items on their shelves,
 * orders a shelf by keyboard (Alt+↑/↓, announced) and by drag, filters and groups the stock screen
 * by storage area, and gives an item count units whose count line reads in words.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/app';
import { OWNER } from './support/data';
import { choose, field } from './support/forms';
import { isCutOff, valueRunsUnderButtons } from './support/stock';

const BAR = ['Vodka', 'Gin', 'Rum', 'Tonic'].map((name) => ({
  area: 'bar' as const,
  name,
  category: 'Spirits',
  supplier: 'Metro',
  unit: 'bottle',
  unitCost: '12.00',
  par: null,
  openingStock: '6',
}));

const drawer = (page: Page) => page.getByRole('dialog', { name: 'Bar storage areas' });
const shelf = (page: Page, name: string) => drawer(page).getByRole('listbox', { name: `${name} shelf` });
const shelfNames = (list: Locator) => list.getByRole('option').allInnerTexts();

async function addStorageArea(page: Page, name: string): Promise<void> {
  await drawer(page).getByRole('button', { name: 'New storage area' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bar storage area' });
  await field(dialog, 'Name').fill(name);
  await dialog.getByRole('button', { name: 'Add storage area' }).click();
  await expect(dialog).toHaveCount(0);
}

async function putOnShelf(page: Page, area: string, items: string[]): Promise<void> {
  for (const item of items) {
    const select = drawer(page).getByRole('combobox', { name: `Put an item on the ${area} shelf` });
    await select.click();
    await page.getByRole('option', { name: item, exact: true }).click();
    await expect(shelf(page, area).getByRole('option', { name: item })).toHaveCount(1);
  }
}

test('storage areas: shelves ordered by keyboard and by drag, the stock screen by storage area', async ({
  app,
  preview,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 }); // a laptop: what the filters and notes must fit
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed(BAR);
  await app.go('Bar');
  const bar = app.stock('bar');

  await test.step('a manager adds storage areas and puts items on their shelves', async () => {
    await page.getByRole('button', { name: 'Storage areas' }).click();
    await expect(drawer(page)).toBeVisible();
    await addStorageArea(page, 'Back bar');
    await addStorageArea(page, 'Cellar');
    const areas = drawer(page).getByRole('listbox', { name: 'Bar storage areas' });
    await expect(areas.getByRole('option')).toHaveText([/^Back bar/, /^Cellar/]);
    await areas.getByRole('option', { name: 'Back bar' }).click();
    await putOnShelf(page, 'Back bar', ['Vodka', 'Gin', 'Rum']);
    expect(await shelfNames(shelf(page, 'Back bar'))).toEqual(['Vodka', 'Gin', 'Rum']);
    await app.shot('back-bar-shelf');
  });

  await test.step('Alt+↑ moves the focused item up the shelf, and says so', async () => {
    const rum = shelf(page, 'Back bar').getByRole('option', { name: 'Rum' });
    await rum.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(shelf(page, 'Back bar').getByRole('option')).toHaveText([/^Rum/, /^Vodka/, /^Gin/]);
    await expect(rum).toBeFocused();
    // Each list has its own live region; the shelf's says what moved.
    await expect(drawer(page).getByRole('status').filter({ hasText: 'moved' })).toHaveText('Rum moved to place 1 of 3');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(shelf(page, 'Back bar').getByRole('option')).toHaveText([/^Vodka/, /^Rum/, /^Gin/]);
  });

  await test.step('dragging an item by its handle moves it', async () => {
    const handle = drawer(page).getByRole('button', { name: 'Drag Gin' });
    const target = shelf(page, 'Back bar').getByRole('option', { name: 'Vodka' });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // In steps, as a hand moves: the drag starts after a few pixels.
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 10 });
    await page.mouse.up();
    await expect(shelf(page, 'Back bar').getByRole('option')).toHaveText([/^Gin/, /^Vodka/, /^Rum/]);
  });

  await test.step('the cellar holds vodka too, at its own place', async () => {
    await drawer(page).getByRole('option', { name: 'Cellar' }).click();
    await putOnShelf(page, 'Cellar', ['Tonic', 'Vodka']);
    expect(await shelfNames(shelf(page, 'Cellar'))).toEqual(['Tonic', 'Vodka']);
    await app.shot('cellar-shelf');
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toHaveCount(0);
  });

  await test.step('the stock screen filters to one shelf, in shelf order', async () => {
    await choose(page.getByRole('combobox', { name: 'Storage area' }), 'Back bar');
    await expect(bar.table).toHaveAttribute('aria-rowcount', '4');
    expect(await bar.renderedNames()).toEqual(['Gin', 'Vodka', 'Rum']);
    await app.shot('filtered-to-back-bar');
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  await test.step('and groups by storage area, an item on two shelves in both, saying so', async () => {
    await choose(page.getByRole('combobox', { name: 'Storage area' }), 'By storage area');
    // Two headings and five rows: vodka stands on both shelves, each time with its whole on hand.
    await expect(bar.table).toHaveAttribute('aria-rowcount', String(2 + 5 + 1));
    expect(await bar.renderedNames()).toEqual([
      'Back bar · 3 items',
      'Gin',
      'Vodka\nAlso in Cellar',
      'Rum',
      'Cellar · 2 items',
      'Tonic',
      'Vodka\nAlso in Back bar',
    ]);
    // Its on hand is said to be for both, not as much again on each shelf.
    const inAll = /6 bottles\s*in all areas$/;
    const onShelves = bar.table.getByRole('row').filter({ hasText: 'Also in' });
    await expect(onShelves.locator('td:nth-child(4)')).toHaveText([inAll, inAll]); // On hand
    // Read whole, not "Also in Back …" nor "By storage are…".
    for (const name of await onShelves.locator('td:first-child').all()) expect(await isCutOff(name)).toBe(false);
    expect(await valueRunsUnderButtons(page.getByRole('combobox', { name: 'Storage area' }))).toBe(false);
    await app.shot('grouped-by-storage-area');
  });

  await test.step('count units: a case of 12 bottles, and a count line in words', async () => {
    await bar.row('Gin').first().getByRole('button', { name: 'More actions for Gin' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Gin' });
    await dialog.getByRole('button', { name: 'Add a count unit' }).click();
    await dialog.getByLabel('Count unit 1: name').fill('case');
    await dialog.getByLabel('Count unit 1: bottles in one').fill('12');
    await dialog.getByRole('button', { name: 'Save count units' }).click();
    const trial = dialog.getByLabel('Try a count');
    await trial.fill('2 cases + 5');
    await expect(trial).toHaveAccessibleDescription('2 cases + 5 bottles = 29 bottles');
    await app.shot('count-units');
    await trial.fill('2 crates');
    await expect(trial).toHaveAccessibleDescription(/"crates" is not a unit of this item/);
  });
});
