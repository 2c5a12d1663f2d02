/**
 * Stock in the order things happened (issue 9 §1): a delivery entered late is placed when it
 * arrived, a count as of an earlier time is the level then, and what happened after it still moves
 * the level; history shows when each happened, and when it was recorded where that differs. A time
 * in the future is refused at its field. Screenshots in e2e/screenshots/in-time/.
 */
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';
import { expectFieldError } from './support/forms';
import type { Reason } from './support/stock';

const HOUR = 60 * 60 * 1000;
const LEMONS = { ...TOMATOES, name: 'Lemons', unit: 'each', openingStock: '0' };

/** The browser runs in UTC (support/app.ts): a datetime-local field's text is the UTC time to the minute. */
const fieldTime = (date: Date) => date.toISOString().slice(0, 16);
/** "9:05 AM", as the history shows a time (en-US, UTC). */
const shownTime = (date: Date) =>
  date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([LEMONS]);
});

test('a count as of earlier and a delivery back-dated after it take their places; history shows both times', async ({
  app,
}) => {
  const kitchen = app.stock('kitchen');
  const now = new Date();
  const counted = new Date(now.getTime() - 3 * HOUR);
  const arrived = new Date(now.getTime() - 2 * HOUR);
  const earlier = (reason: Reason, when: Date) => async (popover: import('@playwright/test').Locator) => {
    await popover.getByRole('button', { name: 'Earlier…' }).click();
    const field = popover.getByLabel(reason === 'Count' ? 'As of' : 'When', { exact: true });
    await expect(field).toBeFocused();
    await field.fill(fieldTime(when));
    if (reason === 'Delivery') await app.shot('delivery-back-dated');
  };

  await kitchen.adjust(LEMONS.name, 'Usage', '1');
  await kitchen.expectRow(LEMONS.name, { 'On hand': '-1 each' });
  // Counted three hours ago, entered now: the usage just recorded came after it.
  await kitchen.adjust(LEMONS.name, 'Count', '20', 'Morning count', earlier('Count', counted));
  await kitchen.expectRow(LEMONS.name, { 'On hand': '19 each' });
  // "It arrived two hours ago": after the count, so it adds.
  await kitchen.adjust(LEMONS.name, 'Delivery', '12', 'Invoice 7731', earlier('Delivery', arrived));
  await kitchen.expectRow(LEMONS.name, { 'On hand': '31 each' });

  const drawer = await kitchen.openHistory(LEMONS.name);
  const rows = drawer.getByRole('table', { name: `Stock movements of ${LEMONS.name}` }).getByRole('row');
  await expect(rows).toHaveCount(4);
  // Newest first, in the order things happened: the usage, the delivery, the count.
  await expect(rows.nth(1)).toContainText('Usage');
  await expect(rows.nth(1)).toContainText('31');
  await expect(rows.nth(2)).toContainText('Delivery');
  await expect(rows.nth(2)).toContainText(`arrived ${shownTime(arrived)}, recorded`);
  await expect(rows.nth(2)).toContainText('32');
  await expect(rows.nth(3)).toContainText('Count');
  await expect(rows.nth(3)).toContainText(`counted ${shownTime(counted)}, recorded`);
  await expect(rows.nth(3)).toContainText('20');
  // The usage happened when it was recorded: one time only.
  await expect(rows.nth(1)).not.toContainText('recorded');
  await app.shot('history-both-times');
});

test('a time in the future is refused at its field, and nothing is saved', async ({ app }) => {
  const kitchen = app.stock('kitchen');
  await kitchen.adjustButton(LEMONS.name).click();
  const popover = kitchen.adjustPopover(LEMONS.name);
  await kitchen.amountField(popover, 'Delivery').fill('5');
  await popover.getByRole('button', { name: 'Earlier…' }).click();
  const when = popover.getByLabel('When', { exact: true });
  await when.fill(fieldTime(new Date(Date.now() + 24 * HOUR)));
  await popover.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(when, 'When it happened cannot be in the future');
  await app.shot('future-refused');
  await app.page.keyboard.press('Escape');
  await kitchen.expectRow(LEMONS.name, { 'On hand': '0 each' });
});
