// `purchase log` on every backend: a first purchase converts exactly as `convert` does, later ones are added and
// never move the stage, money always has a currency, and an order is logged once.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir, tempStore } from '../helpers.js';

/** Runs a command as of a moment (UTC in tests). */
const at = (store: string, when: string, args: string[], env: Record<string, string> = {}) => run(store, args, { now: `${when}:00.000Z`, env });

async function shop(): Promise<string> {
  const s = await tempStore();
  await at(s, '2026-01-05T17:10', ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--stage', 'engaged']);
  await at(s, '2026-01-06T17:10', ['prospect', 'add', 'Anita Rao', '--referred-by', 'ravi']);
  await at(s, '2026-01-07T17:10', ['touch', 'log', 'ravi', 'sample', 'cardamom bun']);
  return s;
}

describe('purchase log', () => {
  it('converts a first purchase exactly as convert does (same stdout of prospect show, same messages)', async () => {
    const [a, b] = [await shop(), await shop()];
    const conv = await at(a, '2026-02-03T18:30', ['convert', 'ravi', '--value', '1200', '--currency', 'INR', '--product', 'birthday cake']);
    const log = await at(b, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '1200', '--currency', 'INR', '--product', 'birthday cake']);
    expect(log).toEqual({ code: 0, stdout: '1\n', stderr: conv.stderr });
    for (const args of [['prospect', 'show', 'ravi'], ['prospect', 'show', 'anita', '--json'], ['export', 'conversions']]) {
      const [x, y] = [await at(a, '2026-02-04T09:00', args), await at(b, '2026-02-04T09:00', args)];
      expect(y.stdout, args.join(' ')).toBe(x.stdout);
    }
  });

  it('adds later purchases without changing the stage; prospect show lists every one after the keys it always had', async () => {
    const s = await shop();
    await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '1200', '--currency', 'INR', '--order', 'A-1']);
    const first = JSON.parse((await at(s, '2026-02-04T09:00', ['prospect', 'show', 'ravi', '--json'])).stdout);
    const again = await at(s, '2026-03-03T10:00', ['purchase', 'log', 'ravi', '--value', '350.50', '--product', 'rye loaf'], { PRECRM_CURRENCY: 'inr' });
    expect(again).toMatchObject({ code: 0, stdout: '2\n' });
    expect(again.stderr).toBe('purchase 2 of prospect 1 recorded\n');
    const story = JSON.parse((await at(s, '2026-03-04T09:00', ['prospect', 'show', 'ravi', '--json'])).stdout);
    expect(Object.keys(story).at(-1)).toBe('purchases');
    expect(story.stage).toBe('advocate'); // he referred Anita before he bought
    expect(story.stageHistory).toEqual(first.stageHistory);
    expect(story.conversion).toEqual({ at: '2026-02-03T18:30:00.000Z', value: 1200, currency: 'INR', product: null });
    expect(story.purchases).toEqual([
      { id: 1, prospectId: 1, at: '2026-02-03T18:30:00.000Z', value: 1200, currency: 'INR', product: null, orderId: 'A-1' },
      { id: 2, prospectId: 1, at: '2026-03-03T10:00:00.000Z', value: 350.5, currency: 'INR', product: 'rye loaf', orderId: null },
    ]);
    const table = (await at(s, '2026-03-04T09:00', ['prospect', 'show', 'ravi'])).stdout;
    expect(table).toContain('\npurchases (2)\n  2026-02-03  1200 INR  order A-1\n  2026-03-03  350.5 INR  rye loaf\n');
  });

  it('prints the purchase as JSON with --json', async () => {
    const s = await shop();
    const out = await at(s, '2026-02-03T18:30', ['purchase', 'log', '1', '--value', '€12,50', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ id: 1, prospectId: 1, at: '2026-02-03T18:30:00.000Z', value: 12.5, currency: 'EUR', product: null, orderId: null });
  });

  it('needs a currency: --currency, one written with the value, or PRECRM_CURRENCY (else 2, nothing written)', async () => {
    const s = await shop();
    const none = await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '12']);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('error: no currency for the amount: give --currency (e.g. --currency EUR) or set PRECRM_CURRENCY');
    expect((await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--currency', 'EUR'])).code).toBe(2);
    const bad = await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '12'], { PRECRM_CURRENCY: 'euro' });
    expect(bad.code).toBe(2);
    expect(JSON.parse((await at(s, '2026-02-04T09:00', ['prospect', 'show', 'ravi', '--json'])).stdout).purchases).toEqual([]);
  });

  it('refuses an order logged before (4), a purchase before the first (4), and a lost prospect as convert does (4)', async () => {
    const s = await shop();
    const eur = { PRECRM_CURRENCY: 'EUR' };
    expect((await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '10', '--order', '#1001'], eur)).code).toBe(0);
    const twice = await at(s, '2026-02-05T18:30', ['purchase', 'log', 'ravi', '--value', '10', '--order', '#1001'], eur);
    expect(twice.code).toBe(4);
    expect(twice.stderr.split('\n')[0]).toBe('error: order "#1001" is logged already (purchase 1); a purchase is logged once');
    const before = await at(s, '2026-02-05T18:30', ['purchase', 'log', 'ravi', '--value', '10', '--at', '2026-02-01'], eur);
    expect(before.code).toBe(4);
    expect(before.stderr).toContain('first bought on 2026-02-03');
    await at(s, '2026-02-06T10:00', ['prospect', 'lose', 'anita', '--reason', 'moved away']);
    const lost = await at(s, '2026-02-06T10:05', ['purchase', 'log', 'anita', '--value', '10'], eur);
    const convertLost = await at(s, '2026-02-06T10:05', ['convert', 'anita', '--value', '10'], eur);
    expect(lost).toEqual({ ...convertLost, code: 4 });
    expect((await at(s, '2026-02-06T10:06', ['purchase', 'log', 'nobody', '--value', '1'], eur)).code).toBe(3);
  });

  it('a customer whose first purchase was never dated gets it from the purchase, keeping its stage history', async () => {
    const s = await tempStore();
    const file = join(tempDir(), 'customers.csv');
    writeFileSync(file, 'name,stage\nRavi Sen,customer\n');
    expect((await at(s, '2026-01-05T17:10', ['import', 'prospects', file])).code).toBe(0);
    const before = JSON.parse((await at(s, '2026-01-06T09:00', ['prospect', 'show', 'ravi', '--json'])).stdout);
    expect(before.conversion).toBeNull();
    expect((await at(s, '2026-02-01T10:00', ['purchase', 'log', 'ravi', '--value', '5', '--currency', 'EUR'])).code).toBe(0);
    const after = JSON.parse((await at(s, '2026-02-02T09:00', ['prospect', 'show', 'ravi', '--json'])).stdout);
    expect(after.stageHistory).toEqual(before.stageHistory);
    expect(after.conversion).toEqual({ at: '2026-02-01T10:00:00.000Z', value: 5, currency: 'EUR', product: null });
    expect(after.purchases.map((u: { id: number }) => u.id)).toEqual([1]);
  });
});

describe('export purchases', () => {
  it('writes every purchase, oldest first, in fixed columns (csv and json), filtered by prospect and purchase date', async () => {
    const s = await shop();
    const inr = { PRECRM_CURRENCY: 'INR' };
    await at(s, '2026-02-03T18:30', ['purchase', 'log', 'ravi', '--value', '1200', '--product', 'birthday cake', '--order', '=1+1'], inr);
    await at(s, '2026-02-20T10:00', ['purchase', 'log', 'anita', '--value', '80'], inr);
    await at(s, '2026-03-03T10:00', ['purchase', 'log', 'ravi', '--value', '350.5', '--product', 'rye, seeded'], inr);
    const csv = await at(s, '2026-03-04T09:00', ['export', 'purchases']);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect(csv.stdout).toBe([
      'id,prospect_id,email,phone,name,at,value,currency,product,order_id',
      "1,1,ravi@example.com,,Ravi Sen,2026-02-03T18:30:00.000Z,1200,INR,birthday cake,'=1+1",
      '2,2,,,Anita Rao,2026-02-20T10:00:00.000Z,80,INR,,',
      '3,1,ravi@example.com,,Ravi Sen,2026-03-03T10:00:00.000Z,350.5,INR,"rye, seeded",',
      '',
    ].join('\n'));
    const since = await at(s, '2026-03-04T09:00', ['export', 'purchases', '--since', '2026-02-10', '--search', 'ravi', '--json']);
    expect(JSON.parse(since.stdout)).toEqual([
      { id: 3, prospectId: 1, at: '2026-03-03T10:00:00.000Z', value: 350.5, currency: 'INR', product: 'rye, seeded', orderId: null },
    ]);
    // export conversions stays the first purchases.
    const conversions = (await at(s, '2026-03-04T09:00', ['export', 'conversions'])).stdout.trim().split('\n');
    expect(conversions.map((l) => l.split(',')[0])).toEqual(['prospect_id', '1', '2']);
  });
});
