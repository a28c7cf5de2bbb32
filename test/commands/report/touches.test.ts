// `report touches` through its verb: run returns a row per touch type, with the window's tallies counted in.
import { describe, expect, it } from 'vitest';
import { touches } from '../../../src/commands/report/touches.js';
import { conversionFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report touches (verb)', () => {
  it('parses the cohort flags; the tallies\' window is none once a filter narrows the cohort', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await touches.parse([], {}, ctx)).toMatchObject({ tallies: {} });
      expect(await touches.parse([], { owner: 'mitra' }, ctx)).toMatchObject({ filter: { owner: 'mitra' }, tallies: null });
    });
  });

  it('run returns per touch type how many touches, prospects and first- and last-touch conversions', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const { rows, costs } = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([], {}, ctx)));
    expect(costs).toBe(false);
    const greeting = rows.find((r) => r.type === 'greeting');
    expect(greeting).toMatchObject({ touches: 4, prospects: 3 });
    expect(rows.reduce((n, r) => n + r.touches, 0)).toBe(13);
  });

  it('a tally with a cost makes the money columns appear (argv level)', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    expect((await run(store, ['tally', 'log', 'sample', '30', '--cost', '90', '--currency', 'INR'])).code).toBe(0);
    const { costs } = await withContext(store, async (ctx) => touches.run(ctx, await touches.parse([], {}, ctx)));
    expect(costs).toBe(true);
    const r = await run(store, ['report', 'touches', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('type,touches,prospects,conversion_rate,first_touch_conversions,last_touch_conversions,revenue,cost,revenue_per_cost');
  });
});
