import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // A real PostgreSQL for the database-backend tests (or PRECRM_TEST_PG_URL), stopped when the run ends.
    globalSetup: ['./test/pg-server.ts'],
    // e2e and fault tests spawn real processes; 2-core machines need room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { TZ: 'UTC' },
  },
});
