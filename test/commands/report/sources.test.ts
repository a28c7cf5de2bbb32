// `report sources` through its verb: run returns a row per source (and whether costs are shown), not text.
import { describe, expect, it } from 'vitest';
import { sources } from '../../../src/commands/report/sources.js';
import { conversionFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report sources (verb)', () => {
  it('parses --currency into the money query, and refuses a bad one as a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await sources.parse([], { currency: 'eur', source: 'walk-in' }, ctx)).toEqual({ filter: { source: 'walk-in' }, money: { currency: 'EUR' }, out: { format: 'table' } });
      await expect(async () => sources.parse([], { currency: 'euro' }, ctx)).rejects.toThrow(/--currency "euro" is not a three-letter currency code/);
    });
  });

  it('run returns per source the prospects, customers and revenue (0 in a currency of the report they did not pay in); no costs without a touch that has one', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const { rows, costs } = await withContext(store, async (ctx) => sources.run(ctx, await sources.parse([], {}, ctx)));
    expect(costs).toBe(false);
    expect(Object.fromEntries(rows.map((r) => [r.source ?? '(none)', [r.prospects, r.customers, r.revenue]]))).toEqual({
      'walk-in': [3, 2, { INR: 130 }], instagram: [2, 1, { INR: 20 }], referral: [1, 1, { INR: 0 }], '(none)': [1, 0, { INR: 0 }],
    });
  });

  it('a touch with a cost adds cost and revenue per cost (argv level)', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    expect((await run(store, ['touch', 'log', 'ravi', 'sample', '--cost', '10', '--currency', 'INR', '--at', '2026-01-02'])).code).toBe(0);
    const { costs } = await withContext(store, async (ctx) => sources.run(ctx, await sources.parse([], {}, ctx)));
    expect(costs).toBe(true);
    const r = await run(store, ['report', 'sources', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue,cost,revenue_per_cost');
  });
});
