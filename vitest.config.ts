import { defineConfig } from 'vitest/config';

// One suite, two databases: every test file runs on PGlite and on PostgreSQL (scripts/test.ts
// starts the throwaway PostgreSQL and sets PILAR_TEST_PG_URL). Browser tests run on both too.
// Each run builds its own template database (see test/support/global-setup.ts), so two runs
// on one machine never share one; workers inherit this id from the main process.
process.env.PILAR_TEST_RUN ??= String(process.pid);

const withPostgres = Boolean(process.env.PILAR_TEST_PG_URL);
const engines = withPostgres ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

export default defineConfig({
  test: {
    projects: engines.flatMap((engine) => [
      {
        test: {
          name: engine,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          env: { PILAR_TEST_ENGINE: engine },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: `e2e-${engine}`,
          include: ['test/e2e/**/*.e2e.test.ts'],
          env: { PILAR_TEST_ENGINE: engine },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ]),
  },
});
