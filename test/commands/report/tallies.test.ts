// `report tallies` through its verb: run returns the counts per period (and type or staff member) and the
// currencies their costs are in.
import { describe, expect, it } from 'vitest';
import { tallies } from '../../../src/commands/report/tallies.js';
import { run, tempStore, withContext } from '../../helpers.js';

async function logged(): Promise<string> {
  const store = await tempStore();
  for (const args of [
    ['greeting', '40', '--at', '2026-03-02T10:00', '--by', 'mitra'],
    ['sample', '60', '--at', '2026-03-03T10:00', '--cost', '900', '--currency', 'INR'],
    ['greeting', '25', '--at', '2026-03-09T10:00', '--by', 'mitra', '--cost', '12.50', '--currency', 'EUR'],
  ]) expect((await run(store, ['tally', 'log', ...args])).code).toBe(0);
  return store;
}

describe('report tallies (verb)', () => {
  it('parses --period, --by and the window; refuses an unknown grouping', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await tallies.parse([], { period: 'day', by: 'type' }, ctx)).toMatchObject({ period: 'day', by: 'type', window: {} });
      await expect(tallies.parse([], { by: 'owner' }, ctx)).rejects.toThrow(/unknown --by group "owner"/);
    });
  });

  it('run returns the counts per week, per type with --by, and one currency per cost', async () => {
    const store = await logged();
    const { rows, currencies } = await withContext(store, async (ctx) => tallies.run(ctx, await tallies.parse([], {}, ctx)));
    expect(currencies).toEqual(['EUR', 'INR']);
    expect(rows.map((r) => [r.period, r.count, r.tallies, r.cost])).toEqual([
      ['2026-W10', 100, 2, { EUR: 0, INR: 900 }], ['2026-W11', 25, 1, { EUR: 12.5, INR: 0 }],
    ]);
    const byType = await withContext(store, async (ctx) => tallies.run(ctx, await tallies.parse([], { by: 'type', since: '2026-03-03' }, ctx)));
    expect(byType.rows.filter((r) => r.count > 0).map((r) => [r.group, r.period, r.count])).toEqual([['greeting', '2026-W11', 25], ['sample', '2026-W10', 60]]);
  });

  it('prints a cost column per currency (argv level)', async () => {
    const r = await run(await logged(), ['report', 'tallies', '--format', 'csv']);
    expect(r.stdout).toBe('period,count,tallies,cost_EUR,cost_INR\n2026-W10,100,2,0,900\n2026-W11,25,1,12.5,0\n');
  });
});
