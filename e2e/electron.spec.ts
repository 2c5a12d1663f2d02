/** The same bridge in the real Electron app, where an Electron binary exists (never on these machines). */
import type { KitchenGuardBridge } from '../shared/bridge';
import { ELECTRON_MISSING, electronBinary, launchElectronApp } from './support/electron';
import { expect, test } from './support/preview';

const binary = electronBinary();

test('the Electron app opens its window and the core answers computer.status', async () => {
  if (!binary) {
    console.log(ELECTRON_MISSING);
    test.skip(true, ELECTRON_MISSING);
    return;
  }
  const app = await launchElectronApp(binary);
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('KitchenGuard');
    const status = await window.evaluate(() =>
      (globalThis as unknown as { kitchenGuard: KitchenGuardBridge }).kitchenGuard.invoke('computer.status', {}),
    );
    expect(status).toMatchObject({ ok: true });
  } finally {
    await app.close();
  }
});
