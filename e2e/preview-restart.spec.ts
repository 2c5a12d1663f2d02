/**
 * The browser preview restarted on the same data folder (issue 8, bug 9): it comes back on the same
 * address, and a tab left open says it is reconnecting, then goes on working without being reopened.
 * Screenshots in e2e/screenshots/preview-restart/.
 */
import { expect, KEYCHAIN_EXPECTED, test } from './support/app';
import { FLOUR, OWNER } from './support/data';

test('a tab left open reconnects by itself when the preview restarts on its data folder', async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([FLOUR]);
  await app.go('Kitchen');
  await expect(app.page.getByText(FLOUR.name)).toBeVisible();
  const address = preview.url;
  // Gone if the page is ever loaded again: the tab must carry on as it is.
  await app.page.evaluate(() => Object.assign(globalThis, { sameTab: true }));
  const notice = app.page.getByRole('alert').filter({ hasText: 'Reconnecting' });

  await test.step('stopped: the tab says the preview is not running and that it reconnects', async () => {
    await preview.stop();
    await expect(notice).toContainText('The KitchenGuard preview is not running');
    await expect(notice).toContainText('this page reconnects by itself');
    await app.shot('preview-stopped');
  });

  await test.step('started again: the same address, and the same tab works again', async () => {
    expect(await preview.start()).toBe(address);
    // The tab tries again with a growing pause (up to 30 s) while the core is away.
    await expect(notice).toHaveCount(0, { timeout: 40_000 });
    if (!KEYCHAIN_EXPECTED) await app.signIn(OWNER.username, OWNER.password);
    await app.go('Bar');
    await app.go('Kitchen');
    await expect(app.page.getByText(FLOUR.name)).toBeVisible();
    expect(await app.page.evaluate(() => (globalThis as { sameTab?: boolean }).sameTab)).toBe(true);
    await app.shot('tab-reconnected');
  });
});
