import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysBetween, parseSpanDays, parseWhen, showDateTime, showDay } from '../../src/domain/dates.js';

// Tuesday 10 March 2026, 12:00 UTC.
const NOW = new Date('2026-03-10T12:00:00.000Z');
const iso = (text: string, dir: 'past' | 'future' = 'past') => parseWhen(text, NOW, dir).toISOString();

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('ISO, day words, spans and weekdays against a fixed clock (TZ=UTC)', () => {
  it.each([
    ['today', 'past', '2026-03-10T12:00:00.000Z'],
    ['yesterday', 'past', '2026-03-09T12:00:00.000Z'],
    ['tomorrow', 'future', '2026-03-11T12:00:00.000Z'],
    ['3d', 'past', '2026-03-07T12:00:00.000Z'],
    ['3d', 'future', '2026-03-13T12:00:00.000Z'],
    ['2w', 'past', '2026-02-24T12:00:00.000Z'],
    ['2w', 'future', '2026-03-24T12:00:00.000Z'],
    ['1m', 'past', '2026-02-10T12:00:00.000Z'],
    ['1m', 'future', '2026-04-10T12:00:00.000Z'],
    ['friday', 'future', '2026-03-13T12:00:00.000Z'],
    ['tuesday', 'future', '2026-03-17T12:00:00.000Z'],
    ['friday', 'past', '2026-03-06T12:00:00.000Z'],
    ['mon', 'past', '2026-03-09T12:00:00.000Z'],
    ['2026-03-05', 'past', '2026-03-05T00:00:00.000Z'],
    ['2026-03-05T18:30', 'past', '2026-03-05T18:30:00.000Z'],
    ['2026-03-05T18:30:00+05:30', 'past', '2026-03-05T13:00:00.000Z'],
    ['2026-03-05T18:30:00Z', 'past', '2026-03-05T18:30:00.000Z'],
  ] as const)('%s (%s) → %s', (text, dir, expected) => {
    expect(iso(text, dir)).toBe(expected);
  });

  it.each(['03/04', '2026-02-30', '2026-13-01', 'next week', '', '5x', '2026-03-05T25:00'])('rejects %j with a usage error naming the forms', (text) => {
    expect(() => parseWhen(text, NOW, 'past', '--at date')).toThrow(/invalid --at date .*YYYY-MM-DD/);
  });

  it('spans for cadences are whole days', () => {
    expect(parseSpanDays('1d')).toBe(1);
    expect(parseSpanDays('every 2w')).toBe(14);
    expect(parseSpanDays('1m')).toBe(30);
    expect(parseSpanDays('3')).toBe(3);
    expect(() => parseSpanDays('0d')).toThrow(/invalid span/);
    expect(() => parseSpanDays('soon')).toThrow(/invalid span/);
  });
});

describe('time zones: stored UTC, shown and compared in local time', () => {
  it('an ISO day is local midnight, stored as UTC (Asia/Kolkata is UTC+5:30)', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(parseWhen('2026-03-05', NOW, 'past').toISOString()).toBe('2026-03-04T18:30:00.000Z');
    expect(parseWhen('2026-03-05T18:30', NOW, 'past').toISOString()).toBe('2026-03-05T13:00:00.000Z');
  });

  it('shows a stored UTC instant in local time', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(showDateTime('2026-03-05T20:00:00.000Z')).toBe('2026-03-06 01:30');
    expect(showDay('2026-03-05T20:00:00.000Z')).toBe('2026-03-06');
    process.env.TZ = 'America/New_York';
    expect(showDateTime('2026-03-05T20:00:00.000Z')).toBe('2026-03-05 15:00');
  });

  it('counts calendar days in local time: 23:30 and 00:30 the next local day are one day apart', () => {
    process.env.TZ = 'Asia/Kolkata';
    // 2026-03-05 23:30 and 2026-03-06 00:30 in Kolkata.
    expect(calendarDaysBetween(new Date('2026-03-05T18:00:00Z'), new Date('2026-03-05T19:00:00Z'))).toBe(1);
    process.env.TZ = 'UTC';
    expect(calendarDaysBetween(new Date('2026-03-05T18:00:00Z'), new Date('2026-03-05T19:00:00Z'))).toBe(0);
  });
});

describe('zoned ISO input', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('keeps an instant with Z or an offset', () => {
    expect(parseWhen('2026-03-05T18:30:00Z', now, 'past').toISOString()).toBe('2026-03-05T18:30:00.000Z');
    expect(parseWhen('2026-03-05T18:30+05:30', now, 'past').toISOString()).toBe('2026-03-05T13:00:00.000Z');
  });
  it.each(['2026-02-30T10:00:00Z', '2026-13-01T10:00Z', '2026-04-31T00:00+02:00', '2026-03-05T24:30Z'])('refuses %s instead of rolling it over', (text) => {
    expect(() => parseWhen(text, now, 'past')).toThrow(/invalid date/);
  });
});

describe('days and times as people write them (Tuesday 10 March 2026, 12:00)', () => {
  it.each([
    ['10:00', 'past', '2026-03-10T10:00:00.000Z'],
    ['at 18:30', 'past', '2026-03-10T18:30:00.000Z'],
    ['6pm', 'past', '2026-03-10T18:00:00.000Z'],
    ['12am', 'past', '2026-03-10T00:00:00.000Z'],
    ['yesterday 18:00', 'past', '2026-03-09T18:00:00.000Z'],
    ['yesterday at 6:30 p.m.', 'past', '2026-03-09T18:30:00.000Z'],
    ['tomorrow 9:00', 'future', '2026-03-11T09:00:00.000Z'],
    ['friday 9:30', 'past', '2026-03-06T09:30:00.000Z'],
    ['friday 9:30', 'future', '2026-03-13T09:30:00.000Z'],
    ['2026-03-05 6pm', 'past', '2026-03-05T18:00:00.000Z'],
    ['2h', 'past', '2026-03-10T10:00:00.000Z'],
    ['2h', 'future', '2026-03-10T14:00:00.000Z'],
    ['30min', 'past', '2026-03-10T11:30:00.000Z'],
    ['2 hours ago', 'past', '2026-03-10T10:00:00.000Z'],
    ['3 days', 'future', '2026-03-13T12:00:00.000Z'],
    ['12 Mar 2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['12 March 2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['March 12, 2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['Mar 12th 2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['12-Mar-2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['Thu, 12 March 2026', 'past', '2026-03-12T00:00:00.000Z'],
    ['12 Sept 2025 18:30', 'past', '2025-09-12T18:30:00.000Z'],
    // Without a year: the nearest such day on the side the option points to.
    ['12 Mar', 'past', '2025-03-12T00:00:00.000Z'],
    ['12 Mar', 'future', '2026-03-12T00:00:00.000Z'],
    ['2 Mar', 'future', '2027-03-02T00:00:00.000Z'],
  ] as const)('%s (%s) → %s', (text, dir, expected) => {
    expect(iso(text, dir)).toBe(expected);
  });

  it.each(['25:00', '10:60', '13pm', '12', '30 Feb 2026', 'Wed, 12 March 2026', '12 Foo 2026', '2h ago later', 'march 2026'])('refuses %j with a usage error naming the forms', (text) => {
    expect(() => parseWhen(text, NOW, 'past', '--at date')).toThrow(/^invalid --at date ".*" \(use YYYY-MM-DD.*12 Mar 2026.*yesterday 18:00.*2h/);
  });

  it('"ago" only where spans count back: a follow-up in "2h ago" is refused', () => {
    expect(() => parseWhen('2h ago', NOW, 'future', '--follow-up date')).toThrow(/invalid --follow-up date/);
  });

  it('a time of day is local time on that local day (Asia/Kolkata is UTC+5:30)', () => {
    process.env.TZ = 'Asia/Kolkata';
    // 12:00 UTC is 17:30 in Kolkata, on 10 March.
    expect(parseWhen('10:00', NOW, 'past').toISOString()).toBe('2026-03-10T04:30:00.000Z');
    expect(parseWhen('yesterday 18:00', NOW, 'past').toISOString()).toBe('2026-03-09T12:30:00.000Z');
    expect(parseWhen('12 Mar 2026', NOW, 'past').toISOString()).toBe('2026-03-11T18:30:00.000Z');
  });
});
