// `due --format ics`: the calendar a phone subscribes to, read back with a real iCalendar parser (ical.js).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

const at = (store: string, when: string, args: string[]) => run(store, args, { now: `${when}:00.000Z` });

interface Seen { uid: string; day: string; allDay: boolean; end: string; summary: string; description: string | null }

function events(text: string): Seen[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, day: e.startDate.toString(), allDay: e.startDate.isDate, end: e.endDate.toString(), summary: e.summary, description: e.description ?? null };
  });
}

async function shop(): Promise<string> {
  const s = await tempStore();
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Ravi Sen', '--cadence', '1w', '--phone', '+91 98300 11111']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Priya; "Nair", \\n', '--follow-up', '2026-11-20', '--next', 'send the wedding quote, with prices']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Grace Lee', '--follow-up', '2026-12-30']);
  await at(s, '2026-11-01T10:00', ['prospect', 'add', 'Oliver Brown', '--follow-up', '2026-11-24']);
  await at(s, '2026-11-02T10:00', ['prospect', 'do-not-contact', 'oliver']);
  return s;
}

describe('due --format ics', () => {
  it('writes all-day events of the next 30 days, overdue ones on today, text escaped as the RFC says, never a do-not-contact one', async () => {
    const s = await shop();
    const r = await at(s, '2026-11-23T08:00', ['due', '--format', 'ics']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const seen = events(r.stdout);
    expect(seen.map((e) => [e.summary, e.day, e.allDay, e.end])).toEqual([
      ['Get in touch: Ravi Sen', '2026-11-23', true, '2026-11-24'],
      ['Follow up: Priya; "Nair", \\n', '2026-11-23', true, '2026-11-24'],
    ]);
    expect(seen[0]!.description).toBe('overdue since 2026-11-08\n+91 98300 11111');
    expect(seen[1]!.description).toBe('overdue since 2026-11-20\nsend the wedding quote, with prices');
    // --within says how far: Grace's follow-up on 30 December is 37 days ahead.
    const later = events((await at(s, '2026-11-23T08:00', ['due', '--format', 'ics', '--within', '40d'])).stdout);
    expect(later.map((e) => e.summary)).toContain('Follow up: Grace Lee');
  });

  it('keeps each event\'s UID from run to run, so a moved follow-up updates its event; two stores never share one', async () => {
    const s = await shop();
    const before = events((await at(s, '2026-11-23T08:00', ['due', '--format', 'ics'])).stdout);
    await at(s, '2026-11-23T09:00', ['prospect', 'follow-up', 'priya', '2026-11-26']);
    const after = events((await at(s, '2026-11-24T08:00', ['due', '--format', 'ics'])).stdout);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    const priya = before.find((e) => e.summary.startsWith('Follow up: Priya'))!;
    expect(after.find((e) => e.uid === priya.uid)!.day).toBe('2026-11-26');
    expect(new Set(before.map((e) => e.uid)).size).toBe(before.length);
    const other = events((await at(await shop(), '2026-11-23T08:00', ['due', '--format', 'ics'])).stdout);
    expect(other.map((e) => e.uid).some((uid) => before.some((e) => e.uid === uid))).toBe(false);
  });

  it('-o writes the file whole, mode 0600, for cron; a format other commands do not know is refused', async () => {
    const s = await shop();
    const file = join(tempDir(), 'precrm.ics');
    const r = await at(s, '2026-11-23T08:00', ['due', '--format', 'ics', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(events(readFileSync(file, 'utf8'))).toHaveLength(2);
    const wrong = await at(s, '2026-11-23T08:00', ['stale', '--format', 'ics']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown format "ics"/);
  });
});
