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
