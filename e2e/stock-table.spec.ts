/**
 * The stock table's layout: at a laptop's 1,366 px the table gives long names the room it has
 * (bug 7). Screenshots in e2e/screenshots/stock-table/.
 */
import { expect, test } from './support/app';
import { OLIVE_OIL_TIN, OWNER, TOMATOES } from './support/data';

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
