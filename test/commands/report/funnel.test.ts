// `report funnel` through its verb: parse turns flags into a typed query, run returns the stages (under the
// window's anonymous counts), show says where they go.
import { describe, expect, it } from 'vitest';
import { funnel } from '../../../src/commands/report/funnel.js';
import { funnelFixture, writeStore } from '../../fixtures/store-builder.js';
import { run, tempStore, withContext } from '../../helpers.js';

describe('report funnel (verb)', () => {
  it('parses --by, the cohort window and where the rows go, before anything is opened', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => funnel.parse([], { by: 'Source', since: '2026-03-01', output: 'f.xlsx' }, ctx));
    expect(options).toEqual({
      filter: { createdSince: new Date(2026, 2, 1).toISOString() }, by: 'source', tallies: null, out: { format: 'xlsx', output: 'f.xlsx' }, bar: null,
    });
    await withContext(store, async (ctx) => {
      await expect(funnel.parse([], { by: 'colour' }, ctx)).rejects.toThrow(/unknown --by group "colour"/);
      await expect(funnel.parse([], { since: '2026-03-02', until: '2026-03-01' }, ctx)).rejects.toThrow(/window would be empty/);
    });
  });

  it('run returns how many reached each stage, and per group with --by', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const rows = await withContext(store, async (ctx) => funnel.run(ctx, await funnel.parse([], {}, ctx)));
    expect(rows.map((r) => [r.stage, r.reached, r.lost])).toEqual([
      ['aware', 9, 1], ['interested', 8, 1], ['engaged', 6, 1], ['intent', 4, 1], ['customer', 2, 1], ['advocate', 1, 0],
    ]);
    const grouped = await withContext(store, async (ctx) => funnel.run(ctx, await funnel.parse([], { by: 'owner' }, ctx)));
    expect(grouped.filter((r) => r.stage === 'aware').map((r) => [r.group, r.reached])).toEqual([['joel', 4], ['mitra', 4], [null, 1]]);
  });

  it('run puts the tallies of the window above the first stage, none with a filter', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    expect((await run(store, ['tally', 'log', 'greeting', '18'])).code).toBe(0);
    const rows = await withContext(store, async (ctx) => funnel.run(ctx, await funnel.parse([], {}, ctx)));
    expect(rows.slice(0, 2).map((r) => [r.stage, r.reached])).toEqual([['anonymous greeting', 18], ['aware', 9]]);
    const filtered = await withContext(store, async (ctx) => funnel.run(ctx, await funnel.parse([], { source: 'walk-in' }, ctx)));
    expect(filtered[0]!.stage).toBe('aware');
  });

  it('shows the rows, then says where they were written (argv level)', async () => {
    const store = await writeStore(await tempStore(), funnelFixture());
    const r = await run(store, ['report', 'funnel', '--format', 'tsv', '--by', 'source']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['source\tstage\treached\tcurrent\tlost\tstep_rate\toverall_rate\tmedian_days', 'instagram\taware\t5\t0\t1\t1\t1\t0']);
    expect(r.stderr).toBe('');
  });
});
