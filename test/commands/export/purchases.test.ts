// `export purchases` through its verb: run returns the purchases in the window on their own date, each with its buyer.
import { describe, expect, it } from 'vitest';
import { purchases } from '../../../src/commands/export/purchases.js';
import { run, storeWith, withContext } from '../../helpers.js';

async function bought(): Promise<string> {
  const store = await storeWith();
  await run(store, ['purchase', 'log', 'ravi', '--value', '20', '--currency', 'EUR', '--order', 'A1'], { now: '2026-03-11T10:00:00Z' });
  await run(store, ['purchase', 'log', 'ravi', '--value', '5', '--currency', 'EUR', '--order', 'A2'], { now: '2026-03-15T10:00:00Z' });
  return store;
}

describe('export purchases (verb)', () => {
  it('run returns the purchases with their buyer; --since is on the purchase\'s date', async () => {
    const store = await bought();
    const NOW = { now: '2026-03-20T12:00:00Z' };
    const all = await withContext(store, async (ctx) => purchases.run(ctx, await purchases.parse([], {}, ctx)), NOW);
    expect(all.map((r) => [r.u.orderId, r.u.value, r.p.email])).toEqual([['A1', 20, 'ravi@example.com'], ['A2', 5, 'ravi@example.com']]);
    const later = await withContext(store, async (ctx) => purchases.run(ctx, await purchases.parse([], { since: '2026-03-14' }, ctx)), NOW);
    expect(later.map((r) => r.u.orderId)).toEqual(['A2']);
  });

  it('prints the purchases as CSV (argv level)', async () => {
    const store = await bought();
    const r = await run(store, ['export', 'purchases', '--since', '2026-03-14'], { now: '2026-03-20T12:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,prospect_id,email,phone,name,at,value,currency,product,order_id\n2,1,ravi@example.com,,Ravi Sen,2026-03-15T10:00:00.000Z,5,EUR,,A2\n');
  });
});
