import { defineConfig } from 'vitest/config';

/**
 * The one-minute loop (`npm run test:fast`): the domain, CSV and output units and the in-process command tests on
 * the JSON store. No PostgreSQL server, no SQLite, no precrm processes: run it on every edit, and the whole
 * `npm test` (every backend, end-to-end and fault tests) before you push.
 *
 * Speed: the files share their modules (isolate off), so the CLI and its libraries load once per worker rather
 * than once per file, which was most of the loop's time; and two workers run, where vitest's default on a 2-core
 * machine is one. A file that mocks a module (vi.mock) runs isolated, in a project of its own.
 */
const MOCKING = ['test/commands/import-whole-file.test.ts'];

const shared = {
  reporters: ['default', './test/summary-reporter.ts'],
  // The default 5 s fails a heavy CSV test on a loaded machine; a timeout is a deadline, not the test's measure.
  testTimeout: 30_000,
  setupFiles: ['./test/setup.ts'],
  env: { TZ: 'UTC', PRECRM_TEST_FAST: '1' },
};

export default defineConfig({
  test: {
    ...shared,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          isolate: false,
          include: ['test/domain/**/*.test.ts', 'test/csv/**/*.test.ts', 'test/output/**/*.test.ts', 'test/commands/**/*.test.ts', 'test/boundaries.test.ts'],
          exclude: [
            ...MOCKING,
            // These pick their backends themselves (SQLite and PostgreSQL among them).
            'test/commands/store-migrate.test.ts',
            'test/commands/survey-case.test.ts',
            'test/commands/postgres-connect.test.ts',
            'test/commands/postgres-writers.test.ts',
            'test/commands/migrate-chain.test.ts',
            // Spawns bin/precrm and a FIFO reader (npm test runs it).
            'test/commands/output-places.test.ts',
          ],
        },
      },
      { extends: true, test: { name: 'fast-isolated', include: MOCKING } },
    ],
  },
});
