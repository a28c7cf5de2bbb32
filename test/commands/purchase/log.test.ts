// `purchase log` through its verb: parse needs a value with a currency, run converts a first purchase or adds a later one.
import { describe, expect, it } from 'vitest';
import { log } from '../../../src/commands/purchase/log.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

const ravi = () => storeWith(['Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-03-01T10:00:00Z' });

describe('purchase log (verb)', () => {
  it('parses the sale: a value is needed, its currency given, written or from PRECRM_CURRENCY', async () => {
    const store = await ravi();
    const options = await withContext(store, async (ctx) => log.parse(['ravi'], { value: '12.50', at: 'yesterday', order: ' A-1 ' }, ctx), { env: { PRECRM_CURRENCY: 'eur' } });
    expect(options).toEqual({ ref: 'ravi', sale: { at: '2026-03-09T12:00:00.000Z', value: 12.5, currency: 'EUR', product: null, orderId: 'A-1' } });
    await withContext(store, async (ctx) => {
      expect(() => log.parse(['ravi'], {}, ctx)).toThrow(/needs --value/);
      expect(() => log.parse(['ravi'], { value: '12' }, ctx)).toThrow(/no currency for the amount/);
      expect((await log.parse(['ravi'], { value: '₹12' }, ctx)).sale.currency).toBe('INR');
    });
  });

  it('run converts on the first purchase and adds the later one beside it, counting them', async () => {
    const store = await ravi();
    const sale = { value: '250', currency: 'INR' };
    const first = await withContext(store, async (ctx) => log.run(ctx, await log.parse(['ravi'], { ...sale, order: 'A-1' }, ctx)));
    expect(first.step.kind).toBe('converted');
    expect(first.purchase).toEqual({ id: 1, prospectId: 1, at: '2026-03-10T12:00:00.000Z', value: 250, currency: 'INR', product: null, orderId: 'A-1' });
    const later = await withContext(store, async (ctx) => log.run(ctx, await log.parse(['ravi'], sale, ctx)), { now: '2026-03-12T12:00:00.000Z' });
    expect([later.step.kind, later.purchase.id, later.count]).toEqual(['later', 2, 2]);
    expect((await storedDoc(store)).purchases).toEqual([first.purchase, later.purchase]);
    await expect(withContext(store, async (ctx) => log.run(ctx, await log.parse(['ravi'], { ...sale, order: 'A-1' }, ctx)))).rejects.toMatchObject({ exitCode: 4 });
  });

  it('prints the purchase id; a later purchase says which of the prospect\'s it is (argv level)', async () => {
    const store = await ravi();
    expect(await run(store, ['purchase', 'log', 'ravi', '--value', '250', '--currency', 'INR'])).toEqual({
      code: 0, stdout: '1\n', stderr: 'Ravi Sen (1) is a customer: 9 day(s) after being added, 0 touch(es) before the purchase\n',
    });
    expect(await run(store, ['purchase', 'log', 'ravi', '--value', '90', '--currency', 'INR'])).toEqual({ code: 0, stdout: '2\n', stderr: 'purchase 2 of prospect 1 recorded\n' });
  });
});
