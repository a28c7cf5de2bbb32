import { defineConfig } from 'vitest/config';

/**
 * The one-minute loop (`npm run test:fast`): the domain, CSV and output units and the in-process command tests on
 * the JSON store. No PostgreSQL server, no SQLite, no spawned processes: run it on every edit, and the whole
 * `npm test` (every backend, end-to-end and fault tests) before you push.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    name: 'fast',
    // The default 5 s fails a heavy CSV test on a loaded machine; a timeout is a deadline, not the test's measure.
    testTimeout: 30_000,
    include: ['test/domain/**/*.test.ts', 'test/csv/**/*.test.ts', 'test/output/**/*.test.ts', 'test/commands/**/*.test.ts', 'test/boundaries.test.ts'],
    // These pick their backends themselves (SQLite and PostgreSQL among them).
    exclude: [
      'test/commands/store-migrate.test.ts',
      'test/commands/survey-case.test.ts',
      'test/commands/postgres-connect.test.ts',
      'test/commands/postgres-writers.test.ts',
      'test/commands/migrate-chain.test.ts',
    ],
    env: { TZ: 'UTC', PRECRM_TEST_FAST: '1' },
  },
});
