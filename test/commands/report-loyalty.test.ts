// `report loyalty` on every backend, on a shop recorded through the CLI: the bytes of csv, json and table, each
// --by, the first-purchase window, --currency, --active, the reading under the table, and usage errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

/** Noon UTC on 2026-01-01 plus n days, as --at takes it. */
const day = (n: number): string => new Date(Date.UTC(2026, 0, 1 + n, 12)).toISOString();
const NOW = day(180); // 2026-06-30: --active 90d reaches back to 2026-04-01 (day 90) at midnight

async function ok(store: string, args: string[], now = day(0)): Promise<void> {
  const r = await run(store, args, { now });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
}

/*
 * The shop of test/domain/reports/loyalty.test.ts, through the commands (every figure is derived there):
 * Asha sampled, buys d5 d15 d100; Ben greeted then tasting at the instant he first buys (d6, two purchases: one
 * visit), again d26 in INR; Chen never touched, buys once d50; Dana visited d55, buys d60 (amount unknown), sample
 * d70, again d95; Eli sampled d10, buys d12 in no currency (an old convert), again d130; Fay sampled, never buys.
 */
async function shop(): Promise<string> {
  const s = await tempStore();
  for (const args of [
    ['Asha', '--source', 'walk-in', '--owner', 'mitra'], ['Ben', '--source', 'walk-in', '--owner', 'mitra', '--referred-by', 'asha'],
    ['Chen', '--source', 'instagram', '--owner', 'ravi', '--referred-by', 'asha'], ['Dana', '--source', 'instagram'],
    ['Eli', '--owner', 'mitra'], ['Fay', '--source', 'walk-in', '--owner', 'mitra'],
  ]) await ok(s, ['prospect', 'add', ...args]);
  for (const [who, type, n] of [['asha', 'sample', 1], ['ben', 'greeting', 2], ['ben', 'tasting', 6], ['dana', 'visit', 55], ['dana', 'sample', 70], ['eli', 'sample', 10], ['fay', 'sample', 3]] as const) {
    await ok(s, ['touch', 'log', who, type, '--at', day(n)], NOW);
  }
  for (const [who, n, value, currency] of [
    ['asha', 5, '10', 'EUR'], ['asha', 15, '20', 'EUR'], ['asha', 100, '30', 'EUR'], ['ben', 6, '15', 'EUR'], ['ben', 6, '5', 'EUR'],
    ['ben', 26, '500', 'INR'], ['chen', 50, '40', 'EUR'], ['dana', 95, '8', 'EUR'], ['eli', 130, '3', 'EUR'],
  ] as const) {
    if (who === 'dana') await ok(s, ['convert', 'dana', '--at', day(60)], NOW);
    if (who === 'eli') await ok(s, ['convert', 'eli', '--value', '7', '--at', day(12)], NOW);
    await ok(s, ['purchase', 'log', who, '--value', value, '--currency', currency, '--at', day(n)], NOW);
  }
  return s;
}

const report = (store: string, args: string[], env: Record<string, string> = {}) => run(store, ['report', 'loyalty', ...args], { now: NOW, env });

describe('report loyalty', () => {
  it('csv, json and table of --by sampled; the same figures on every backend', async () => {
    const s = await shop();
    const csv = await report(s, ['--by', 'sampled', '--format', 'csv']);
    expect(csv).toEqual({
      code: 0, stderr: '', stdout: [
        'sampled,customers,repeat_customers,repeat_rate,median_days_to_second,purchases_per_customer,revenue_per_customer_EUR,revenue_per_customer_INR,revenue_per_customer_XXX,active_share',
        'no,2,1,0.5,35,1.5,24,0,0,0.5',
        'yes,3,3,1,20,2.666667,27.666667,166.666667,2.333333,0.666667',
        '',
      ].join('\n'),
    });
    const json = await report(s, ['--by', 'sampled', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { sampled: 'no', customers: 2, repeat_customers: 1, repeat_rate: 0.5, median_days_to_second: 35, purchases_per_customer: 1.5, revenue_per_customer: { EUR: 24, INR: 0, XXX: 0 }, active_share: 0.5 },
      { sampled: 'yes', customers: 3, repeat_customers: 3, repeat_rate: 1, median_days_to_second: 20, purchases_per_customer: 8 / 3, revenue_per_customer: { EUR: 27.666667, INR: 166.666667, XXX: 2.333333 }, active_share: 2 / 3 },
    ]);
    const table = await report(s, ['--by', 'sampled']);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe([
      '┌─────────┬───────────┬────────┬─────────────┬─────────────┬────────────────────┬──────────────┬──────────────┬──────────────┬────────┐',
      '│ sampled │ customers │ repeat │ repeat_rate │ days_to_2nd │ purchases/customer │ EUR/customer │ INR/customer │ XXX/customer │ active │',
      '│ no      │         2 │      1 │       50.0% │        35.0 │               1.50 │        24.00 │         0.00 │         0.00 │  50.0% │',
      '│ yes     │         3 │      3 │      100.0% │        20.0 │               2.67 │        27.67 │       166.67 │         2.33 │  66.7% │',
      '└─────────┴───────────┴────────┴─────────────┴─────────────┴────────────────────┴──────────────┴──────────────┴──────────────┴────────┘',
      'no reading: fewer than two groups have 5 or more customers',
      '',
    ].join('\n'));
  });

  it.each([
    ['source', ['instagram,2,1,0.5', 'walk-in,2,2,1', ',1,1,1']],
    ['first-touch', ['greeting,1,1,1', 'sample,2,2,1', 'visit,1,1,1', ',1,0,0']],
    ['referred', ['no,3,3,1', 'yes,2,1,0.5']],
    ['owner', ['mitra,3,3,1', 'ravi,1,0,0', ',1,1,1']],
  ])('--by %s: one row per group, the none group last and empty', async (by, rows) => {
    const r = await report(await shop(), ['--by', by, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.split(',')[0]).toBe(by.replace('-', '_'));
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(rows);
  });

  it('--since/--until select customers by their first purchase (all were added on the same day)', async () => {
    // First purchases from 2026-01-10 to 2026-02-28: Chen (d50) and Eli (d12); Asha d5, Ben d6, Dana d60 are out.
    const r = await report(await shop(), ['--since', '2026-01-10', '--until', '2026-02-28', '--format', 'csv']);
    expect(r.stdout).toBe([
      'customers,repeat_customers,repeat_rate,median_days_to_second,purchases_per_customer,revenue_per_customer_EUR,revenue_per_customer_XXX,active_share',
      '2,1,0.5,118,1.5,21.5,3.5,0.5', // € (40 + 3) / 2, 7 in no currency / 2; Eli bought d130
      '',
    ].join('\n'));
    // Nobody bought by 2026-01-03: a success, the table's header on stdout and why it is empty on stderr.
    const none = await report(await shop(), ['--until', '2026-01-03']);
    expect(none.code).toBe(0);
    expect(none.stdout.split('\n')[1]).toBe('│ customers │ repeat │ repeat_rate │ days_to_2nd │ purchases/customer │ active │');
    expect(none.stderr).toBe('no customers in this window yet (try a wider --since/--until or fewer filters)\n');
  });

  it('--currency picks one currency (in any case); --active sets the window of "still active"', async () => {
    const s = await shop();
    const inr = await report(s, ['--by', 'referred', '--currency', 'inr', '--format', 'csv']);
    expect(inr.stdout).toBe([
      'referred,customers,repeat_customers,repeat_rate,median_days_to_second,purchases_per_customer,revenue_per_customer_INR,active_share',
      'no,3,3,1,35,2.333333,0,1', // Asha 10, Dana 35, Eli 118 days: the middle one; all three active
      'yes,2,1,0.5,20,2,250,0', // Ben's ₹500 over Ben and Chen
      '',
    ].join('\n'));
    const json = JSON.parse((await report(s, ['--currency', 'EUR', '--active', '60d', '--json'])).stdout);
    // 60 days back from d180 is d120: only Eli's d130 purchase
    expect(json).toEqual([{ customers: 5, repeat_customers: 4, repeat_rate: 0.8, median_days_to_second: 27.5, purchases_per_customer: 2.2, revenue_per_customer: { EUR: 26.2 }, active_share: 0.2 }]);
  });

  it.each([
    [['--by', 'brand'], 'error: unknown --by group "brand" (use one of: source, first-touch, sampled, referred, owner)'],
    [['--currency', 'euro'], 'error: --currency "euro" is not a three-letter currency code (e.g. INR, EUR, USD)'],
    [['--active', 'soon'], 'error: invalid --active span "soon" (use a number of days or a span such as 1d, 2w, 1m)'],
    [['--since', '2026-03-01', '--until', '2026-02-01'], 'error: --since 2026-03-01 is after --until 2026-02-01 (the window would be empty)'],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await report(await shop(), args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});

/** Ten customers: five sampled before buying, of whom four came back; five not sampled, of whom one did. */
async function tenCustomers(): Promise<string> {
  const s = await tempStore();
  const dir = tempDir();
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return join(dir, name);
  };
  const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  await ok(s, ['import', 'prospects', file('people.csv', ['name', ...ids.map((i) => `Customer ${i}`)])]);
  await ok(s, ['import', 'touches', file('touches.csv', ['prospect,type,at', ...ids.slice(0, 5).map((i) => `${i},sample,${day(1)}`)])], NOW);
  // Everyone first buys on day 2 (€10); customers 1-4 (sampled) come back on days 20, 30, 45 and 100 (€12), customer 6
  // on day 60, paying ₹900.
  const again = [[1, 20, '12,EUR'], [2, 30, '12,EUR'], [3, 45, '12,EUR'], [4, 100, '12,EUR'], [6, 60, '900,INR']] as const;
  await ok(s, ['import', 'purchases', file('orders.csv', [
    'prospect_id,at,value,currency,order_id',
    ...ids.map((i) => `${i},${day(2)},10,EUR,A${i}`), ...again.map(([i, n, money]) => `${i},${day(n)},${money},B${i}`),
  ])], NOW);
  return s;
}

describe('report loyalty: the reading under the table', () => {
  it('names the biggest difference in one line: 80% vs 20% is 4.0× as often; csv and json never carry it', async () => {
    const s = await tenCustomers();
    const table = await report(s, ['--by', 'sampled']);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe('customers sampled before buying came back 4.0× as often (80% vs 20%)');
    expect((await report(s, ['--by', 'sampled', '--format', 'csv'])).stdout).not.toContain('came back');
    expect((await report(s, ['--by', 'sampled', '--format', 'tsv'])).stdout).not.toContain('came back');
    // README's example is this shop: its console block is this command's output, byte for byte.
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const example = /^### Loyalty: do customers come back\?\n[\s\S]*?^```console\n\$ precrm report loyalty --by sampled\n([\s\S]*?)^```$/m.exec(readme);
    expect(example?.[1]).toBe(table.stdout);
    // Without --by there is one group and nothing to compare.
    expect((await report(s, [])).stdout.trimEnd().split('\n').at(-1)).toMatch(/^└/);
  });
});

describe('report html: the loyalty section', () => {
  const section = (page: string) => page.slice(page.indexOf('<section id="loyalty">'), page.indexOf('</section>', page.indexOf('<section id="loyalty">')));
  /** Each table row's cells: the data-value of a figure, else its text. */
  const cells = (html: string) => [...html.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) => [...`<td>${m[1]}`.matchAll(/<td[^>]*?(?: data-value="([^"]*)")?>([^<]*)<\/td>/g)].map((c) => c[1] ?? c[2]));

  it('is `report loyalty --by sampled` of the window: its figures, a chart for a phone, and the reading', async () => {
    const s = await tenCustomers();
    const page = (await run(s, ['report', 'html', '--since', '2026-01-01'], { now: NOW })).stdout;
    const loyalty = section(page);
    expect(loyalty).toMatch(/<svg [^>]*class="narrow"/); // the drawing a phone shows
    expect(loyalty).toContain('<div class="scroll"><table>'); // a wide table scrolls in its box on a phone
    const json = JSON.parse((await report(s, ['--by', 'sampled', '--since', '2026-01-01', '--json'])).stdout);
    expect(cells(loyalty)).toEqual(json.map((r: Record<string, any>) => [
      r.sampled === 'yes' ? 'sampled first' : 'not sampled', r.customers, r.repeat_customers, r.repeat_rate, r.median_days_to_second,
      r.purchases_per_customer, r.revenue_per_customer.EUR, r.revenue_per_customer.INR, r.active_share,
    ].map(String)));
    expect(loyalty).toContain('<p class="more">customers sampled before buying came back 4.0× as often (80% vs 20%)</p>');
  });

  it('without customers in the window it says so', async () => {
    const page = (await run(await tenCustomers(), ['report', 'html', '--until', '2026-01-02'], { now: NOW })).stdout;
    expect(section(page)).toContain('No customers in this window yet.');
  });
});
