// The test server itself: reachable on loopback, UTF8, and a fresh database per call.
import { describe, expect, it } from 'vitest';
import { asAdmin, freshDatabase, pgAdminUrl } from '../../pg.js';

describe('test PostgreSQL server', () => {
  it('listens on a loopback address only', () => {
    expect(new URL(pgAdminUrl()).hostname).toMatch(/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/);
  });

  it('gives a fresh empty UTF8 database per call', async () => {
    const t0 = Date.now();
    const a = await freshDatabase();
    const b = await freshDatabase();
    console.log('two databases in', Date.now() - t0, 'ms');
    expect(a.name).not.toBe(b.name);
    const rows = await asAdmin(async (c) => (await c.query("select current_setting('server_encoding') as enc, count(*)::int as n from pg_tables where schemaname = 'public'")).rows, a.name);
    expect(rows).toEqual([{ enc: 'UTF8', n: 0 }]);
  });
});
