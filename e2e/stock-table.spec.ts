/**
 * The stock table's layout: at a laptop's 1,366 px it gives long names the room it has (bug 7);
 * a long list scrolls inside the table and never stretches the page (bug 2). Screenshots in
 * e2e/screenshots/stock-table/.
 */
import { expect, test } from './support/app';
import { OLIVE_OIL_TIN, OWNER, TOMATOES } from './support/data';

/** What the spec reads of the page's own document (e2e has no DOM types). */
interface PageSize {
  document: { documentElement: { scrollHeight: number } };
}

test('long item and supplier names are shown whole at 1,366 px (bug 7)', async ({ app, preview, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([OLIVE_OIL_TIN, TOMATOES]);
  const kitchen = app.stock('kitchen');
  await kitchen.expectRow(OLIVE_OIL_TIN.name, { Supplier: OLIVE_OIL_TIN.supplier, Category: OLIVE_OIL_TIN.category });
  for (const column of ['Name', 'Category', 'Supplier', 'On hand', 'Unit cost', 'Stock value'] as const) {
    expect(await kitchen.isCut(OLIVE_OIL_TIN.name, column), `${column} cut off`).toBe(false);
  }
  await app.shot('1366px-long-names');
});

test('wheeling on past the end of a long list keeps the page in place (bug 2)', async ({ app, preview, page }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  // Below par, so every row carries its "Below par: order more" label for screen readers.
  const names = Array.from({ length: 300 }, (_, i) => `Shelf item ${String(i + 1).padStart(3, '0')}`);
  await app.seed(names.map((name) => ({ ...TOMATOES, name, openingStock: '1' })));
  const kitchen = app.stock('kitchen');
  const last = kitchen.row(names.at(-1) ?? '');
  await kitchen.table.hover();
  await expect(async () => {
    await page.mouse.wheel(0, 5_000);
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass();
  for (let turn = 0; turn < 5; turn++) await page.mouse.wheel(0, 5_000);
  await expect(app.heading('Kitchen stock')).toBeInViewport();
  await expect(last).toBeInViewport();
  // Nothing inside the table stretches the page below it.
  const pageHeight = await page.evaluate(
    () => (globalThis as unknown as PageSize).document.documentElement.scrollHeight,
  );
  expect(pageHeight).toBe(page.viewportSize()?.height);
  await app.shot('wheeled-past-the-end');
});
