/**
 * Form errors are shown AT the field (marked invalid, the message as its description) and what the
 * person typed stays; fixing it and saving works. Screenshots in e2e/screenshots/forms/.
 */
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';
import { expectFieldError, expectFieldValid, field } from './support/forms';

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
});

test('registration: empty, too short and malformed values are marked at their fields', async ({ app }) => {
  await app.showRegistration();
  const form = app.registerForm;
  const submit = form.getByRole('button', { name: 'Create restaurant' });

  await submit.click();
  await expectFieldError(field(form, 'Restaurant name'), 'Restaurant name is required');
  await expectFieldError(form.getByRole('combobox', { name: 'Type' }), 'Choose a restaurant type');
  await expectFieldError(field(form, 'Full name'), 'Full name is required');
  // The first invalid field has the focus, so typing fixes it.
  await expect(field(form, 'Restaurant name')).toBeFocused();

  await app.fillRegistration({ ...OWNER, email: 'ada@copperpot', password: 'short' });
  await submit.click();
  await expectFieldError(field(form, 'Password'), 'Password must be at least 10 characters');
  await expectFieldError(field(form, 'Email'), 'Enter a valid email address');
  await expectFieldValid(field(form, 'Restaurant name'));
  await expectFieldValid(field(form, 'Username'));
  // What was typed is still there.
  await expect(field(form, 'Restaurant name')).toHaveValue(OWNER.restaurantName);
  await expect(form.getByRole('combobox', { name: 'Type' })).toHaveValue(OWNER.restaurantType);
  await expect(field(form, 'Email')).toHaveValue('ada@copperpot');
  await expect(field(form, 'Password')).toHaveValue('short');
  await app.shot('register-errors');

  await field(form, 'Email').fill(OWNER.email);
  await field(form, 'Password').fill(OWNER.password);
  await expectFieldValid(field(form, 'Password'));
  await app.submitRegistration();
});

test('registration in a short window: the card starts at the top with its heading; the side scrolls to every field', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  await app.showRegistration();
  const form = app.registerForm;
  const heading = form.getByRole('heading', { name: 'Register your restaurant' });
  // Taller than the window: centred, its top would sit above the page, where no scrolling reaches.
  expect((await form.boundingBox())!.height).toBeGreaterThan(560);
  await heading.scrollIntoViewIfNeeded();
  await expect(heading).toBeInViewport({ ratio: 1 });
  await app.shot('register-short-window-top');

  await form.getByRole('button', { name: 'Create restaurant' }).click();
  await expectFieldError(field(form, 'Restaurant name'), 'Restaurant name is required');
  await expectFieldError(form.getByRole('combobox', { name: 'Type' }), 'Choose a restaurant type');
  await expectFieldError(field(form, 'Full name'), 'Full name is required');
  await expectFieldError(field(form, 'Password'), 'Password must be at least 10 characters');
  await expect(field(form, 'Restaurant name')).toBeFocused();
  await app.shot('register-short-window-errors');
  await form.getByRole('button', { name: 'Create restaurant' }).scrollIntoViewIfNeeded();
  await expect(form.getByRole('button', { name: 'Create restaurant' })).toBeInViewport({ ratio: 1 });
  await app.shot('register-short-window-bottom');
});

test('sign-in: a wrong password says so, keeps the login, and the right one gets in', async ({ app }) => {
  await app.registerQuickly(OWNER);
  await app.signOut();

  await app.fillSignIn(OWNER.username, 'not-the-password');
  await app.submitSignIn();
  // Deliberately not at one field: it must not tell which of the two was wrong.
  await expect(app.signInForm.getByRole('alert')).toHaveText('Username or password is incorrect.');
  await expect(field(app.signInForm, 'Username or email')).toHaveValue(OWNER.username);
  await app.shot('sign-in-wrong-password');

  await app.signIn(OWNER.username, OWNER.password);
});

test('item dialog: empty name, a cost with three decimals, a duplicate name; then it saves', async ({ app }) => {
  await app.registerQuickly(OWNER);
  const kitchen = app.stock('kitchen');
  await kitchen.addItem(TOMATOES);

  await kitchen.addButton.click();
  const dialog = kitchen.itemDialog;
  await kitchen.fillItem({ ...TOMATOES, name: '', unitCost: '1.234' });
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expectFieldError(field(dialog, 'Name'), 'Name is required');
  await expectFieldError(field(dialog, 'Unit cost'), 'Too many decimals: two decimals at most');
  // The first invalid field in the form's order has the focus (Name comes before Unit cost).
  await expect(field(dialog, 'Name')).toBeFocused();
  await expect(field(dialog, 'Unit cost')).toHaveValue('1.234');
  await expect(field(dialog, 'Supplier')).toHaveValue(TOMATOES.supplier);
  await app.shot('item-errors');

  // The core knows the name is taken: its answer lands at the Name field too.
  await kitchen.fillItem({ name: TOMATOES.name, unitCost: '1.23' });
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expectFieldError(field(dialog, 'Name'), `There is already an item called "${TOMATOES.name}" in the kitchen.`);
  await expectFieldValid(field(dialog, 'Unit cost'));
  await expect(field(dialog, 'Par level')).toHaveValue(TOMATOES.par);
  await app.shot('item-duplicate-name');

  // A decimal comma is read as a point.
  await kitchen.fillItem({ name: 'Tomatoes, cherry', unitCost: '2,40' });
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog).toBeHidden();
  await kitchen.expectRow('Tomatoes, cherry', { 'Unit cost': '2.40', 'On hand': '12 kg', 'Stock value': '28.80' });
});

test('adjust popover: an amount that is not a number, a negative count; then it saves', async ({ app }) => {
  await app.registerQuickly(OWNER);
  const kitchen = app.stock('kitchen');
  await kitchen.addItem(TOMATOES);

  await kitchen.adjustButton(TOMATOES.name).click();
  const popover = kitchen.adjustPopover(TOMATOES.name);
  const amount = kitchen.amountField(popover, 'Delivery');
  await amount.fill('two');
  await popover.getByRole('textbox', { name: 'Note' }).fill('Invoice 7');
  await popover.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(amount, 'Must be a number like 2.5 or -1');
  await expect(amount).toHaveValue('two');
  await app.shot('adjust-not-a-number');

  await popover.getByText('Count', { exact: true }).click();
  const counted = kitchen.amountField(popover, 'Count');
  await counted.fill('-1');
  await popover.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(counted, 'A count cannot be negative');
  await expect(popover.getByRole('textbox', { name: 'Note' })).toHaveValue('Invoice 7');

  await counted.fill('11');
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();
  await kitchen.expectRow(TOMATOES.name, { 'On hand': '11 kg', 'Stock value': '35.20' });
});

test('change password: a wrong current password is marked at that field', async ({ app }) => {
  await app.registerQuickly(OWNER);
  await app.go('Settings');
  const section = app.page.getByRole('region', { name: 'Change password' });
  await field(section, 'Current password').fill('not-the-password');
  await field(section, 'New password').fill('a-brand-new-password');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expectFieldError(field(section, 'Current password'), 'Current password is incorrect.');
  await expect(field(section, 'New password')).toHaveValue('a-brand-new-password');
  await app.shot('change-password-wrong');

  await field(section, 'Current password').fill(OWNER.password);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(field(section, 'Current password')).toHaveValue('');
  const changed = app.page.getByRole('alert').filter({ hasText: 'Password changed.' });
  await expect(changed).toBeVisible();
  // What the app told the user who signs out is not left for whoever signs in next. The pointer
  // rests on the message, which keeps it open (a toast waits while it is hovered), and the sign-out
  // is done from the keyboard: only the sign-out itself can take the message away.
  await changed.hover();
  await app.navigation.getByRole('button', { name: 'Sign out' }).focus();
  await app.page.keyboard.press('Enter');
  await expect(app.signInForm).toBeVisible();
  await expect(changed).toHaveCount(0);
  await app.signIn(OWNER.username, 'a-brand-new-password');
});
