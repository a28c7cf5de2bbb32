// `import purchases` through its verb: parse takes the shop's currency and country, run returns the counts (a first
// purchase converts, an order already in is skipped).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { purchases } from '../../../src/commands/import/purchases.js';
import { EXIT } from '../../../src/domain/errors.js';
import { run, storedDoc, storeWith, tempDir, tempStore, withContext } from '../../helpers.js';

const csvFile = (text: string) => {
  const path = join(tempDir(), 'orders.csv');
  writeFileSync(path, text);
  return path;
};

const ORDERS = 'email,at,value,product,order_id\nravi@example.com,2026-03-20T10:00:00Z,18.50,cake,A1\nravi@example.com,2026-03-25T10:00:00Z,4,bun,A2\n';
const ENV = { env: { PRECRM_CURRENCY: 'EUR', PRECRM_COUNTRY: 'FR' }, now: '2026-04-01T12:00:00Z' };

describe('import purchases (verb)', () => {
  it('parses the shop\'s currency and country from the environment; a bad country is a usage error', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(await purchases.parse(['orders.csv'], { dryRun: true }, ctx)).toMatchObject({ file: 'orders.csv', currency: 'EUR', country: 'FR', dryRun: true });
    }, ENV);
    await withContext(store, async (ctx) => {
      await expect(Promise.resolve().then(() => purchases.parse(['orders.csv'], {}, ctx))).rejects.toMatchObject({ exitCode: EXIT.usage });
    }, { env: { PRECRM_COUNTRY: 'Freedonia' } });
  });

  it('run converts on the first purchase and adds the later one; run again, both orders are skipped', async () => {
    const store = await storeWith();
    const file = csvFile(ORDERS);
    const first = await withContext(store, async (ctx) => purchases.run(ctx, await purchases.parse([file], {}, ctx)), ENV);
    expect(first).toMatchObject({ created: 2, skipped: 0, rejected: [], written: true, refused: false });
    const again = await withContext(store, async (ctx) => purchases.run(ctx, await purchases.parse([file], {}, ctx)), ENV);
    expect(again).toMatchObject({ created: 0, skipped: 2, written: false });
    const doc = await storedDoc(store);
    expect(doc.prospects[0]).toMatchObject({ stage: 'customer', conversion: { value: 18.5, currency: 'EUR' } });
    expect(doc.purchases.map((u) => u.orderId)).toEqual(['A1', 'A2']);
  });

  it('a dry run says so and writes nothing (argv level)', async () => {
    const store = await storeWith();
    const r = await run(store, ['import', 'purchases', csvFile(ORDERS), '--dry-run'], ENV);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').at(-2)).toBe('created 2, merged 0, skipped 0, rejected 0 (dry run: nothing written)');
    expect((await storedDoc(store)).purchases).toEqual([]);
  });
});
