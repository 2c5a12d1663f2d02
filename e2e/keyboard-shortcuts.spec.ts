/**
 * Reaching the work with the keyboard (issue 8, bug 8): a skip link first, "Skip to stock list",
 * to the first row; after signing in by keyboard the focus is on the page's heading, not lost on the
 * body; the row's History and More buttons are big enough to hit (32 px, WCAG 2.5.8 asks 24).
 * Screenshots in e2e/screenshots/keyboard-shortcuts/.
 */
import { expect, test } from './support/app';
import { FLOUR, OLIVE_OIL, OWNER } from './support/data';
import { field } from './support/forms';

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([FLOUR, OLIVE_OIL]);
});

test('signing in by keyboard puts the focus on the page heading', async ({ app, page }) => {
  await app.signOut();
  await field(app.signInForm, 'Username or email').fill(OWNER.username);
  await field(app.signInForm, 'Password').fill(OWNER.password);
  await page.keyboard.press('Enter');
  await expect(app.heading('Kitchen stock')).toBeFocused();
});

test('the first Tab offers "Skip to stock list", which goes to the first row', async ({ app, page }) => {
  const kitchen = app.stock('kitchen');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to stock list' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.shot('skip-link');
  await page.keyboard.press('Enter');
  await expect(kitchen.adjustButton(FLOUR.name)).toBeFocused();

  await app.go('Settings');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveCount(1);
});

test('History and More are at least 32 px square', async ({ app }) => {
  const kitchen = app.stock('kitchen');
  for (const button of [
    kitchen.row(FLOUR.name).getByRole('button', { name: `History of ${FLOUR.name}` }),
    kitchen.moreButton(FLOUR.name),
  ]) {
    const box = await button.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(32);
    expect(box?.height).toBeGreaterThanOrEqual(32);
  }
  await app.shot('row-buttons');
});
