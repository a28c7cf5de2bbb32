import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysBetween, parseSpanDays, parseWhen, showDateTime, showDay } from '../../src/domain/dates.js';

// Tuesday 10 March 2026, 12:00 UTC.
const NOW = new Date('2026-03-10T12:00:00.000Z');
const iso = (text: string, dir: 'past' | 'future' = 'past') => parseWhen(text, NOW, dir).toISOString();

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('date forms of SPEC §2 against a fixed clock (TZ=UTC)', () => {
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
