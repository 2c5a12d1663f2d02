/**
 * Issue 2's end-to-end flow, as an owner lives it: register → add kitchen and bar items → adjust
 * stock → the core restarts on the same data folder → still signed in, everything intact → sign
 * out → sign in. Every screen on the way is saved to e2e/screenshots/app-flow/.
 */
import { expect, KEYCHAIN_EXPECTED, test } from './support/app';
import { FLOUR, GIN, LIMES, OLIVE_OIL, OWNER, TOMATOES } from './support/data';
import { COLUMNS } from './support/stock';

test('register, stock the kitchen and bar, adjust, survive a restart, sign out and in', async ({ app, preview }) => {
  const kitchen = app.stock('kitchen');
  const bar = app.stock('bar');

  await test.step('register a restaurant', async () => {
    await app.open(preview.url);
    await expect(app.signInForm).toBeVisible();
    await app.shot('sign-in');
    await app.showRegistration();
    await app.fillRegistration(OWNER);
    // The computer's own currency (en-US here) is suggested; money then shows in it.
    await expect(app.registerForm.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD – US Dollar');
    await app.shot('register');
    await app.submitRegistration();
    await expect(app.statusBar).toContainText(`${OWNER.fullName} · ${OWNER.restaurantName}`);
    // Words for the restaurant, not the developer: no schema version down there (Settings has it).
    await expect(app.statusBar).toContainText('Saved on this computer');
    await expect(app.statusBar.getByRole('status')).toHaveText('Central server: not set up');
    await expect(app.statusBar).not.toContainText('schema');
    await expect(
      app.page.getByRole('heading', { level: 2, name: 'No kitchen items yet — add your first item' }),
    ).toBeVisible();
    await app.shot('kitchen-empty');
  });

  await test.step('add kitchen items', async () => {
    await kitchen.addItem(TOMATOES, () => app.shot('item-dialog'));
    // The empty list's "Add item" is gone with the first item: the header's has the focus instead.
    await expect(kitchen.addButton).toBeFocused();
    await kitchen.addItem(OLIVE_OIL);
    await kitchen.addItem(FLOUR);
    await expect(kitchen.table.getByRole('columnheader')).toHaveText([...COLUMNS]);
    await kitchen.expectRow(TOMATOES.name, {
      Category: 'Produce',
      Supplier: 'Green Valley Farms',
      'On hand': '12 kg',
      Par: '10',
      'Unit cost': '$3.20',
      'Stock value': '$38.40',
    });
    await kitchen.expectRow(OLIVE_OIL.name, { 'On hand': '0 bottles', 'Unit cost': '$19.99', 'Stock value': '$0.00' });
    await kitchen.expectRow(FLOUR.name, { 'On hand': '5 bags', 'Stock value': '$122.50' });
    // 38.40 + 0.00 + 122.50; the olive oil (0 of par 2) must be ordered.
    await kitchen.expectTotal('$160.90', '3 items');
    await expect(kitchen.card('To order')).toContainText('1 item');
    await app.shot('kitchen-items');
  });

  await test.step('add bar items', async () => {
    await app.go('Bar');
    await bar.addItem(GIN, () => app.shot('bar-item-dialog'));
    await bar.addItem(LIMES);
    await bar.expectRow(GIN.name, { 'On hand': '8 bottles', 'Unit cost': '$27.45', 'Stock value': '$219.60' });
    await bar.expectRow(LIMES.name, { 'On hand': '60 each', 'Unit cost': '$0.35', 'Stock value': '$21.00' });
    await bar.expectTotal('$240.60', '2 items');
    await app.shot('bar-items');
  });

  await test.step('adjust stock: a delivery, a usage, a count', async () => {
    await bar.adjust(GIN.name, 'Count', '7', 'Friday close', () => app.shot('adjust-count'));
    // 7 × 27.45
    await bar.expectRow(GIN.name, { 'On hand': '7 bottles', 'Stock value': '$192.15' });
    await bar.expectTotal('$213.15', '2 items');

    await app.go('Kitchen');
    await kitchen.adjust(OLIVE_OIL.name, 'Delivery', '3', 'Invoice 1042', async (popover) => {
      await expect(popover).toContainText('0 bottles');
      await expect(popover).toContainText('3 bottles');
      await app.shot('adjust-delivery');
    });
    // 3 × 19.99
    await kitchen.expectRow(OLIVE_OIL.name, { 'On hand': '3 bottles', 'Stock value': '$59.97' });
    await kitchen.adjust(TOMATOES.name, 'Usage', '2.5', 'Sauce base');
    // 9.5 × 3.20, now below its par of 10
    await kitchen.expectRow(TOMATOES.name, { 'On hand': '9.5 kg', 'Stock value': '$30.40' });
    await expect(kitchen.cell(TOMATOES.name, 'On hand')).toContainText('Below par: order more');
    await kitchen.expectTotal('$212.87', '3 items');
    await expect(kitchen.card('To order')).toContainText('1 item');
    await app.shot('kitchen-adjusted');
  });

  await test.step('the history of an item', async () => {
    const drawer = await kitchen.openHistory(TOMATOES.name);
    const movements = drawer.getByRole('table', { name: `Stock movements of ${TOMATOES.name}` });
    // Newest first: the usage, then the opening stock of 12.
    const rows = movements.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('Usage');
    await expect(rows.nth(1)).toContainText('-2.5');
    await expect(rows.nth(1)).toContainText('9.5');
    await expect(rows.nth(1)).toContainText('Sauce base');
    await expect(rows.nth(1)).toContainText(OWNER.fullName);
    await app.shot('history-drawer');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
  });

  await test.step('the team and settings screens', async () => {
    await app.go('Team');
    const team = app.page.getByRole('table', { name: 'Team members' });
    await expect(team.getByRole('row')).toHaveCount(2);
    await expect(team).toContainText(OWNER.fullName);
    await expect(team).toContainText('You');
    await app.shot('team');
    await app.go('Settings');
    await expect(app.page.getByRole('textbox', { name: 'Username' })).toHaveValue(OWNER.username);
    const device = app.page.getByRole('region', { name: 'This computer' });
    await expect(device).toContainText(/Local schema\s*Version \d+/);
    if (KEYCHAIN_EXPECTED) await expect(device.getByText('Sign-in remembered')).toBeVisible();
    await app.shot('settings');
  });

  const kitchenBefore = await test.step('note what the stock screens show', async () => {
    await app.go('Kitchen');
    await expect(kitchen.row(TOMATOES.name)).toBeVisible();
    return kitchen.renderedRows();
  });
  expect(kitchenBefore).toHaveLength(3);

  await test.step('restart the core on the same data folder', async () => {
    const url = await preview.restart();
    await app.open(url);
    if (KEYCHAIN_EXPECTED) {
      // Remembered by the OS keychain: straight back in, no password asked.
      await app.expectScreen('Kitchen');
      await expect(app.signInForm).toHaveCount(0);
    } else {
      // No keychain here (outside `npm test`): the app must say so and ask to sign in.
      await app.signIn(OWNER.username, OWNER.password);
    }
    await expect(app.statusBar).toContainText(`${OWNER.fullName} · ${OWNER.restaurantName}`);
    await expect(kitchen.row(TOMATOES.name)).toBeVisible();
    expect(await kitchen.renderedRows()).toEqual(kitchenBefore);
    await kitchen.expectTotal('$212.87', '3 items');
    await app.shot('kitchen-after-restart');
    await app.go('Bar');
    await bar.expectRow(GIN.name, { 'On hand': '7 bottles', 'Stock value': '$192.15' });
    await bar.expectRow(LIMES.name, { 'On hand': '60 each', 'Stock value': '$21.00' });
    await bar.expectTotal('$213.15', '2 items');
  });

  await test.step('sign out, and sign in again', async () => {
    await app.signOut();
    await app.shot('signed-out');
    await app.fillSignIn(OWNER.email, OWNER.password);
    await app.shot('sign-in-filled');
    await app.submitSignIn();
    await app.expectScreen('Kitchen');
    await kitchen.expectRow(OLIVE_OIL.name, { 'On hand': '3 bottles', 'Stock value': '$59.97' });
    await app.shot('signed-in-again');
  });
});
