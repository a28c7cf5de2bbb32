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

/** Command tests that mock a module (vi.mock): they need a module registry of their own, so they run isolated. */
const MOCKING = ['test/commands/import-whole-file.test.ts'];

/** A command test that spawns bin/precrm and a FIFO reader. */
const SPAWNING = ['test/commands/output-places.test.ts'];

/** The units and in-process command tests (the same files as `npm run test:fast`). */
const IN_PROCESS = ['test/domain/**/*.test.ts', 'test/csv/**/*.test.ts', 'test/output/**/*.test.ts', 'test/commands/**/*.test.ts', 'test/boundaries.test.ts', 'test/command-shape.test.ts'];

/**
 * Every command-level test again on a SQLite store, then on PostgreSQL (test/helpers.ts tempStore: a database of
 * the file's own, emptied between its tests, on the run's one server), so identical output, ids and exit codes on
 * every backend are tested, not hoped. These files run in-process and leave no module state behind, so they share
 * their modules (isolate off): the CLI loads once per worker, not once per file.
 */
function onBackend(backend: 'sqlite' | 'postgres') {
  const test = {
    env: { TZ: 'UTC', PRECRM_TEST_BACKEND: backend },
    ...(backend === 'postgres' ? { globalSetup: ['./test/pg-server.ts'] } : {}),
  };
  return [
    { extends: true, test: { ...test, name: backend, isolate: false, include: ['test/commands/**/*.test.ts'], exclude: [...ON_EVERY_BACKEND, ...MOCKING] } },
    { extends: true, test: { ...test, name: `${backend}-mocking`, include: MOCKING } },
  ];
}

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['./test/setup.ts'],
    // Deadlines that end a hung test, not measures: e2e and fault tests spawn real processes, and on a 2-core
    // machine shared with other test runs (load averages of 30 and more) a 5-second test can take a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // vitest's default is one worker on 2 cores; most of an end-to-end test's time is spent waiting on a child.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          // The in-process files on the JSON store (what test:fast runs): they share their modules, as the SQLite
          // and PostgreSQL command projects do, so the CLI and its libraries load once per worker, not per file.
          name: 'json',
          isolate: false,
          include: IN_PROCESS,
          exclude: [...ON_EVERY_BACKEND, ...MOCKING, ...SPAWNING],
          globalSetup: ['./test/pg-server.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        extends: true,
        test: {
          // Everything else runs isolated: end-to-end and fault tests (real processes, pseudo-terminals, kills), the
          // store's own tests, the command tests that pick their backends themselves, and those that mock a module.
          // A real PostgreSQL for the database-backend tests (or PRECRM_TEST_PG_URL), stopped when the run ends.
          name: 'json-processes',
          include: ['test/e2e/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/store/**/*.test.ts', 'test/install-scripts.test.ts', ...ON_EVERY_BACKEND, ...MOCKING, ...SPAWNING],
          globalSetup: ['./test/pg-server.ts'],
          env: { TZ: 'UTC' },
        },
      },
      ...onBackend('sqlite'),
      ...onBackend('postgres'),
    ],
  },
});
