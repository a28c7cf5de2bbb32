// precrm digest on a fixed-clock fixture: a week of activity against the week before, counted by hand.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { MONDAY, weekStore } from '../fixtures/digest-week.js';

describe('precrm digest', () => {
  it('a week against the week before, in plain text for mail: hand-counted figures, stable order, under 80 columns', async () => {
    const r = await run(await weekStore(), ['digest'], { now: MONDAY });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'precrm digest: 2026-03-09 to 2026-03-16',
      'Each figure with its change against the 7 days before.',
      '',
      // Bilal, Chen, Dora this week; Asha the week before.
      'New prospects                3  +2',
      '    by source: walk-in 1 (same), instagram 1 (+1), referral 1 (+1)',
      // greeting+call for Bilal, visit for Chen; one greeting the week before.
      'Touches logged               3  +2',
      '    by type: greeting 1 (same), call 1 (+1), visit 1 (+1)',
      '    by person: mitra 2 (+1), joel 1 (+1)',
      // Bilal → engaged; Asha → customer (her purchase) → advocate (she had referred Dora).
      'Stage moves                  3  +3',
      '    to: advocate 1 (+1), customer 1 (+1), engaged 1 (+1)',
      'Conversions                  1  +1',
      '    revenue 250 (+250)',
      'New referrals                1  +1',
      'New advocates                1  +1',
      '',
      'Due in the next 7 days             0',
      'Stale (no touch for 14+ days)      0',
      '',
    ].join('\n'));
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThan(80);
  });

  it('a quiet week prints a short "nothing happened" digest and exits 0', async () => {
    const r = await run(await weekStore(), ['digest'], { now: '2026-04-20T08:00:00.000Z' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'precrm digest: 2026-04-13 to 2026-04-20',
      '',
      'Nothing happened in these 7 days: no new prospects, touches, stage moves or conversions.',
      '',
      'Due in the next 7 days             0',
      // Bilal (engaged), Chen and Dora have had no touch since 11–12 March; Asha is a customer.
      'Stale (no touch for 14+ days)      3',
      '',
    ].join('\n'));
  });

  it('--since 1d, and the json, markdown and html forms carry the same figures', async () => {
    const store = await weekStore();
    const day = await run(store, ['digest', '--since', '1d', '--format', 'json'], { now: '2026-03-12T18:00:00.000Z' });
    const d = JSON.parse(day.stdout);
    expect(d.period).toEqual({ since: '2026-03-11T00:00:00.000Z', until: '2026-03-12T18:00:00.000Z' });
    expect(d.newProspects).toMatchObject({ now: 2, before: 1 }); // Chen, Dora; before: Bilal (10 March, 06:00–24:00 of the 42 hours before)
    expect(d.touchesByType.now).toBe(2);
    const md = await run(store, ['digest', '--format', 'markdown'], { now: MONDAY });
    expect(md.stdout).toContain('| New prospects | 3 | +2 |');
    const html = await run(store, ['digest', '--format', 'html'], { now: MONDAY });
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<tr><th>New prospects</th><td>3</td><td>+2</td>');
    expect(html.stdout).not.toMatch(/https?:/);
  });

  it('the same period says the same number of days at any hour: 7 at 08:00 and at 15:00, "the day before" for 1d', async () => {
    const store = await weekStore();
    const sentence = async (now: string, args: string[] = []) =>
      (await run(store, ['digest', ...args], { now })).stdout.split('\n').find((l) => l.startsWith('Each figure'));
    expect(await sentence('2026-03-16T08:00:00.000Z')).toBe('Each figure with its change against the 7 days before.');
    expect(await sentence('2026-03-16T15:00:00.000Z')).toBe('Each figure with its change against the 7 days before.');
    expect(await sentence('2026-03-16T23:59:00.000Z')).toBe('Each figure with its change against the 7 days before.');
    expect(await sentence('2026-03-12T15:00:00.000Z', ['--since', '1d'])).toBe('Each figure with its change against the day before.');
    const md = await run(store, ['digest', '--format', 'markdown'], { now: '2026-03-16T15:00:00.000Z' });
    expect(md.stdout).toContain('Each figure with its change against the 7 days before.');
  });

  it('a bad --since or format is a usage error; PRECRM_FORMAT for tables does not break a cron digest', async () => {
    const store = await weekStore();
    expect((await run(store, ['digest', '--format', 'csv'], { now: MONDAY })).code).toBe(2);
    expect((await run(store, ['digest', '--since', 'tomorrow'], { now: MONDAY })).code).toBe(2);
    const cron = await run(store, ['digest'], { now: MONDAY, env: { PRECRM_FORMAT: 'csv' } });
    expect(cron.code).toBe(0);
    expect(cron.stdout).toMatch(/^precrm digest: /);
    expect((await run(store, ['prospect', 'list', '--format', 'markdown'], { now: MONDAY })).code).toBe(2);
  });
});
