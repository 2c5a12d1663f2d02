/**
 * Filling the stock book quickly (issue 8, "Quick to fill"): "Save and add another" keeps the
 * category, supplier and unit and puts the focus back on Name. Screenshots in e2e/screenshots/quick-entry/.
 */
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';
import { field } from './support/forms';

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
});

test('Save and add another keeps category, supplier and unit, and goes back to Name', async ({ app, page }) => {
  const kitchen = app.stock('kitchen');
  await kitchen.addButton.click();
  const dialog = kitchen.itemDialog;
  await kitchen.fillItem(TOMATOES);
  await dialog.getByRole('button', { name: 'Save and add another' }).click();

  await expect(field(dialog, 'Name')).toHaveValue('');
  await expect(field(dialog, 'Name')).toBeFocused();
  await expect(field(dialog, 'Category')).toHaveValue(TOMATOES.category);
  await expect(field(dialog, 'Supplier')).toHaveValue(TOMATOES.supplier);
  await expect(field(dialog, 'Unit')).toHaveValue(TOMATOES.unit);
  await expect(field(dialog, 'Unit cost')).toHaveValue('');
  await expect(field(dialog, 'Opening stock')).toHaveValue('');
  await kitchen.expectRow(TOMATOES.name, { 'On hand': '12 kg' });
  await app.shot('ready-for-the-next');

  await page.keyboard.type('Tomatoes, cherry');
  await field(dialog, 'Unit cost').fill('4.10');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await kitchen.expectRow('Tomatoes, cherry', {
    Category: TOMATOES.category,
    Supplier: TOMATOES.supplier,
    'On hand': '0 kg',
  });
});

test('the quick-entry grid: Tab, Enter, completion; right rows saved, wrong ones kept with their errors', async ({
  app,
  page,
}) => {
  const kitchen = app.stock('kitchen');
  await app.seed([TOMATOES]);
  await page.getByRole('button', { name: 'Quick entry' }).click();
  const grid = page.getByRole('table', { name: 'New kitchen items' });
  const cell = (label: string, row: number) => grid.getByLabel(`${label}, row ${row}`, { exact: true });

  // Category, supplier and unit complete from what the restaurant already uses.
  const suggested = await cell('Supplier', 1).evaluate((input) =>
    [...((input as unknown as { list: { options: { value: string }[] } }).list?.options ?? [])].map((o) => o.value),
  );
  expect(suggested).toContain(TOMATOES.supplier);

  await cell('Name', 1).click();
  for (const text of ['Cream, double', 'Dairy', 'Churn & Co', 'case', '12', '2', '3']) {
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  await cell('Opening stock', 1).press('Enter');
  await expect(cell('Name', 2)).toBeFocused();
  await page.keyboard.type('Butter, unsalted');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dairy');
  await cell('Unit', 2).fill('kg');
  await cell('Unit cost', 2).fill('-1');
  await cell('Unit cost', 2).press('Enter');
  await expect(cell('Name', 3)).toBeFocused();
  await app.shot('grid-typed');

  await page.getByRole('button', { name: 'Save items' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 row to fix' })).toBeVisible();
  const cost = cell('Unit cost', 1);
  await expect(cell('Name', 1)).toHaveValue('Butter, unsalted');
  await expect(cost).toHaveAttribute('aria-invalid', 'true');
  await expect(cost).toHaveAccessibleDescription('Unit cost: cannot be negative');
  await expect(cell('Category', 1)).toHaveValue('Dairy');
  await app.shot('grid-one-row-to-fix');

  await cost.fill('8.50');
  await page.getByRole('button', { name: 'Save items' }).click();
  await expect(grid).toBeHidden();
  // Units that are words are counted in the plural (issue 8, bug 6).
  await kitchen.expectRow('Cream, double', { Supplier: 'Churn & Co', 'On hand': '3 cases', 'Unit cost': '12.00' });
  await kitchen.expectRow('Butter, unsalted', { 'On hand': '0 kg', 'Unit cost': '8.50' });
  await app.shot('grid-saved');
});
