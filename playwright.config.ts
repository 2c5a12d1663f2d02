/**
 * E2e runs the real renderer in Debian's Chromium against the browser preview (see
 * docs/decisions/0006-test-environment.md:
 * Playwright's own browsers cannot be downloaded here — never run `npx playwright install`).
 * One worker: each test starts its own core, and two cores plus Chromium already fill two cores.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // Failure screenshots and traces; specs save their named screenshots beside it in e2e/screenshots.
  outputDir: 'e2e/screenshots/failures',
  // A throwaway TLS PostgreSQL for the central-server specs (~3 s; e2e/support/central-server.ts).
  globalSetup: './e2e/support/central-setup.ts',
  globalTeardown: './e2e/support/central-teardown.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Bounds that stop a hung run, not speed claims: the longest specs (two computers syncing, 5,000
  // items seeded) took about two minutes on a machine ten times oversubscribed (load 20 on two
  // cores). The whole run stays under `npm test`'s 25 min per step.
  timeout: 300_000,
  globalTimeout: 24 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 820 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
