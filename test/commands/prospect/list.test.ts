// `prospect list` through its verb: parse turns the filter and sort flags into one store query, run returns the
// prospects, show picks the columns by format (a table gets the compact set, grey lost rows and a count).
import { describe, expect, it } from 'vitest';
import * as list from '../../../src/commands/prospect/list.js';
import { run, tempStore, withContext } from '../../helpers.js';

async function threeProspects(): Promise<string> {
  const store = await tempStore();
  for (const args of [['Ravi Sen', '--source', 'walk-in'], ['Anna', '--stage', 'engaged'], ['Tomas', '--source', 'walk-in']]) {
    expect((await run(store, ['prospect', 'add', ...args])).code).toBe(0);
  }
  expect((await run(store, ['prospect', 'lose', 'Tomas', '--reason', 'moved away'])).code).toBe(0);
  return store;
}

describe('prospect list (verb)', () => {
  it('parses sort, limit and filter into one query, and the format it is printed in', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => list.parse([], { sort: '-name', limit: '2', stage: ['engaged,intent'] }, ctx), { global: { format: 'csv' } });
    expect(options).toEqual({ query: { sort: { key: 'name', descending: true }, limit: 2, filter: expect.objectContaining({ stages: ['engaged', 'intent'] }) }, format: 'csv' });
    await withContext(store, async (ctx) => {
      expect(() => list.parse([], { sort: 'colour' }, ctx)).toThrow(/cannot sort by "colour"/);
      expect(() => list.parse([], { limit: 'ten' }, ctx)).toThrow(/--limit/);
    });
  });

  it('run returns the prospects the query selects, in its order', async () => {
    const store = await threeProspects();
    const names = await withContext(store, async (ctx) => (await list.run(ctx, list.parse([], { source: 'walk-in', sort: '-name' }, ctx))).map((p) => p.name));
    expect(names).toEqual(['Tomas', 'Ravi Sen']);
    const limited = await withContext(store, async (ctx) => list.run(ctx, list.parse([], { limit: '1' }, ctx)));
    expect(limited.map((p) => p.id)).toEqual([1]);
  });

  it('show counts the rows under a table only', async () => {
    const store = await threeProspects();
    const shown = await withContext(store, async (ctx) => {
      const options = list.parse([], {}, ctx);
      return list.show(await list.run(ctx, options), options);
    });
    expect(shown.map((p) => p.kind)).toEqual(['rows', 'info']);
    expect(shown[1]).toEqual({ kind: 'info', text: '3 prospect(s)' });
    expect(list.show([], { query: {}, format: 'csv' }).map((p) => p.kind)).toEqual(['rows']);
  });

  it('greys a lost prospect\'s row in a coloured table (argv level)', async () => {
    const store = await threeProspects();
    const r = await run(store, ['prospect', 'list'], { stdoutTTY: true, env: { FORCE_COLOR: '1', COLUMNS: '120' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('Tomas'))).toContain('\x1b[90mTomas\x1b[39m');
    expect(lines.find((l) => l.includes('Anna'))).not.toContain('\x1b[90m');
    expect(r.stderr).toBe('3 prospect(s)\n');
  });
});
