import { configDefaults, defineConfig } from 'vitest/config';

/** What must hold behind a connection pooler: all of sync, and the server's security. */
const POOLED_SUITES = [
  'src-main/sync/**/*.test.ts',
  'src-main/central/security*.test.ts',
  'src-main/central/computer-logins.test.ts',
  'src-main/central/pooler.test.ts',
  'src-main/**/*.pooled.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over the CPU that bcrypt and PostgreSQL need.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'scripts/**/*.test.{ts,mjs}'],
          exclude: [...configDefaults.exclude, '**/*.pooled.test.ts'],
          // One throwaway TLS PostgreSQL cluster for the run; each test file makes its own database in it.
          globalSetup: ['src-main/central/testing/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The sync and security suites again, with every computer connecting through PgBouncer in
          // transaction mode (a restaurant chain's set-up): nothing may rely on session state.
          name: 'pooled',
          include: [...POOLED_SUITES],
          // Tests the computer's own pg.Pool when the server ends ITS connections; behind a pooler the
          // server ends the pooler's (pooler.pooled.test.ts covers what a computer sees then).
          exclude: [...configDefaults.exclude, 'src-main/sync/pool.test.ts'],
          globalSetup: ['src-main/central/testing/global-setup-pooled.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The renderer's pure logic (no DOM, no React), in plain Node.
          name: 'renderer',
          include: ['src-renderer/**/*.test.ts'],
          // Formatting as e2e's Chromium does it (en-US, UTC). Set for the worker process because
          // Node reads its default locale once, at start.
          env: { LC_ALL: 'en_US.UTF-8', TZ: 'UTC' },
        },
      },
    ],
  },
});
