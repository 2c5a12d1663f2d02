/**
 * The packaged app as a restaurant gets it (CI: `electron-builder --dir` on Windows, macOS and
 * Linux, then `playwright test -c playwright.packaged.config.ts`). Here, where Electron cannot be
 * downloaded, there is no packaged app and the spec is skipped with one line saying so.
 * Screenshots in e2e/screenshots/packaged-app/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { KitchenGuard } from './support/app';
import { OWNER } from './support/data';
import {
  builtApp,
  inspectableCopy,
  launchPackaged,
  PACKAGED_APP_MISSING,
  PACKAGED_APP_REQUIRED,
} from './support/packaged-app';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
const packaged = builtApp();
if (!packaged && !PACKAGED_APP_REQUIRED) console.log(PACKAGED_APP_MISSING);
test.skip(!packaged && !PACKAGED_APP_REQUIRED, PACKAGED_APP_MISSING);

/** The app's window once it has decided who is signed in. */
async function opened(app: Awaited<ReturnType<typeof launchPackaged>>): Promise<KitchenGuard> {
  const window = await app.firstWindow();
  const kitchenGuard = new KitchenGuard(window, 'packaged-app');
  await expect(window).toHaveTitle('KitchenGuard');
  await expect(window.getByLabel('Opening KitchenGuard')).toHaveCount(0);
  return kitchenGuard;
}

test('the packaged app opens, its core answers, a restaurant is registered, and it quits with its store intact', async () => {
  expect(packaged, PACKAGED_APP_MISSING).not.toBeNull();
  const app = await inspectableCopy(packaged!);
  const userData = mkdtempSync(join(tmpdir(), 'kg-packaged-data-'));

  const first = await launchPackaged(app, userData);
  const kitchenGuard = await opened(first);
  // Served from the app's own protocol, never file://.
  expect(kitchenGuard.page.url()).toMatch(/^app:\/\/kitchenguard\/index\.html/);
  const status = await kitchenGuard.invoke('computer.status', {});
  expect(status.appVersion).toBe(version);
  expect(status.dataFolder).toBe(join(userData, 'data'));
  await kitchenGuard.register(OWNER);
  await kitchenGuard.shot('registered');
  await first.close();
  expect(first.process().exitCode).toBe(0);

  // The next start checks the store (it stops on a damaged one) and finds the restaurant in it.
  const second = await launchPackaged(app, userData);
  const again = await opened(second);
  if (await again.signInForm.isVisible()) await again.signIn(OWNER.username, OWNER.password);
  await again.expectScreen('Kitchen');
  await expect(again.navigation).toContainText(OWNER.fullName);
  await again.shot('signed-in-after-restart');
  await second.close();
  expect(second.process().exitCode).toBe(0);
});
