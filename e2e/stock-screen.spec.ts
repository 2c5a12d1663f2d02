/**
 * The stock screen with 5,000 kitchen items: the count and value are right, search and filters
 * narrow the list, the last item can be scrolled to (rows are virtualised), sorting is exact.
 * Correctness only: speed is benchmarked elsewhere (npm run bench).
 */
import type { ChannelInput } from '../shared/contract';
import { expect, test } from './support/app';
import { OWNER } from './support/data';
import { choose } from './support/forms';

const COUNT = 5_000;
const CATEGORIES = ['Produce', 'Dairy', 'Meat', 'Dry goods', 'Frozen'];
const SUPPLIERS = ['Green Valley Farms', 'Mill & Sons', 'Coastal Seafood', 'Metro Wholesale'];

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');
const nameOf = (n: number) => `Stock item ${pad(n, 4)}`;
const costCents = (n: number) => (n % 50) * 100 + (n % 100);
const stockOf = (n: number) => n % 20;

const ITEMS: ChannelInput<'inventory.create'>[] = Array.from({ length: COUNT }, (_, i) => {
  const n = i + 1;
  const cents = costCents(n);
  return {
    area: 'kitchen',
    name: nameOf(n),
    category: CATEGORIES[n % CATEGORIES.length] ?? '',
    supplier: SUPPLIERS[n % SUPPLIERS.length] ?? '',
    unit: 'kg',
    unitCost: `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`,
    par: '5',
    openingStock: String(stockOf(n)),
  };
});

/** Money as the screen shows it in en-US: grouped, two decimals; from exact cents. */
const money = (cents: bigint) => `${(cents / 100n).toLocaleString('en-US')}.${pad(cents % 100n, 2)}`;
const worthOf = (numbers: number[]) => money(numbers.reduce((sum, n) => sum + BigInt(stockOf(n) * costCents(n)), 0n));
const numbers = (where: (n: number) => boolean) => ITEMS.map((_, i) => i + 1).filter(where);

test('5,000 items: total, search, filters, scrolling to the last row, sorting', async ({ app, preview, page }) => {
  const kitchen = app.stock('kitchen');
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  const started = Date.now();
  await app.seed(ITEMS);
  console.log(`seeded ${COUNT} items in ${Date.now() - started} ms`);

  await test.step('the whole list: count and value', async () => {
    await kitchen.expectTotal(worthOf(numbers(() => true)), '5,000 items');
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    // Virtualised: only the rows in view (and a few more) are in the page.
    const rendered = await kitchen.renderedNames();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    await app.shot('5000-items');
  });

  await test.step('search narrows the list as you type', async () => {
    await kitchen.searchBox.fill('item 4999');
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', '2');
    expect(await kitchen.renderedNames()).toEqual([nameOf(4999)]);
    await expect(kitchen.card('Value shown')).toContainText(worthOf([4999]));
    await expect(kitchen.card('Value shown')).toContainText('1 item matches the filters');
    await app.shot('search-one');
    // Every word must match somewhere in name, category or supplier.
    await kitchen.searchBox.fill('dairy mill');
    const dairyFromMill = numbers((n) => n % 5 === 1 && n % 4 === 1);
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(dairyFromMill.length + 1));
    await expect(kitchen.card('Value shown')).toContainText(worthOf(dairyFromMill));
    await expect(kitchen.card('Value shown')).toContainText(`${dairyFromMill.length} items match the filters`);
    await kitchen.searchBox.fill('');
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  });

  await test.step('category and supplier filters', async () => {
    await choose(page.getByRole('combobox', { name: 'Category' }), 'Meat');
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(1_000 + 1));
    await choose(page.getByRole('combobox', { name: 'Supplier' }), 'Coastal Seafood');
    const meatFromCoastal = numbers((n) => n % 5 === 2 && n % 4 === 2);
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(meatFromCoastal.length + 1));
    await expect(kitchen.card('Value shown')).toContainText(worthOf(meatFromCoastal));
    expect((await kitchen.renderedNames())[0]).toBe(nameOf(meatFromCoastal[0] ?? 0));
    await app.shot('filtered');
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  });

  await test.step('scrolling to the bottom renders the last item', async () => {
    await expect(kitchen.row(nameOf(COUNT))).toHaveCount(0);
    await kitchen.table.hover();
    await expect(async () => {
      await page.mouse.wheel(0, 60_000);
      await expect(kitchen.row(nameOf(COUNT))).toBeInViewport({ timeout: 500 });
    }).toPass();
    await expect(kitchen.row(nameOf(COUNT))).toHaveAttribute('aria-rowindex', String(COUNT + 1));
    await expect(kitchen.row(nameOf(1))).toHaveCount(0);
    await kitchen.expectRow(nameOf(COUNT), { 'Unit cost': '0.00', 'On hand': '0 kg', 'Stock value': '0.00' });
    await app.shot('scrolled-to-the-end');
  });

  await test.step('sorting: by name descending, by stock value both ways', async () => {
    const name = kitchen.header('Name');
    await name.click();
    await name.click();
    await expect(kitchen.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    // A new order starts from the top.
    await expect.poll(async () => (await kitchen.renderedNames()).slice(0, 3)).toEqual([5000, 4999, 4998].map(nameOf));

    const byValue = numbers(() => true).sort((a, b) => stockOf(a) * costCents(a) - stockOf(b) * costCents(b) || a - b);
    const lowest = byValue[0] ?? 0;
    const highest = byValue.at(-1) ?? 0;
    const value = kitchen.header('Stock value');
    await value.click();
    await expect(kitchen.table.getByRole('columnheader', { name: 'Stock value' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const firstRowValue = kitchen.cellAt(0, 'Stock value');
    await expect(firstRowValue).toHaveText(worthOf([lowest]));
    await value.click();
    await expect(firstRowValue).toHaveText(worthOf([highest]));
    await app.shot('sorted-by-value');
  });

  await test.step('laptop and desktop widths', async () => {
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(kitchen.table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
      await app.shot(`${width}px`);
    }
  });
});
