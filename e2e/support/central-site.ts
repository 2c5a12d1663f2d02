/**
 * Two computers of one restaurant and the central server of the run (a throwaway TLS PostgreSQL,
 * see central-server.ts): the office PC on the test's own preview and page, the laptop on a second
 * preview in its own browser context, reaching the server through a relay that can go offline.
 */
import { rmSync } from 'node:fs';
import { test as base } from './app';
import { Computer } from './central-app';
import { type CentralServerInfo, centralServer, type Relay, startRelay } from './central-server';
import type { Account, Member } from './data';
import { startPreview } from './preview';

interface Site {
  server: CentralServerInfo;
  /** Between the laptop and the server: `relay.setOnline(false)` takes the laptop offline. */
  relay: Relay;
  /** The office PC: the `preview` fixture's core, in the test's page. */
  office: Computer;
  /** The laptop: a second core on its own data folder, in its own browser context. */
  laptop: Computer;
}

export const test = base.extend<{ shotFolder: string; site: Site }>({
  /** Where the test's screenshots go, under e2e/screenshots/. */
  shotFolder: ['central-sync', { option: true }],
  site: async ({ page, preview, browser, shotFolder }, use) => {
    const server = centralServer();
    const relay = await startRelay(server);
    const laptopPreview = await startPreview();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    try {
      await use({
        server,
        relay,
        office: new Computer(page, preview.url, shotFolder),
        laptop: new Computer(await context.newPage(), laptopPreview.url, shotFolder),
      });
    } finally {
      await context.close();
      await laptopPreview.stop();
      rmSync(laptopPreview.dataFolder, { recursive: true, force: true });
      await relay.close();
    }
  },
});

/** Each test registers its own restaurant on the one server of the run: names must not meet. */
export function someone(what: string, role: Member['role'] = 'Owner'): Account & Member {
  const tag = `${what}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return {
    restaurantName: `Bistro ${tag}`,
    restaurantType: 'Restaurant',
    fullName: `${what[0]?.toUpperCase()}${what.slice(1)} ${tag}`,
    position: '',
    username: tag,
    email: `${tag}@example.com`,
    role,
    password: 'correct horse battery',
  };
}
