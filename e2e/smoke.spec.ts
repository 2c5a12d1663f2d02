/** Proves the e2e pipeline: the preview starts, serves the built renderer, and its core answers. */
import type { KitchenGuardBridge } from '../shared/bridge';
import { expect, test } from './support/preview';

test('the preview serves KitchenGuard and the core answers computer.status', async ({ page, preview }) => {
  await page.goto(preview.url);
  await expect(page).toHaveTitle('KitchenGuard');
  const status = await page.evaluate(() =>
    (globalThis as unknown as { kitchenGuard: KitchenGuardBridge }).kitchenGuard.invoke('computer.status', {}),
  );
  expect(status).toMatchObject({ ok: true });
  // `npm test` runs e2e inside a keyring session: there the preview's core must find the keychain.
  if (process.env.KITCHENGUARD_KEYCHAIN === 'secret-service') {
    expect(status).toMatchObject({ ok: true, value: { keychain: { available: true } } });
  }
});
