/**
 * A computer without a keychain (issue 8, bug 4): the sign-in screen says once, in the app's words,
 * that the sign-in will not be remembered; nothing covers the page once signed in; the status bar
 * keeps a short note whose explanation shows on keyboard focus as on hover (bug 8).
 * The core runs with a D-Bus address where nothing answers, so @napi-rs/keyring finds no keychain.
 * Screenshots in e2e/screenshots/keychain-notice/.
 */
import { expect, test } from './support/app';
import { OWNER } from './support/data';

const IN_APP_WORDS =
  'This computer has no keychain KitchenGuard can use, so you will sign in each time the app starts.';

test.use({ previewEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kitchenguard-e2e-bus' } });

test('no keychain: said on the sign-in screen, never over the work, explained in the status bar', async ({
  app,
  page,
  preview,
}) => {
  await app.open(preview.url);
  const note = page.getByRole('note').filter({ hasText: 'Sign-in will not be remembered' });
  await expect(note).toHaveText(`Sign-in will not be remembered${IN_APP_WORDS}`);
  await app.shot('sign-in-screen');

  await app.register(OWNER);
  await expect(app.heading('Kitchen stock')).toBeVisible();
  // Nothing about it floats over the page, its title or a dialog.
  await expect(page.getByText('Sign-in will not be remembered')).toHaveCount(0);
  await app.stock('kitchen').addButton.click();
  await expect(app.stock('kitchen').itemDialog).toBeVisible();
  await expect(page.getByText('Sign-in will not be remembered')).toHaveCount(0);
  await app.shot('item-dialog-uncovered');
  await page.keyboard.press('Escape');

  // The library's own words are never shown.
  await expect(page.getByText(/AccessDenied|platform storage|org\.freedesktop/)).toHaveCount(0);

  const notRemembered = app.statusBar.getByLabel(/^Sign-in not remembered/);
  await notRemembered.focus();
  await expect(page.getByRole('tooltip')).toHaveText(IN_APP_WORDS);
  await app.shot('status-bar-explained');
});
