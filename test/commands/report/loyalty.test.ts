// `report loyalty` through its verb: parse builds the query and the first-purchase window, run returns the rows,
// the currencies and the reading under the table.
import { describe, expect, it } from 'vitest';
import { loyalty } from '../../../src/commands/report/loyalty.js';
import { run, tempStore, withContext } from '../../helpers.js';

/** Asha sampled and bought twice; Ben bought once without a taste first. */
async function shop(): Promise<string> {
  const store = await tempStore();
  for (const name of ['Asha', 'Ben']) expect((await run(store, ['prospect', 'add', name], { now: '2026-01-01T09:00:00Z' })).code).toBe(0);
  for (const args of [
    ['touch', 'log', 'asha', 'sample', '--at', '2026-01-02T12:00'],
    ['purchase', 'log', 'asha', '--value', '10', '--currency', 'EUR', '--at', '2026-01-05T12:00'],
    ['purchase', 'log', 'asha', '--value', '20', '--currency', 'EUR', '--at', '2026-02-05T12:00'],
    ['purchase', 'log', 'ben', '--value', '15', '--currency', 'EUR', '--at', '2026-01-10T12:00'],
  ]) expect((await run(store, args)).code, args.join(' ')).toBe(0);
  return store;
}

describe('report loyalty (verb)', () => {
  it('parses --by, --active and --currency into the query, the window into the customers\' filter', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      const options = await loyalty.parse([], { by: 'sampled', active: '30d', currency: 'eur', source: 'walk-in' }, ctx);
      expect(options.query).toMatchObject({ by: 'sampled', currency: 'EUR', now: '2026-03-10T12:00:00.000Z' });
      expect(options.filter).toMatchObject({ source: 'walk-in', converted: {} });
      await expect(loyalty.parse([], { by: 'colour' }, ctx)).rejects.toThrow(/unknown --by group "colour"/);
      await expect(loyalty.parse([], { active: 'lately' }, ctx)).rejects.toThrow(/--active span/);
    });
  });

  it('run returns per group the customers, who came back, the currencies and the reading', async () => {
    const store = await shop();
    const result = await withContext(store, async (ctx) => loyalty.run(ctx, await loyalty.parse([], { by: 'sampled' }, ctx)));
    expect(result.currencies).toEqual(['EUR']);
    expect(result.rows.map((r) => [r.group, r.customers, r.repeat_customers])).toEqual([['no', 1, 0], ['yes', 1, 1]]);
    expect(result.reading).toEqual(expect.any(String));
    const all = await withContext(store, async (ctx) => loyalty.run(ctx, await loyalty.parse([], {}, ctx)));
    expect([all.rows.length, all.rows[0]!.customers, all.reading]).toEqual([1, 2, null]);
  });

  it('an empty window prints the header and says why (argv level)', async () => {
    const r = await run(await shop(), ['report', 'loyalty', '--since', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('no customers in this window yet (try a wider --since/--until or fewer filters)\n');
  });
});
