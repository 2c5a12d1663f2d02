/**
 * Each mistake gets a message that names what is wrong with it (issue 8, bug 5): a negative, too
 * large, "$19.99" or empty cost, a negative par, an empty username, a port out of range — which is
 * refused as typed, never quietly changed. Screenshots in e2e/screenshots/error-messages/.
 */
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';
import { expectFieldError, field } from './support/forms';

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
});

test('item dialog: each wrong cost and par says what is wrong', async ({ app }) => {
  await app.registerQuickly(OWNER);
  const kitchen = app.stock('kitchen');
  await kitchen.addButton.click();
  const dialog = kitchen.itemDialog;
  const add = dialog.getByRole('button', { name: 'Add item' });
  const cost = field(dialog, 'Unit cost');
  await kitchen.fillItem({ ...TOMATOES, unitCost: '', par: '-1' });
  await add.click();
  await expectFieldError(cost, 'Enter an amount like 12.50');
  await expectFieldError(field(dialog, 'Par level'), 'Cannot be negative');
  await app.shot('empty-cost-negative-par');

  for (const [typed, message] of <[string, string][]>[
    ['-3.20', 'Cannot be negative'],
    ['123456789', 'Too large: at most 99,999,999.99'],
    ['$19.99', 'Leave out the currency sign: type 19.99'],
  ]) {
    await cost.fill(typed);
    await add.click();
    await expectFieldError(cost, message);
  }
  await app.shot('currency-sign');
  await expect(cost).toHaveValue('$19.99');
});

test('registration: an empty username is required, not too short', async ({ app }) => {
  await app.showRegistration();
  const form = app.registerForm;
  await form.getByRole('button', { name: 'Create restaurant' }).click();
  await expectFieldError(field(form, 'Username'), 'Username is required');
  await field(form, 'Username').fill('ab');
  await form.getByRole('button', { name: 'Create restaurant' }).click();
  await expectFieldError(field(form, 'Username'), 'Username must be at least 3 characters');
});

test('central server: port 70000 is refused as typed, not changed to 65535', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Central server…' }).click();
  const form = page.getByRole('form', { name: 'Central server connection' });
  const port = field(form, 'Port');
  await port.fill('70000');
  await field(form, 'Database').click();
  await expect(port).toHaveValue('70000');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expectFieldError(port, 'Port must be between 1 and 65535');
  await expect(port).toHaveValue('70000');
  await app.shot('port-out-of-range');
});
