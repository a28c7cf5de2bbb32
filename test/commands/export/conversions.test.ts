// `export conversions` through its verb: run returns the converted prospects by conversion time, each with the
// touches before its first purchase.
import { describe, expect, it } from 'vitest';
import { conversions } from '../../../src/commands/export/conversions.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function converted(): Promise<string> {
  const store = await storeWith();
  await run(store, ['prospect', 'add', 'Asha', '--email', 'asha@example.com']);
  await run(store, ['touch', 'log', '1', 'tasting', 'buns'], { now: '2026-03-11T10:00:00Z' });
  await run(store, ['convert', 'asha', '--value', '30', '--currency', 'EUR'], { now: '2026-03-12T10:00:00Z' });
  await run(store, ['convert', 'ravi', '--value', '20', '--currency', 'EUR'], { now: '2026-03-14T10:00:00Z' });
  return store;
}

describe('export conversions (verb)', () => {
  it('parses --since/--until as the conversion\'s window, not the creation\'s', async () => {
    const store = await converted();
    const options = await withContext(store, async (ctx) => conversions.parse([], { since: '2026-03-13' }, ctx));
    expect(options.filter.createdSince).toBeUndefined();
    expect(options.filter.converted?.since).toMatch(/^2026-03-1[23]T/);
  });

  it('run returns the conversions by time with the touches before each', async () => {
    const store = await converted();
    const rows = await withContext(store, async (ctx) => conversions.run(ctx, await conversions.parse([], {}, ctx)), { now: '2026-03-20T12:00:00Z' });
    expect(rows.map((r) => [r.p.name, r.touches])).toEqual([['Asha', 0], ['Ravi Sen', 1]]);
    const later = await withContext(store, async (ctx) => conversions.run(ctx, await conversions.parse([], { since: '2026-03-13' }, ctx)), { now: '2026-03-20T12:00:00Z' });
    expect(later.map((r) => r.p.name)).toEqual(['Ravi Sen']);
  });

  it('prints one line per conversion under --format json (argv level)', async () => {
    const store = await converted();
    const r = await run(store, ['--json', 'export', 'conversions'], { now: '2026-03-20T12:00:00Z' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((c: { name: string; touches_before_conversion: number }) => [c.name, c.touches_before_conversion])).toEqual([['Asha', 0], ['Ravi Sen', 1]]);
  });
});
