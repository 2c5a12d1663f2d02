import { defineConfig } from 'vitest/config';

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
          // One throwaway TLS PostgreSQL cluster for the run; each test file makes its own database in it.
          globalSetup: ['src-main/central/testing/global-setup.ts'],
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
