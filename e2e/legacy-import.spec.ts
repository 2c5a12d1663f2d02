/**
 * A restaurant that used the old KitchenGuard, brought over into one computer with no server, from
 * the sign-in screen: the old server's address and login, the owner's old username and password (a
 * wrong one is refused at its field), the plan for her restaurant with every decision, then the
 * import, which signs her in on the imported stock. Screenshots in e2e/screenshots/legacy-import/.
 */
import { chooseCurrency, expect, test } from './support/app';
import { expectFieldError, field } from './support/forms';
import { OLD_ALICE, oldKitchenGuard } from './support/old-kitchenguard';

test('the owner brings her restaurant over from the old KitchenGuard and lands on its stock', async ({
  app,
  preview,
  page,
}) => {
  const old = oldKitchenGuard();
  await app.open(preview.url);
  await page.getByRole('button', { name: 'Bring over from the old KitchenGuard' }).click();
  const form = page.getByRole('form', { name: 'Bring over from the old KitchenGuard' });

  await test.step('the old server and her old sign-in; a wrong old password is refused at its field', async () => {
    await expect(field(form, 'Accounts database')).toHaveValue('kitchenguard_auth');
    await expect(field(form, 'Stock database')).toHaveValue('kitchenguard_inventory');
    await field(form, 'Host').fill(old.host);
    await field(form, 'Port').fill(String(old.port));
    await field(form, 'Accounts database').fill(old.authDatabase);
    await field(form, 'Stock database').fill(old.inventoryDatabase);
    await field(form, 'Database user').fill(old.user);
    await field(form, 'Database password').fill(old.password);
    await field(form, 'CA bundle file').fill(old.caFile);
    await field(form, 'Old username or email').fill(OLD_ALICE.login);
    await field(form, 'Old password').fill('not my old password');
    await app.shot('old-server-and-sign-in');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expectFieldError(field(form, 'Old password'), 'Old username or password is incorrect.');
    await app.shot('wrong-old-password');
  });

  await test.step('the plan: her restaurant, its people, its items, and each decision with why', async () => {
    await field(form, 'Old password').fill(OLD_ALICE.password);
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { name: 'Bring over Harbour Bistro' })).toBeVisible();
    const team = page.getByRole('table', { name: 'Team members brought over' });
    await expect(team.getByRole('row')).toHaveCount(4);
    await expect(team).toContainText('alice');
    await expect(team).toContainText('inactive');
    await expect(page.getByRole('group', { name: 'Kitchen' })).toContainText('4');
    await expect(page.getByRole('group', { name: 'Bar' })).toContainText('1');
    await expect(
      page.getByText('Importing writes the restaurant, 3 team members, 5 items, 5 opening counts'),
    ).toBeVisible();
    const decisions = page.getByRole('list', { name: /Decisions/ });
    await expect(decisions).toContainText('Merged from 2 old rows');
    await expect(decisions).toContainText('named "Flour (kg)"');
    await expect(decisions).toContainText('Stock -3 is negative: counted as 0');
    // The old KitchenGuard had no currency: the computer's own (en-US here) is suggested, as at registration.
    const plan = page.getByRole('region', { name: 'Bring over Harbour Bistro' });
    await expect(plan.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD – US Dollar');
    await chooseCurrency(plan, 'EUR');
    await app.shot('preview');
  });

  await test.step('the import signs her in on the imported stock', async () => {
    await page.getByRole('button', { name: 'Import and sign in' }).click();
    await app.expectScreen('Kitchen');
    await expect(page.getByText('Harbour Bistro is brought over')).toBeVisible();
    const kitchen = app.stock('kitchen');
    await expect(kitchen.cell('Tomatoes', 'On hand')).toHaveText('8.25 kg');
    await expect(kitchen.cell('Flour (bag)', 'On hand')).toHaveText('2 bags');
    await expect(kitchen.cell('Tomatoes', 'Unit cost')).toHaveText('€2.50');
    await app.shot('imported-kitchen');
    await app.go('Bar');
    await expect(app.stock('bar').cell('Gin', 'On hand')).toHaveText('5 bottles');
  });
});
