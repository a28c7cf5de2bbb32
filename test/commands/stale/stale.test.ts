// `stale` through its verb: parse checks --days, run returns the silent prospects, show adds a count under a table.
import { describe, expect, it } from 'vitest';
import * as stale from '../../../src/commands/stale/stale.js';
import { run, tempStore, withContext } from '../../helpers.js';

/** Ravi touched on 5 March, Anita never (added 1 March), Priya with a follow-up planned. */
async function shop(): Promise<string> {
  const store = await tempStore();
  const at = (now: string, args: string[]) => run(store, args, { now: `${now}T12:00:00.000Z` });
  await at('2026-03-01', ['prospect', 'add', 'Ravi Sen', '--owner', 'joel']);
  await at('2026-03-01', ['prospect', 'add', 'Anita Rao']);
  await at('2026-03-01', ['prospect', 'add', 'Priya Nair', '--follow-up', '2026-04-01']);
  await at('2026-03-05', ['touch', 'log', 'ravi', 'call']);
  return store;
}

describe('stale (verb)', () => {
  it('parses --days and the owner; a bad count is a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(stale.parse([], { days: '30', owner: ' joel ' }, ctx)).toEqual({ now: new Date('2026-03-10T12:00:00.000Z'), days: 30, owner: 'joel', format: 'table' });
      expect(() => stale.parse([], { days: 'many' }, ctx)).toThrow(/--days/);
    });
  });

  it('run returns the prospects silent for the days, the longest silent first, none with something planned', async () => {
    const store = await shop();
    const rows = async (flags: { days: string; owner?: string }) =>
      (await withContext(store, async (ctx) => stale.run(ctx, stale.parse([], flags, ctx)))).map((r) => [r.prospect.name, r.silentDays]);
    expect(await rows({ days: '3' })).toEqual([['Anita Rao', 9], ['Ravi Sen', 5]]);
    expect(await rows({ days: '6' })).toEqual([['Anita Rao', 9]]);
    expect(await rows({ days: '3', owner: 'joel' })).toEqual([['Ravi Sen', 5]]);
  });

  it('counts them on stderr under a table, and says when nobody is silent (argv level)', async () => {
    const store = await shop();
    expect(await run(store, ['stale', '--days', '6', '--format', 'csv', '--columns', 'id,name,silent_days'])).toEqual({ code: 0, stdout: 'id,name,silent_days\n2,Anita Rao,9\n', stderr: '' });
    expect((await run(store, ['stale', '--days', '6'])).stderr).toBe('1 stale (no touch for 6+ days, nothing planned)\n');
    expect(await run(store, ['stale', '--days', '10'])).toMatchObject({ code: 0, stderr: 'nobody silent for 10+ days\n' });
  });
});
