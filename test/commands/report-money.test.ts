// Money is never added across currencies, on every backend: a shop paid in EUR and INR gets one revenue column per
// currency in report sources and referrals (an object keyed by currency in JSON), --currency picks one, the digest
// names each currency, and report html shows the per-currency columns; a one-currency shop prints as it always did.
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

/** Noon UTC on 2026-01-01 plus n days. */
const day = (n: number): string => new Date(Date.UTC(2026, 0, 1 + n, 12)).toISOString();
const NOW = day(10);

async function ok(store: string, args: string[], now = day(0)): Promise<void> {
  const r = await run(store, args, { now });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
}

/** Asha (walk-in) pays 10 EUR on day 5, Ben (walk-in, referred by Asha) 500 INR on day 6, Chen (instagram, referred by Asha) 12.50 EUR on day 7; Dana (instagram) never buys. */
async function twoCurrencies(): Promise<string> {
  const s = await tempStore();
  for (const args of [['Asha', '--source', 'walk-in'], ['Ben', '--source', 'walk-in', '--referred-by', 'asha'], ['Chen', '--source', 'instagram', '--referred-by', 'asha'], ['Dana', '--source', 'instagram']]) {
    await ok(s, ['prospect', 'add', ...args]);
  }
  for (const [who, value, currency, n] of [['asha', '10', 'EUR', 5], ['ben', '500', 'INR', 6], ['chen', '12.50', 'EUR', 7]] as const) {
    await ok(s, ['convert', who, '--value', value, '--currency', currency, '--at', day(n)], NOW);
  }
  return s;
}

const at = (store: string, args: string[]) => run(store, args, { now: NOW });

describe('money in several currencies', () => {
  it('report sources: one revenue column per currency in csv, an object in json, one currency with --currency', async () => {
    const s = await twoCurrencies();
    const csv = await at(s, ['report', 'sources', '--format', 'csv']);
    expect(csv).toEqual({
      code: 0, stderr: '', stdout: [
        'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue_EUR,revenue_INR',
        'instagram,2,1,0.5,7,0,12.5,0',
        'walk-in,2,2,1,5.5,0,10,500',
        '',
      ].join('\n'),
    });
    const json = JSON.parse((await at(s, ['report', 'sources', '--json'])).stdout);
    expect(json.map((r: { revenue: unknown }) => r.revenue)).toEqual([{ EUR: 12.5, INR: 0 }, { EUR: 10, INR: 500 }]);
    const eur = await at(s, ['report', 'sources', '--format', 'csv', '--currency', 'eur']);
    expect(eur.stdout.split('\n')).toEqual([
      'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue',
      'instagram,2,1,0.5,7,0,12.5', 'walk-in,2,2,1,5.5,0,10', '',
    ]);
    expect(JSON.parse((await at(s, ['report', 'sources', '--json', '--currency', 'INR'])).stdout).map((r: { revenue: unknown }) => r.revenue)).toEqual([0, 500]);
    const table = await at(s, ['report', 'sources']);
    expect(table.stdout.split('\n')[1]).toMatch(/│ revenue_EUR │ revenue_INR │$/);
  });

  it('report referrals: referred revenue per currency; --currency picks one; a bad code is a usage error', async () => {
    const s = await twoCurrencies();
    expect((await at(s, ['report', 'referrals', '--format', 'csv'])).stdout).toBe(
      'id,name,referrals,referred_customers,referred_revenue_EUR,referred_revenue_INR\n1,Asha,2,2,12.5,500\n',
    );
    expect(JSON.parse((await at(s, ['report', 'referrals', '--json'])).stdout)[0].referred_revenue).toEqual({ EUR: 12.5, INR: 500 });
    expect((await at(s, ['report', 'referrals', '--format', 'csv', '--currency', 'INR'])).stdout).toBe(
      'id,name,referrals,referred_customers,referred_revenue\n1,Asha,2,2,500\n',
    );
    const bad = await at(s, ['report', 'referrals', '--currency', 'euro']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('error: --currency "euro" is not a three-letter currency code (e.g. INR, EUR, USD)');
  });

  it('the digest names each currency in text, keeps them apart in json, and --currency picks one', async () => {
    const s = await twoCurrencies();
    const text = await at(s, ['digest']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Conversions                  3  +3\n    revenue 22.50 EUR (+22.50), 500 INR (+500)\n');
    const json = JSON.parse((await at(s, ['digest', '--format', 'json'])).stdout);
    expect(json.revenue).toEqual({ now: { EUR: 22.5, INR: 500 }, before: { EUR: 0, INR: 0 } });
    const eur = await at(s, ['digest', '--currency', 'EUR']);
    expect(eur.stdout).toContain('    revenue 22.50 (+22.50)\n');
    expect(JSON.parse((await at(s, ['digest', '--format', 'json', '--currency', 'EUR'])).stdout).revenue).toEqual({ now: 22.5, before: 0 });
    const html = (await at(s, ['digest', '--format', 'html'])).stdout;
    expect(html).toContain('revenue 22.50 EUR (+22.50), 500 INR (+500)');
  });

  it('report html: sources and top referrers show revenue per currency, never one sum', async () => {
    const s = await twoCurrencies();
    const r = await at(s, ['report', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('revenue_EUR');
    expect(r.stdout).toContain('revenue_INR');
    expect(r.stdout).not.toContain('510');
    expect(r.stdout).not.toContain('522.5');
  });

  it('report sources and touches gain cost and revenue per unit of cost once a touch or tally has a cost', async () => {
    const s = await twoCurrencies();
    await ok(s, ['touch', 'log', 'asha', 'sample', '--cost', '2', '--currency', 'EUR', '--at', day(2)], NOW);
    await ok(s, ['touch', 'log', 'ben', 'sample', '--cost', '50', '--currency', 'INR', '--at', day(3)], NOW);
    await ok(s, ['tally', 'log', 'sample', '10', '--cost', '100', '--currency', 'INR', '--at', day(1)], NOW);
    // Tallies belong to no source: walk-in's cost is Asha's 2 EUR and Ben's 50 INR only.
    expect((await at(s, ['report', 'sources', '--format', 'csv'])).stdout).toBe([
      'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue_EUR,revenue_INR,cost_EUR,cost_INR,revenue_per_cost_EUR,revenue_per_cost_INR',
      'instagram,2,1,0.5,7,0,12.5,0,0,0,,',
      'walk-in,2,2,1,5.5,1,10,500,2,50,5,10',
      '',
    ].join('\n'));
    // sample, in INR: Ben's 500 against his sample's 50 and the tally's 100.
    const touches = await at(s, ['report', 'touches', '--format', 'csv', '--currency', 'INR']);
    expect(touches.stdout.split('\n')[0]).toBe('type,touches,prospects,conversion_rate,first_touch_conversions,last_touch_conversions,revenue,cost,revenue_per_cost');
    expect(touches.stdout.split('\n')[3]).toBe('sample,2,2,1,2,2,500,150,3.333333');
    const json = JSON.parse((await at(s, ['report', 'touches', '--json'])).stdout);
    expect(json[2]).toMatchObject({ type: 'sample', revenue: { EUR: 10, INR: 500 }, cost: { EUR: 2, INR: 150 }, revenue_per_cost: { EUR: 5, INR: 3.333333 } });
    // With --source the tallies (of no source) are left out.
    expect((await at(s, ['report', 'touches', '--format', 'csv', '--currency', 'INR', '--source', 'walk-in'])).stdout.split('\n')[3]).toBe('sample,2,2,1,2,2,500,50,10');
  });

  it('one currency prints as it always did: one revenue column, a number in json', async () => {
    const s = await tempStore();
    await ok(s, ['prospect', 'add', 'Asha', '--source', 'walk-in']);
    await ok(s, ['convert', 'asha', '--value', '10', '--currency', 'EUR', '--at', day(5)], NOW);
    expect((await at(s, ['report', 'sources', '--format', 'csv'])).stdout).toBe(
      'source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue\nwalk-in,1,1,1,5,0,10\n',
    );
    expect(JSON.parse((await at(s, ['digest', '--format', 'json'])).stdout).revenue).toEqual({ now: 10, before: 0 });
  });
});
