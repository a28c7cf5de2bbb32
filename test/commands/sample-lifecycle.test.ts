import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

// The README demo: the sample bakery on its "today", 23 November 2026 (read only).
const BAKERY = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));
const NOW = '2026-11-23T08:00:00.000Z';

describe('the sample bakery shows a living shop', () => {
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
});
