/**
 * Settings → About: the version, the update channel, the last check and the update's state, in the
 * browser preview with its update state coming from a real feed: a local HTTP server serving
 * latest.yml and beta.yml as electron-builder writes them, and the installer they name.
 * Screenshots in e2e/screenshots/updates/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test as appTest, expect } from './support/app';
import { OWNER } from './support/data';

const INSTALLER = Buffer.alloc(512 * 1024, 3);
const SHA512 = createHash('sha512').update(INSTALLER).digest('base64');
const metadata = (version: string) =>
  `version: ${version}\nfiles:\n  - url: KitchenGuard-Setup-${version}-x64.exe\n    sha512: ${SHA512}\n    size: ${INSTALLER.length}\npath: KitchenGuard-Setup-${version}-x64.exe\nsha512: ${SHA512}\nreleaseDate: '2026-11-30T09:12:44.811Z'\n`;
const { version: CURRENT } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));

/** The release server: what it publishes can change while the app runs, as a real one does. */
interface Feed {
  url: string;
  publish(stable: string, beta?: string): void;
}

const test = appTest.extend<object, { feed: Feed }>({
  feed: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      let files: Record<string, string | Buffer> = {};
      const server = createServer((request, response) => {
        const body = files[(request.url ?? '').replace(/^\/feed\//, '')];
        if (body === undefined) response.writeHead(404).end();
        else response.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body);
      });
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      await use({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`,
        publish(stable, beta) {
          files = { 'latest.yml': metadata(stable), [`KitchenGuard-Setup-${stable}-x64.exe`]: INSTALLER };
          if (beta)
            Object.assign(files, { 'beta.yml': metadata(beta), [`KitchenGuard-Setup-${beta}-x64.exe`]: INSTALLER });
        },
      });
      server.close();
    },
    { scope: 'worker' },
  ],
  previewEnv: async ({ feed }, use) => use({ KITCHENGUARD_UPDATE_FEED: feed.url }),
});

test('About shows the version, channel and last check; an update downloads and waits for a restart', async ({
  app,
  page,
  preview,
  feed,
}) => {
  feed.publish(CURRENT);
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.go('Settings');
  const about = page.getByRole('region', { name: 'About KitchenGuard' });
  const state = about.getByRole('status', { name: 'Update status' });
  const facts = about.getByRole('table', { name: 'About KitchenGuard' });
  await expect(facts.getByRole('row', { name: /^Version/ })).toContainText(CURRENT);
  await expect(about.getByRole('radio', { name: 'Stable' })).toBeChecked();
  // Before or after the check a few seconds after start: nothing newer is published yet.
  await about.getByRole('button', { name: 'Check now' }).click();
  await expect(state).toHaveText('Up to date.');
  await expect(facts.getByRole('row', { name: /^Last check/ })).not.toContainText('Not yet');
  await about.scrollIntoViewIfNeeded();
  await app.shot('about-up-to-date');

  feed.publish('9.9.0');
  await about.getByRole('button', { name: 'Check now' }).click();
  await expect(state).toHaveText('Version 9.9.0 is downloaded. It is installed when you restart KitchenGuard.');
  const restart = about.getByRole('button', { name: 'Restart to update' });
  await expect(restart).toBeVisible();
  await expect(about.getByRole('button', { name: 'Check now' })).toHaveCount(0);
  await app.shot('about-update-ready');

  // The preview cannot install: it says so instead of pretending.
  await restart.click();
  await expect(page.getByText('The browser preview cannot install updates.')).toBeVisible();
});

test('in the middle of a count, Restart to update asks first and says why', async ({ app, page, preview, feed }) => {
  feed.publish(CURRENT);
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  // A count open with a line entered on this computer, its sheet closed (Settings is another screen).
  const flour = await app.invoke('inventory.create', {
    area: 'kitchen',
    name: 'Flour',
    category: 'Dry goods',
    supplier: 'Metro',
    unit: 'kg',
    unitCost: '0.80',
    par: null,
    openingStock: '5',
  });
  const count = await app.invoke('counts.start', { areas: ['kitchen'], scope: 'full' });
  await app.invoke('counts.enter', { countId: count.id, itemId: flour.id, storageAreaId: null, quantity: '4' });
  await app.go('Settings');
  const about = page.getByRole('region', { name: 'About KitchenGuard' });
  feed.publish('9.9.0');
  await about.getByRole('button', { name: 'Check now' }).click();
  const restart = about.getByRole('button', { name: 'Restart to update' });
  await restart.click();

  const asked = page.getByRole('dialog', { name: 'Restart now?' });
  await expect(asked).toContainText(
    'A count is still open with lines entered on this computer. Every saved line is kept, but if someone is counting here, the restart closes KitchenGuard in the middle of it.',
  );
  await app.shot('restart-during-count');
  await asked.getByRole('button', { name: 'Not now' }).click();
  await expect(asked).toHaveCount(0);
  // Agreed to, the restart goes ahead: the preview then says it cannot install.
  await restart.click();
  await asked.getByRole('button', { name: 'Restart and update' }).click();
  await expect(page.getByText('The browser preview cannot install updates.')).toBeVisible();
});

test('the beta channel is a setting, kept, and offers the newer beta', async ({ app, page, preview, feed }) => {
  feed.publish('9.9.0', '10.0.0-beta.1');
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.go('Settings');
  const about = page.getByRole('region', { name: 'About KitchenGuard' });
  await about.getByText('Beta (early versions)').click();
  await expect(about.getByRole('status', { name: 'Update status' })).toHaveText(
    'Version 10.0.0-beta.1 is downloaded. It is installed when you restart KitchenGuard.',
  );
  await page.reload();
  await app.go('Settings');
  await expect(about.getByRole('radio', { name: 'Beta (early versions)' })).toBeChecked();
  await about.scrollIntoViewIfNeeded();
  await app.shot('about-beta');
});
