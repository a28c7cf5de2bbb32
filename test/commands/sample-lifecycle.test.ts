import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

// The README demo: the sample bakery on its "today", 23 November 2026 (read only).
const BAKERY = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));
const NOW = '2026-11-23T08:00:00.000Z';

describe('the sample bakery shows a living shop', () => {
  it('npm run demo is the morning on that day: due, the funnel, the loyalty report', () => {
    const demo = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.demo as string;
    expect(demo).toContain(`PRECRM_NOW=${NOW.replace('.000', '')}`);
    expect(demo.split('&&').map((c) => c.replace(/^.*node bin\/precrm /, '').trim())).toEqual(['due', 'report funnel', 'report loyalty --by sampled']);
  });

  it('due lists a sensible handful: overdue first, then today', async () => {
    const r = await run(BAKERY, ['due', '--json'], { now: NOW });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { name: string; reason: string; overdue_days: number }) => `${x.name}: ${x.reason} ${x.overdue_days}`)).toEqual([
      'Yuki Tanaka: cadence 4',
      'Priya Nair: follow-up 3',
      'Ravi Sen: cadence 0',
      'Laura Svensson: follow-up 0',
      'Dev Patel: cadence 0',
      'Imran Ali: follow-up 0',
      'Ravi Sen: occasion -4',
    ]);
  });

  it('Ravi is an advocate whose father and friends came through him', async () => {
    const ravi = JSON.parse((await run(BAKERY, ['prospect', 'show', 'ravi', '--json'], { now: NOW })).stdout);
    expect(ravi).toMatchObject({ stage: 'advocate', daysToConvert: 40, touchesBeforeConversion: 30, conversion: { value: 1800, currency: 'INR' } });
    expect(ravi.referrals.map((r: { name: string }) => r.name)).toEqual(['Suresh Sen', 'Kabir Roy', 'Imran Ali']);
    expect(ravi.stageHistory.map((h: { stage: string }) => h.stage)).toEqual(['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate']);
  });

  it('stale leaves out customers, the lost, the do-not-contact and those with a plan', async () => {
    const rows = JSON.parse((await run(BAKERY, ['stale', '--json'], { now: NOW })).stdout) as { name: string; stage: string }[];
    const names = rows.map((r) => r.name);
    expect(rows.every((r) => ['aware', 'interested', 'engaged', 'intent'].includes(r.stage))).toBe(true);
    for (const planned of ['Isabel Costa', 'Fatima Zahra', 'Ethan Walker', 'Grace Lee', 'Tomás Ortega', 'Lena Fischer', 'Ravi Sen']) {
      expect(names).not.toContain(planned);
    }
    expect(names).toContain('Priya Nair'); // her follow-up slipped
  });

  it('the regular in the blue scarf was recorded before his name, at aware, and kept his history once named', async () => {
    const farid = JSON.parse((await run(BAKERY, ['prospect', 'show', '43', '--json'], { now: NOW })).stdout);
    expect(farid).toMatchObject({ name: 'Farid Karimi', description: 'blue scarf, passes at six', stage: 'customer' });
    expect(farid.stageHistory[0]).toEqual({ stage: 'aware', at: '2026-06-10T18:05:00.000Z' });
    expect(farid.touches.map((t: { type: string }) => t.type)).toEqual(['visit', 'sample', 'greeting', 'greeting']); // newest first
    expect(farid.purchases).toHaveLength(3);
  });

  it('money is rupees, with one sale in euros', async () => {
    const csv = (await run(BAKERY, ['export', 'purchases', '--format', 'csv', '--columns', 'currency'], { now: NOW })).stdout;
    const currencies = csv.trim().split('\n').slice(1);
    expect(currencies.filter((c) => c !== 'INR')).toEqual(['EUR']);
    expect(currencies.length).toBeGreaterThan(20);
  });

  it('customers who tasted before buying came back more often, in groups of five or more', async () => {
    const rows = JSON.parse((await run(BAKERY, ['report', 'loyalty', '--by', 'sampled', '--json'], { now: NOW })).stdout);
    const [no, yes] = rows as { sampled: string; customers: number; repeat_rate: number }[];
    expect([no!.sampled, yes!.sampled]).toEqual(['no', 'yes']);
    expect(Math.min(no!.customers, yes!.customers)).toBeGreaterThanOrEqual(5);
    expect(yes!.repeat_rate).toBeGreaterThan(2 * no!.repeat_rate);
    expect(no!.repeat_rate).toBeGreaterThan(0);
  });

  it('the survey answers led to different things: first-purchase rates differ by reason', async () => {
    const rows = JSON.parse((await run(BAKERY, ['report', 'survey', 'bakery perception', '--outcome', '--json'], { now: NOW })).stdout);
    const reason = (rows as { question: string; answer: string; first_rate: number | null }[]).filter((r) => r.question === 'reason');
    const rates = reason.map((r) => r.first_rate);
    expect(rates.filter((r) => r !== null && r > 0).length).toBeGreaterThanOrEqual(2);
    expect(new Set(rates).size).toBeGreaterThanOrEqual(3);
  });

  it('the passers-by are counted before they have names, the samples with what they cost', async () => {
    const csv = (await run(BAKERY, ['report', 'tallies', '--by', 'type', '--period', 'month', '--format', 'csv'], { now: NOW })).stdout;
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe('type,period,count,tallies,cost_INR');
    const samples = lines.map((l) => l.split(',')).filter(([type, , count]) => type === 'sample' && Number(count) > 0);
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples.every((r) => Number(r[4]) > 0)).toBe(true);
  });
});
