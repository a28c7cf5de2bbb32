// One store handle has one PostgreSQL connection, and reads a command issues together (Promise.all) must reach it
// one at a time: pg queues overlapping queries on a client today, deprecates it, and pg 9 refuses it.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PgRunner } from '../../../src/store/postgres/session.js';
import { pgSettings } from '../../../src/store/postgres/settings.js';
import { freshDatabase } from '../../pg.js';

describe('the PostgreSQL runner', () => {
  it('hands the connection one query at a time, in the order given, a failed one included', async () => {
    const { url } = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let inFlight = 0;
    let most = 0;
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      most = Math.max(most, ++inFlight);
      return query(...args).finally(() => { inFlight--; });
    };
    try {
      const runner = new PgRunner(client, pgSettings(url, { env: {}, osUser: 'x' }));
      const results = await Promise.allSettled([
        runner.rows('SELECT 1 FROM pg_sleep(0.05)'),
        runner.rows('SELECT 2'),
        runner.rows('SELECT no_such_column'),
        runner.rows('SELECT ?::int', [4]),
      ]);
      expect(most).toBe(1);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([[[1]], [[2]], 'failed', [[4]]]);
    } finally {
      await client.end();
    }
  });
});
