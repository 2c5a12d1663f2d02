/**
 * The Adjust popover (issue 8, bugs 1 and 3): the first click on a reason counts, on any row; no
 * error before anything was typed; a reason chosen with the mouse sends the focus to the amount; a
 * delivery typed as "-3" is refused with a message, never saved as +3; usage larger than what is on
 * hand is pointed out before saving. Screenshots in e2e/screenshots/adjust-stock/.
 */
import type { ChannelInput } from '../shared/contract';
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';
import { expectFieldError } from './support/forms';

/** Enough rows that the last one (Tomatoes, by name) opens its popover above it. */
const SHELF: ChannelInput<'inventory.create'>[] = Array.from({ length: 14 }, (_, i) => ({
  area: 'kitchen',
  name: `Shelf item ${String(i + 1).padStart(2, '0')}`,
  category: 'Dry goods',
  supplier: 'Mill & Sons',
  unit: 'kg',
  unitCost: '1.00',
  par: null,
  openingStock: '5',
}));

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([TOMATOES, ...SHELF]);
});

test('one click on a reason chooses it, on the top row and the bottom one; the amount gets the focus', async ({
  app,
}) => {
  const kitchen = app.stock('kitchen');
  for (const name of ['Shelf item 01', TOMATOES.name]) {
    await kitchen.adjustButton(name).click();
    const popover = kitchen.adjustPopover(name);
    await expect(kitchen.amountField(popover, 'Delivery')).toBeFocused();
    await popover.getByText('Usage', { exact: true }).click();
    await expect(popover.getByRole('radio', { name: 'Usage' })).toBeChecked();
    // Nothing typed yet: nothing is wrong yet.
    await expect(popover.getByText(/^Must be|^Enter a/)).toHaveCount(0);
    await expect(kitchen.amountField(popover, 'Usage')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(kitchen.amountField(popover, 'Usage')).toBeFocused();
    await app.shot(`reason-chosen-${name === TOMATOES.name ? 'bottom' : 'top'}-row`);

    // From the note too, a reason chosen sends the focus to the amount.
    await popover.getByRole('textbox', { name: 'Note' }).click();
    await popover.getByText('Waste', { exact: true }).click();
    await expect(popover.getByRole('radio', { name: 'Waste' })).toBeChecked();
    await expect(kitchen.amountField(popover, 'Waste')).toBeFocused();
    await app.page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
  }
});

test('a delivery of "-3" is refused with a message, not saved as +3', async ({ app }) => {
  const kitchen = app.stock('kitchen');
  await kitchen.adjustButton(TOMATOES.name).click();
  const popover = kitchen.adjustPopover(TOMATOES.name);
  const amount = kitchen.amountField(popover, 'Delivery');
  await amount.fill('-3');
  await popover.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(amount, 'A delivery adds stock: enter a positive amount');
  await expect(amount).toHaveValue('-3');
  await app.shot('negative-delivery');
  await app.page.keyboard.press('Escape');
  await kitchen.expectRow(TOMATOES.name, { 'On hand': '12 kg' });
});

test('usage larger than what is on hand says so before saving', async ({ app }) => {
  const kitchen = app.stock('kitchen');
  await kitchen.adjustButton(TOMATOES.name).click();
  const popover = kitchen.adjustPopover(TOMATOES.name);
  await popover.getByText('Usage', { exact: true }).click();
  const amount = kitchen.amountField(popover, 'Usage');
  await amount.fill('12');
  await expect(popover.getByRole('status')).toHaveCount(0);
  await expect(popover.getByRole('button', { name: 'Save', exact: true })).toBeVisible();

  await amount.fill('20');
  await expect(popover.getByRole('status')).toHaveText(
    `This takes ${TOMATOES.name} below zero. ${'Save anyway if it is right (a delivery not booked yet).'}`,
  );
  await app.shot('usage-below-zero');
  await popover.getByRole('button', { name: 'Save anyway' }).click();
  await expect(popover).toBeHidden();
  await kitchen.expectRow(TOMATOES.name, { 'On hand': '-8 kg' });
});
