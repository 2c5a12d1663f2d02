/**
 * CI's smoke test of the packaged app (after `tsx scripts/packaging/package-app.ts --smoke`):
 * only e2e/packaged-app.spec.ts, no browser and no PostgreSQL, so it runs on Windows and macOS
 * runners too. A missing packaged app fails here (in `npm test` the same spec is skipped).
 */
import { defineConfig } from '@playwright/test';

process.env.KG_PACKAGED_APP_REQUIRED = '1';

export default defineConfig({
  testDir: 'e2e',
  testMatch: 'packaged-app.spec.ts',
  outputDir: 'e2e/screenshots/failures',
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Bounds that stop a hung run (two cold starts of the app on a CI runner), not speed claims.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: { actionTimeout: 15_000, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
