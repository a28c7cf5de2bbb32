// `import purchases` on every backend: the order exports of Shopify, WooCommerce and Square (transactions and
// items) read without --map, an order's rows joined into one purchase, re-imports changing nothing, dry run and
// rejects as the other imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const EXPORTS = new URL('../fixtures/csv/exports/', import.meta.url).pathname;
const NOW = '2026-03-10T12:00:00.000Z';
const at = (store: string, args: string[], env: Record<string, string> = {}) => run(store, args, { now: NOW, env });

async function shop(): Promise<string> {
  const s = await tempStore();
  await run(s, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--stage', 'engaged'], { now: '2026-01-05T17:10:00.000Z' });
  await run(s, ['prospect', 'add', 'Anita Rao', '--phone', '+91 98300 22222'], { now: '2026-01-06T17:10:00.000Z' });
  return s;
}

const purchasesOf = async (s: string, who: string) => JSON.parse((await at(s, ['prospect', 'show', who, '--json'])).stdout);

describe.each([
  ['Shopify orders_export.csv', 'shopify-orders.csv', '#1001', '#1003'],
  ['WooCommerce orders', 'woocommerce-orders.csv', '2041', '2043'],
  ['Square transactions', 'square-transactions.csv', 'sq-tx-001', 'sq-tx-003'],
  ['Square items', 'square-items.csv', 'sq-tx-001', 'sq-tx-003'],
])('import purchases from %s', (_name, file, firstOrder, laterOrder) => {
  it('converts each first purchase and adds the later one, without --map; a second run changes nothing', async () => {
    const s = await shop();
    const out = await at(s, ['import', 'purchases', join(EXPORTS, file)]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr.trim().split('\n').at(-1)).toBe('created 3, merged 0, skipped 0, rejected 0');
    const ravi = await purchasesOf(s, 'ravi');
    expect(ravi.stage).toBe('customer');
    expect(ravi.conversion).toMatchObject({ at: '2026-02-03T18:30:00.000Z', value: 1800.5, currency: 'INR' });
    expect(ravi.purchases.map((u: { orderId: string; value: number }) => [u.orderId, u.value])).toEqual([[firstOrder, 1800.5], [laterOrder, 450]]);
    const anita = await purchasesOf(s, 'anita');
    expect(anita).toMatchObject({ stage: 'customer', conversion: { at: '2026-02-20T11:00:00.000Z', value: 80, currency: 'INR' } });
    const again = await at(s, ['import', 'purchases', join(EXPORTS, file)]);
    expect(again.stderr.trim().split('\n').at(-1)).toBe('created 0, merged 0, skipped 3, rejected 0 (nothing to change)');
    expect((await purchasesOf(s, 'ravi')).purchases).toEqual(ravi.purchases);
  });
});

describe('import purchases', () => {
  it('joins the rows of one order: values added exactly, products listed', async () => {
    const s = await shop();
    await at(s, ['import', 'purchases', join(EXPORTS, 'square-items.csv')]);
    expect((await purchasesOf(s, 'ravi')).purchases[0]).toEqual({
      id: 1, prospectId: 1, at: '2026-02-03T18:30:00.000Z', value: 1800.5, currency: 'INR', product: 'Birthday cake; Candles', orderId: 'sq-tx-001',
    });
  });

  it('reads its own export back (prospect by id), skipping what is there already', async () => {
    const s = await shop();
    await at(s, ['purchase', 'log', 'ravi', '--value', '12.5', '--currency', 'EUR', '--at', '2026-02-01']);
    await at(s, ['purchase', 'log', 'ravi', '--value', '3', '--currency', 'EUR', '--at', '2026-02-02', '--product', '=cmd']);
    const csv = (await at(s, ['export', 'purchases'])).stdout;
    const t = await shop();
    const file = join(tempDir(), 'purchases.csv');
    writeFileSync(file, csv);
    expect((await at(t, ['import', 'purchases', file])).code).toBe(0);
    expect((await at(t, ['export', 'purchases'])).stdout).toBe(csv);
    expect((await at(s, ['import', 'purchases', file])).stderr).toContain('created 0, merged 0, skipped 2, rejected 0');
  });

  it('an unknown buyer rejects the file (65, nothing written); --skip-invalid --rejects keeps the rest; --dry-run writes nothing', async () => {
    const s = await shop();
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, 'email,at,value,currency,order_id\nravi@example.com,2026-02-03T18:30,10,EUR,A1\nnobody@example.com,2026-02-04,5,EUR,A2\n');
    const refused = await at(s, ['import', 'purchases', file]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('"nobody@example.com" matches no prospect');
    expect((await purchasesOf(s, 'ravi')).purchases).toEqual([]);
    const dry = await at(s, ['import', 'purchases', file, '--dry-run', '--skip-invalid']);
    expect(dry.stderr).toContain('created 1, merged 0, skipped 0, rejected 1 (dry run: nothing written)');
    expect((await purchasesOf(s, 'ravi')).purchases).toEqual([]);
    const rejects = join(tempDir(), 'rejects.csv');
    const kept = await at(s, ['import', 'purchases', file, '--skip-invalid', '--rejects', rejects]);
    expect(kept.code, kept.stderr).toBe(0);
    expect((await purchasesOf(s, 'ravi')).purchases.map((u: { orderId: string }) => u.orderId)).toEqual(['A1']);
    expect(readFileSync(rejects, 'utf8')).toContain('nobody@example.com');
  });

  it('an order whose rows fall in two batches is still one purchase with the summed value, as in one batch', async () => {
    // Batches of 2 rows: order A1 (Ravi's first purchase) and B7 (a later one) each end one batch and go on in the
    // next, their further line items without a date (as Shopify writes them); Anita's C3 is in the store already.
    const csv = [
      'email,phone,at,value,currency,order_id,product',
      ',+91 98300 22222,2026-03-02T10:00,5,INR,C3,Tea',
      'ravi@example.com,,2026-02-03T18:30,1500.50,INR,A1,Birthday cake',
      'ravi@example.com,,,300,INR,A1,Candles',
      'ravi@example.com,,2026-02-10T09:00,0.10,INR,B7,Bun',
      'ravi@example.com,,,0.20,INR,B7,Jam',
      ',+91 98300 22222,2026-03-02T10:00,5,INR,C3,Sugar',
      '',
    ].join('\n');
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, csv);
    const [whole, batched] = [await shop(), await shop()];
    for (const s of [whole, batched]) await at(s, ['purchase', 'log', 'anita', '--value', '1', '--currency', 'INR', '--at', '2026-03-02T10:00', '--order', 'C3']);
    const once = await at(whole, ['import', 'purchases', file]);
    const split = await at(batched, ['import', 'purchases', file], { PRECRM_IMPORT_BATCH: '2' });
    expect(once.stderr.trim().split('\n').at(-1)).toBe('created 2, merged 0, skipped 1, rejected 0');
    expect([split.code, split.stderr.trim().split('\n').at(-1)]).toEqual([0, 'created 2, merged 0, skipped 1, rejected 0']);
    const ravi = await purchasesOf(batched, 'ravi');
    expect(ravi.conversion).toEqual({ at: '2026-02-03T18:30:00.000Z', value: 1800.5, currency: 'INR', product: 'Birthday cake; Candles' });
    expect(ravi.purchases.map((u: { orderId: string; value: number; product: string }) => [u.orderId, u.value, u.product])).toEqual([
      ['A1', 1800.5, 'Birthday cake; Candles'], ['B7', 0.3, 'Bun; Jam'],
    ]);
    expect(ravi).toEqual(await purchasesOf(whole, 'ravi'));
    expect((await purchasesOf(batched, 'anita')).conversion).toMatchObject({ value: 1, product: null });
    expect((await at(batched, ['store', 'check'])).code).toBe(0);
    // A second run, batched or not, changes nothing.
    const again = await at(batched, ['import', 'purchases', file], { PRECRM_IMPORT_BATCH: '2' });
    expect(again.stderr.trim().split('\n').at(-1)).toBe('created 0, merged 0, skipped 3, rejected 0 (nothing to change)');
  });

  it('needs a currency: a column, one written with the amount, or PRECRM_CURRENCY', async () => {
    const s = await shop();
    const file = join(tempDir(), 'orders.csv');
    writeFileSync(file, 'email,at,value\nravi@example.com,2026-02-03T18:30,10\n');
    const none = await at(s, ['import', 'purchases', file]);
    expect(none.code).toBe(65);
    expect(none.stderr).toContain('has no currency');
    expect((await at(s, ['import', 'purchases', file], { PRECRM_CURRENCY: 'EUR' })).code).toBe(0);
    expect((await purchasesOf(s, 'ravi')).conversion).toEqual({ at: '2026-02-03T18:30:00.000Z', value: 10, currency: 'EUR', product: null });
  });
});
