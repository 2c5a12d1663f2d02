import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    // One throwaway TLS PostgreSQL cluster for the run; each test file makes its own database in it.
    globalSetup: ['src-main/central/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over the CPU that bcrypt and PostgreSQL need.
    maxWorkers: 2,
  },
});
