import { defineConfig } from 'vitest/config';

/**
 * Command tests that pick their backends themselves (describe.each over test/backends.ts, or a chain across them):
 * they run once, in the json project.
 */
const ON_EVERY_BACKEND = [
  'test/commands/store-migrate.test.ts',
  'test/commands/survey-case.test.ts',
  'test/commands/postgres-connect.test.ts',
  'test/commands/postgres-writers.test.ts',
  'test/commands/migrate-chain.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['./test/setup.ts'],
    // e2e and fault tests spawn real processes; 2-core machines need room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'json',
          include: ['test/**/*.test.ts'],
          // A real PostgreSQL for the database-backend tests (or PRECRM_TEST_PG_URL), stopped when the run ends.
          globalSetup: ['./test/pg-server.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        // Every command-level test again on a SQLite store (test/helpers.ts tempStore), so identical output, ids and
        // exit codes on both backends are tested, not hoped.
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/commands/**/*.test.ts'],
          exclude: ON_EVERY_BACKEND,
          env: { TZ: 'UTC', PRECRM_TEST_BACKEND: 'sqlite' },
        },
      },
      {
        // And once more on PostgreSQL: a new database per store, on a server of this project's own.
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/commands/**/*.test.ts'],
          exclude: ON_EVERY_BACKEND,
          globalSetup: ['./test/pg-server.ts'],
          env: { TZ: 'UTC', PRECRM_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
