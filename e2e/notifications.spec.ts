/**
 * Messages that come and go ("Tomatoes, vine added to the kitchen.") never cover the page's title
 * and its line under it, the value cards, or the title of the dialog still open, at a laptop's and
 * a desktop's width (issue 8). Screenshots in e2e/screenshots/notifications/.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/app';
import { OWNER, TOMATOES } from './support/data';

const SIZES = [
  [1366, 768],
  [1920, 1080],
] as const;

/** Fails naming what the message covers, if it covers any of `parts`. */
async function expectUncovered(message: Locator, parts: Record<string, Locator>): Promise<void> {
  const over = await message.boundingBox();
  expect(over, 'the message is on screen').not.toBeNull();
  if (!over) return;
  for (const [name, part] of Object.entries(parts)) {
    const box = await part.boundingBox();
    expect(box, `${name} is on screen`).not.toBeNull();
    if (!box) continue;
    const apart =
      over.x + over.width <= box.x ||
      box.x + box.width <= over.x ||
      over.y + over.height <= box.y ||
      box.y + box.height <= over.y;
    expect(apart, `the message covers ${name}`).toBe(true);
  }
}

test('a saved item is said where it covers no title, card or dialog title', async ({ app, preview, page }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  const kitchen = app.stock('kitchen');
  await app.seed([TOMATOES]);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    const name = `Tomatoes, plum ${width}`;
    await kitchen.addButton.click();
    await kitchen.fillItem({ ...TOMATOES, name });
    // The dialog stays open for the next item, and the message says the last one was added.
    await kitchen.itemDialog.getByRole('button', { name: 'Save and add another' }).click();
    const message = page.getByRole('alert').filter({ hasText: `${name} added to the kitchen.` });
    await expect(message).toBeVisible();
    // Kept while the pointer is on it (a success goes after 3 s); measured once it has slid in.
    await message.hover();
    await app.shot(`${width}px-added-with-dialog-open`);
    await expectUncovered(message, {
      'the page title': app.heading('Kitchen stock'),
      'the line under the title': page.getByText(
        'What is on the kitchen shelves, what it is worth, and what to order.',
      ),
      'the stock value card': kitchen.card('kitchen stock value'),
      'the value shown card': kitchen.card('Value shown'),
      'the to order card': kitchen.card('To order'),
      'the dialog title': kitchen.itemDialog.getByRole('heading', { name: 'Add a kitchen item' }),
    });
    await page.keyboard.press('Escape');
    await expect(kitchen.itemDialog).toBeHidden();
  }
});
