// `occasion list` through its verb: run returns the coming occasions soonest first, then the one-off days gone by.
import { describe, expect, it } from 'vitest';
import { list } from '../../../src/commands/occasion/list.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function shop(): Promise<string> {
  const store = await storeWith();
  await run(store, ['prospect', 'add', 'Anna Berg']);
  await run(store, ['occasion', 'add', 'ravi', 'birthday', '03-14']);
  await run(store, ['occasion', 'add', 'anna', 'wedding', '2026-06-20']);
  await run(store, ['occasion', 'add', 'ravi', 'opening', '2025-12-01']);
  return store;
}

describe('occasion list (verb)', () => {
  it('parses --within in days (0: today only) and takes the format in force', async () => {
    const store = await shop();
    await withContext(store, async (ctx) => {
      expect(list.parse(['ravi'], { within: '2w' }, ctx)).toEqual({ ref: 'ravi', within: 14, format: 'json' });
      expect(list.parse([undefined], { within: '0d' }, ctx)).toEqual({ ref: undefined, within: 0, format: 'json' });
      expect(() => list.parse([undefined], { within: 'soon' }, ctx)).toThrow(/--within span/);
    }, { global: { json: true } });
  });

  it('run returns the coming ones soonest first, then the days gone by; --within keeps only the coming ones', async () => {
    const store = await shop();
    const all = await withContext(store, async (ctx) => list.run(ctx, await list.parse([undefined], {}, ctx)));
    expect(all.map((r) => [r.occasion.id, r.name, r.next?.inDays ?? null])).toEqual([[1, 'Ravi Sen', 4], [2, 'Anna Berg', 102], [3, 'Ravi Sen', null]]);
    const soon = await withContext(store, async (ctx) => list.run(ctx, await list.parse([undefined], { within: '30d' }, ctx)));
    expect(soon.map((r) => r.occasion.id)).toEqual([1]);
    const ravis = await withContext(store, async (ctx) => list.run(ctx, await list.parse(['ravi'], {}, ctx)));
    expect(ravis.map((r) => r.occasion.id)).toEqual([1, 3]);
  });

  it('says under a table how many, or that there are none in the window (argv level)', async () => {
    const store = await shop();
    const table = await run(store, ['occasion', 'list', '--within', '30d']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('│ birthday │');
    expect(table.stderr).toBe('1 occasion(s)\n');
    expect(await run(store, ['occasion', 'list', '--within', '2d'])).toMatchObject({ code: 0, stderr: 'no occasions in the next 2 days\n' });
    expect(await run(store, ['occasion', 'list', '--within', '2d', '--format', 'csv'])).toEqual({ code: 0, stdout: 'id,prospect_id,name,label,date,next,in_days\n', stderr: '' });
  });
});
