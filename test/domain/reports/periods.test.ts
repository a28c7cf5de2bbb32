import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { toMs } from '../../../src/domain/reports/instants.js';
import { periodKeyer, periodOf, periodsBetween } from '../../../src/domain/reports/periods.js';

describe('toMs', () => {
  it('decodes canonical instants exactly as Date.parse, and falls back for other forms', () => {
    for (let ms = Date.UTC(1999, 11, 31, 23, 59, 59, 999); ms < Date.UTC(2031, 0, 1); ms += 7_777_777_777 / 97) {
      const iso = new Date(Math.floor(ms)).toISOString();
      expect(toMs(iso)).toBe(Date.parse(iso));
    }
    expect(toMs('2026-03-05T18:30:00+05:30')).toBe(Date.UTC(2026, 2, 5, 13, 0));
    expect(toMs('2026-03-05T18:30:00Z')).toBe(Date.UTC(2026, 2, 5, 18, 30));
  });
});

describe('periods', () => {
  it('day, ISO week and month keys agree with date-fns over every day of five years', () => {
    for (let d = new Date(2024, 0, 1, 12); d.getFullYear() < 2029; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 12)) {
      expect(periodOf(d, 'week')).toBe(format(d, "RRRR-'W'II"));
      expect(periodOf(d, 'day')).toBe(format(d, 'yyyy-MM-dd'));
      expect(periodOf(d, 'month')).toBe(format(d, 'yyyy-MM'));
    }
  });

  it('ISO weeks cross year ends (2026-12-31 is in 2026-W53, 2027-01-04 starts 2027-W01)', () => {
    expect(periodOf(new Date(2026, 11, 31), 'week')).toBe('2026-W53');
    expect(periodOf(new Date(2027, 0, 3), 'week')).toBe('2026-W53');
    expect(periodOf(new Date(2027, 0, 4), 'week')).toBe('2027-W01');
  });

  it('the cached keyer gives the same keys as periodOf', () => {
    const keyOf = periodKeyer('day');
    for (const ms of [Date.UTC(2026, 2, 5, 23, 59), Date.UTC(2026, 2, 6, 0, 0), Date.UTC(2026, 2, 5, 23, 50)]) {
      expect(keyOf(ms)).toBe(periodOf(new Date(ms), 'day'));
    }
  });

  it('periodsBetween fills every period from the first to the last', () => {
    expect(periodsBetween(Date.UTC(2025, 10, 15), Date.UTC(2026, 1, 1), 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween(Date.UTC(2025, 11, 28), Date.UTC(2026, 0, 12), 'week')).toEqual(['2025-W52', '2026-W01', '2026-W02', '2026-W03']);
    expect(periodsBetween(Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 1), 'day')).toEqual([]);
  });
});
