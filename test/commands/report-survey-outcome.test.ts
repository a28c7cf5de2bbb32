import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

const EUR = { env: { PRECRM_CURRENCY: 'EUR' } };
const at = (now: string) => ({ ...EUR, now });

/**
 * Answers on 10 Jan at noon (Mia on 20 May), the report on 1 Jun:
 *  Ravi (taste, 10) buys 20 Jan and 10 Feb — 10 and 31 days after answering: first and second.
 *  Anna (taste, 8) buys 1 May — 111 days after: outside 90d, inside 120d.
 *  Lena (taste, 9) bought on 5 Jan, before answering: already a customer (her later purchase does not count).
 *  Omar (price, 3) never buys, his window ended on 10 Apr. Mia (price) answers 20 May: her 90 days still run.
 *  Anonymous: one taste/10 and one price/6.
 */
async function fixture(): Promise<string> {
  const store = await tempStore();
  const steps: [string[], string][] = [
    [['survey', 'create', 'Taste', '--question', 'reason:choice(taste|price):Why us?', '--question', 'recommend:nps:Recommend?', '--question', 'note:text:Anything else?'], '2026-01-01T09:00:00Z'],
    ...['Ravi', 'Anna', 'Lena', 'Omar', 'Mia'].map((n): [string[], string] => [['prospect', 'add', n], '2026-01-01T09:00:00Z']),
    [['purchase', 'log', 'lena', '--value', '5', '--at', '2026-01-05T12:00'], '2026-01-06T09:00:00Z'],
    [['survey', 'respond', 'Taste', '--prospect', 'ravi', '--answer', 'reason=taste', '--answer', 'recommend=10', '--answer', 'note=great bread'], '2026-01-10T12:00:00Z'],
    [['survey', 'respond', 'Taste', '--prospect', 'anna', '--answer', 'reason=Taste', '--answer', 'recommend=8'], '2026-01-10T12:00:00Z'],
    [['survey', 'respond', 'Taste', '--prospect', 'lena', '--answer', 'reason=taste', '--answer', 'recommend=9'], '2026-01-10T12:00:00Z'],
    [['survey', 'respond', 'Taste', '--prospect', 'omar', '--answer', 'reason=price', '--answer', 'recommend=3'], '2026-01-10T12:00:00Z'],
    [['survey', 'respond', 'Taste', '--answer', 'reason=taste', '--answer', 'recommend=10'], '2026-01-10T12:00:00Z'],
    [['survey', 'respond', 'Taste', '--answer', 'reason=price', '--answer', 'recommend=6'], '2026-01-10T12:00:00Z'],
    [['purchase', 'log', 'ravi', '--value', '12', '--at', '2026-01-20T12:00'], '2026-01-21T09:00:00Z'],
    [['purchase', 'log', 'lena', '--value', '7', '--at', '2026-01-15T12:00'], '2026-01-21T09:00:00Z'],
    [['purchase', 'log', 'ravi', '--value', '9', '--at', '2026-02-10T12:00'], '2026-02-11T09:00:00Z'],
    [['purchase', 'log', 'anna', '--value', '30', '--at', '2026-05-01T12:00'], '2026-05-02T09:00:00Z'],
    [['survey', 'respond', 'Taste', '--prospect', 'mia', '--answer', 'reason=price'], '2026-05-20T12:00:00Z'],
  ];
  for (const [args, now] of steps) {
    const r = await run(store, args, at(now));
    expect(r.stderr, args.join(' ')).not.toMatch(/^error/);
    expect(r.code, args.join(' ')).toBe(0);
  }
  return store;
}

const REPORT_NOW = at('2026-06-01T12:00:00Z');
const HEADER = 'question,answer,not_linked,linked,already_customers,first_purchases,first_rate,second_purchases,second_rate,median_days,still_open';

describe('report survey --outcome', () => {
  it('csv: per answer, first and second purchases within 90 days, customers and anonymous answers apart, text left out', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'taste', '--outcome', '--format', 'csv'], REPORT_NOW);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      HEADER,
      // Ravi, Anna and Lena linked; Lena already a customer; of Ravi and Anna, Ravi bought (10 days) and again.
      'reason,taste,1,3,1,1,0.5,1,1,10,0',
      // Omar and Mia: nobody bought; Mia's window runs until 18 Aug.
      'reason,price,1,2,0,0,0,0,,,1',
      'recommend,promoters,1,2,1,1,1,1,1,10,0',
      'recommend,passives,0,1,0,0,0,0,,,0',
      'recommend,detractors,1,1,0,0,0,0,,,0',
      '',
    ].join('\n'));
  });

  it('--within 120d counts Anna (111 days): the median of 10 and 111 days is 60.5', async () => {
    const rows = JSON.parse((await run(await fixture(), ['report', 'survey', 'Taste', '--outcome', '--within', '120d', '--json'], REPORT_NOW)).stdout);
    expect(rows[0]).toEqual({
      question: 'reason', answer: 'taste', not_linked: 1, linked: 3, already_customers: 1, first_purchases: 2, first_rate: 1,
      second_purchases: 1, second_rate: 0.5, median_days: 60.5, still_open: 0,
    });
    expect(rows[1]).toMatchObject({ answer: 'price', first_rate: 0, second_rate: null, median_days: null });
  });

  it('the table names the window on stderr', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'Taste', '--outcome', '--within', '8w'], { ...REPORT_NOW, env: { ...EUR.env, NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/question.*answer.*first_rate/);
    expect(r.stdout).toMatch(/│ reason +│ taste +│ +1 │ +3 │ +1 │ +1 │ +50\.0% │ +1 │ +100\.0% │ +10\.0 │ +0 │/);
    expect(r.stderr).toBe('survey "Taste": 7 response(s), purchases within 56 days of each answer\n');
  });

  it('a bad --within is exit 2 with one line, before the store is read', async () => {
    const r = await run(await tempStore(), ['report', 'survey', 'Taste', '--outcome', '--within', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: invalid --within span "soon" (use a number of days or a span such as 1d, 2w, 1m)\n');
  });

  it('--within without --outcome, or --by with it, is exit 2', async () => {
    const store = await fixture();
    const within = await run(store, ['report', 'survey', 'Taste', '--within', '30d']);
    expect([within.code, within.stderr.split('\n').length]).toEqual([2, 2]);
    expect(within.stderr).toMatch(/^error: --within goes with --outcome/);
    const by = await run(store, ['report', 'survey', 'Taste', '--outcome', '--by', 'segment']);
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/^error: --by does not go with --outcome/);
  });

  it('an unknown survey is exit 3', async () => {
    const r = await run(await fixture(), ['report', 'survey', 'nope', '--outcome']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: no survey is named "nope" (try: precrm survey list)\n');
  });
});

describe('report html: survey outcome', () => {
  const section = (page: string, id: string) => page.slice(page.indexOf(`<section id="${id}">`), page.indexOf('</section>', page.indexOf(`<section id="${id}">`)));

  it('shows, per answer given, the figures of report survey --outcome (90 days)', async () => {
    const store = await fixture();
    const page = (await run(store, ['report', 'html'], REPORT_NOW)).stdout;
    const survey = JSON.parse((await run(store, ['survey', 'list', '--json'])).stdout)[0];
    const html = section(page, `survey-outcome-${survey.id}`);
    expect(html).toContain('<h2>Survey outcome: Taste</h2>');
    const cells = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*?(?: data-value="([^"]*)")?>([^<]*)<\/td>/g)].map((c) => c[1] ?? c[2]));
    const rows = JSON.parse((await run(store, ['report', 'survey', 'Taste', '--outcome', '--json'], REPORT_NOW)).stdout);
    const str = (v: unknown) => (v === null ? '' : String(v));
    expect(cells).toEqual(rows.map((r: Record<string, unknown>) => [
      `${r.question}: ${r.answer}`, r.linked, r.first_purchases, r.first_rate, r.second_purchases, r.median_days, r.already_customers, r.not_linked,
    ].map(str)));
    expect(cells[0]).toEqual(['reason: taste', '3', '1', '0.5', '1', '10', '1', '1']);
  });

  it('says so when no answer is linked to a prospect', async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'Walk', '--question', 'reason:choice(taste|price):Why?']);
    await run(store, ['survey', 'respond', 'Walk', '--answer', 'reason=taste']);
    const page = (await run(store, ['report', 'html'])).stdout;
    expect(page).toContain('No answer is linked to a prospect yet');
  });
});
