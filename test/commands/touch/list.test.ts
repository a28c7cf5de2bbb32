// `touch list` through its verb: parse builds the typed query, run returns the touches with their prospect's name.
import { describe, expect, it } from 'vitest';
import { list } from '../../../src/commands/touch/list.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function storeWithTouches(): Promise<string> {
  const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-03-01T10:00:00Z' });
  await run(store, ['prospect', 'add', 'Anita Rao']);
  await run(store, ['touch', 'log', 'ravi', 'greeting', '--at', '2026-03-02T18:00']);
  await run(store, ['touch', 'log', 'anita', 'email', 'sent the menu', '--at', '2026-03-05', '--by', 'joel', '--cost', '2.50', '--currency', 'EUR']);
  await run(store, ['touch', 'log', 'ravi', 'sample', '--at', '2026-03-08T18:00']);
  return store;
}

describe('touch list (verb)', () => {
  it('parses the filters into a typed query, and takes the format in force', async () => {
    const store = await storeWithTouches();
    const options = await withContext(store, async (ctx) => list.parse(['ravi'], { type: ['email,sample', 'call'], since: '7d', limit: '2' }, ctx), { global: { format: 'csv' } });
    expect(options).toEqual({
      ref: 'ravi', format: 'csv',
      query: { types: ['email', 'sample', 'call'], since: '2026-03-03T00:00:00.000Z', until: undefined, by: undefined, latest: 2 },
    });
    await withContext(store, async (ctx) => {
      expect(() => list.parse([undefined], { limit: 'many' }, ctx)).toThrow(/--limit/);
      expect(() => list.parse([undefined], { type: ['hug'] }, ctx)).toThrow(/unknown touch type "hug"/);
    });
  });

  it('run returns the touches oldest first with names, of one prospect or all', async () => {
    const store = await storeWithTouches();
    const all = await withContext(store, async (ctx) => list.run(ctx, await list.parse([undefined], {}, ctx)));
    expect(all.map((t) => [t.id, t.name, t.type])).toEqual([[1, 'Ravi Sen', 'greeting'], [2, 'Anita Rao', 'email'], [3, 'Ravi Sen', 'sample']]);
    expect(all[1]).toMatchObject({ prospectId: 2, by: 'joel', cost: 2.5, currency: 'EUR' });
    const ravis = await withContext(store, async (ctx) => list.run(ctx, await list.parse(['ravi'], { by: 'TESTER' }, ctx)));
    expect(ravis.map((t) => t.id)).toEqual([1, 3]);
  });

  it('prints a table with the cost columns when a touch has one, and the count on stderr (argv level)', async () => {
    const store = await storeWithTouches();
    const out = await run(store, ['touch', 'list', '--type', 'email']);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[1]).toMatch(/^│ id │ at +│ prospect │ name +│ type +│ direction │ outcome │ by +│ note +│ cost │ currency │$/);
    expect(out.stdout).toContain('│ 2.50 │ EUR');
    expect(out.stderr).toBe('1 touch(es)\n');
    const json = JSON.parse((await run(store, ['touch', 'list', 'ravi', '--json'])).stdout);
    expect(json[0]).toEqual({ id: 1, prospectId: 1, type: 'greeting', at: '2026-03-02T18:00:00.000Z', note: null, outcome: null, direction: null, by: 'tester', cost: null, currency: null });
  });
});
