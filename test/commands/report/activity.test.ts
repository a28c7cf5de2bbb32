// `report activity` through its verb: run returns the cohort's touches per period (and type or staff member).
import { describe, expect, it } from 'vitest';
import { activity } from '../../../src/commands/report/activity.js';
import { conversionFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report activity (verb)', () => {
  it('parses --period and --by, refusing unknown ones as usage errors', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await activity.parse([], { period: 'Day', by: 'staff' }, ctx)).toMatchObject({ period: 'day', by: 'staff' });
      await expect(activity.parse([], { period: 'year' }, ctx)).rejects.toThrow(/unknown --period "year"/);
      await expect(activity.parse([], { by: 'source' }, ctx)).rejects.toThrow(/unknown --by group "source" \(use one of: type, staff\)/);
    });
  });

  it('run returns the touches and prospects touched per period, per staff member with --by', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const rows = await withContext(store, async (ctx) => activity.run(ctx, await activity.parse([], { period: 'month' }, ctx)));
    expect(rows.filter((r) => r.touches > 0).map((r) => [r.period, r.touches, r.prospects])).toEqual([['2026-01', 13, 5]]);
    const staff = await withContext(store, async (ctx) => activity.run(ctx, await activity.parse([], { period: 'month', by: 'staff' }, ctx)));
    expect(staff.filter((r) => r.period === '2026-01').map((r) => [r.group, r.touches])).toEqual([['joel', 3], ['mitra', 5], [null, 5]]);
  });

  it('puts the group column first (argv level)', async () => {
    const store = await writeStore(await tempStore(), conversionFixture());
    const r = await run(store, ['report', 'activity', '--period', 'month', '--by', 'type', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('type,period,touches,prospects');
  });
});
