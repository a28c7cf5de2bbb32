// PostgreSQL's own types reach the shared SQL code in SQLite's shapes: an instant as the exact ISO text the domain
// wrote (whatever the session's time zone, to the millisecond), money as the domain's number, a flag as 1 or 0,
// JSON as its text with its keys in the order written.
import { describe, expect, it } from 'vitest';
import { isoInstant, PRECRM_TYPES } from '../../../src/store/postgres/types.js';
import { asAdmin } from '../../pg.js';

const select = (sql: string, params: unknown[] = [], setUp = 'SELECT 1') => asAdmin(async (c) => {
  await c.query(setUp);
  return (await c.query({ text: sql, values: params, rowMode: 'array', types: PRECRM_TYPES })).rows[0] as unknown[];
});

describe('timestamptz as the domain writes instants', () => {
  it('reads the ISO style in any offset, to the millisecond', () => {
    expect(isoInstant('2026-03-05 18:30:00+00')).toBe('2026-03-05T18:30:00.000Z');
    expect(isoInstant('2026-03-05 18:30:00.579+00')).toBe('2026-03-05T18:30:00.579Z');
    expect(isoInstant('2026-03-05 18:30:00.57+00')).toBe('2026-03-05T18:30:00.570Z');
    expect(isoInstant('2026-03-06 00:00:00.579+05:30')).toBe('2026-03-05T18:30:00.579Z');
    expect(isoInstant('2026-03-05 13:30:00.001-05')).toBe('2026-03-05T18:30:00.001Z');
    expect(isoInstant('0099-12-31 23:59:59.999+00')).toBe('0099-12-31T23:59:59.999Z');
    expect(isoInstant('infinity')).toBe('infinity');
  });

  it('comes back from the server as written, in a session whose time zone is not UTC', async () => {
    const written = ['2026-03-05T18:30:00.579Z', '2024-02-29T23:59:59.999Z', '0099-01-01T00:00:00.000Z', '1969-12-31T23:59:59.001Z'];
    for (const at of written) {
      expect(await select('SELECT $1::timestamptz', [at], "SET TimeZone = 'Asia/Kolkata'")).toEqual([at]);
    }
  });
});

describe('the other types precrm stores', () => {
  it('numeric money as its decimal text (as SQLite holds it), boolean as 1/0, json and jsonb as their text, bigint as a number', async () => {
    const row = await select("SELECT $1::numeric, 0.1::numeric + 0.2::numeric, true, false, '{\"zeta\": \"1\", \"alpha\": \"2\"}'::json, '[1]'::jsonb, 9007199254740991::bigint",
      [String(0.1 + 0.2)]);
    expect(row).toEqual(['0.30000000000000004', '0.3', 1, 0, '{"zeta": "1", "alpha": "2"}', '[1]', 9007199254740991]);
  });
});
