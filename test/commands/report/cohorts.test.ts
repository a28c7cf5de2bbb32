// `report cohorts` through its verb: run returns a row per week or month of creation, empty ones included.
import { describe, expect, it } from 'vitest';
import { cohorts } from '../../../src/commands/report/cohorts.js';
import { funnelFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report cohorts (verb)', () => {
  it('parses --period (month by default) and refuses another as a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await cohorts.parse([], {}, ctx)).toMatchObject({ period: 'month', filter: {}, window: {} });
      await expect(async () => cohorts.parse([], { period: 'day' }, ctx)).rejects.toThrow(/unknown --period "day" \(use one of: week, month\)/);
    });
  });

  it('run returns per month of creation the prospects and customers; with --since, every month from it up to this one', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const rows = await withContext(store, async (ctx) => cohorts.run(ctx, await cohorts.parse([], {}, ctx)));
    expect(rows.map((r) => [r.cohort, r.prospects, r.customers])).toEqual([['2026-01', 8, 2], ['2026-02', 1, 0]]);
    const since = await withContext(store, async (ctx) => cohorts.run(ctx, await cohorts.parse([], { since: '2026-02-01' }, ctx)));
    expect(since.map((r) => [r.cohort, r.prospects])).toEqual([['2026-02', 1], ['2026-03', 0]]);
  });

  it('prints the cohorts in the format asked (argv level)', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const r = await run(store, ['report', 'cohorts', '--format', 'csv', '--since', '2026-02-01']);
    expect(r.stdout).toBe('cohort,prospects,customers,conversion_rate,median_days_to_convert\n2026-02,1,0,0,\n2026-03,0,0,,\n');
  });
});
