// The one rule for dates in a hand-edited store (src/store/stored-dates.ts): a date with an offset is read as that
// instant — so `due` and every comparison see the right time — and written back in UTC; a date whose instant is
// not fixed (no zone) or whose day does not exist is refused with the field named.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCanonicalDate } from '../../src/store/stored-dates.js';
import { run, storeWith } from '../helpers.js';

function edit(store: string, change: (doc: { prospects: Record<string, unknown>[] }) => void): void {
  const doc = JSON.parse(readFileSync(store, 'utf8'));
  change(doc);
  writeFileSync(store, JSON.stringify(doc));
}

describe('a hand-edited date with an offset', () => {
  // 01:00 in India on the 24th is 19:30 UTC on the 23rd: with TZ=UTC that follow-up is due on the 23rd.
  const addWithFollowUp = async () => {
    const store = await storeWith(['Ravi Sen', '--email', 'ravi@example.com'], { now: '2026-11-01T10:00:00Z' });
    edit(store, (doc) => { doc.prospects[0]!.followUp = { at: '2026-11-24T01:00:00+05:30', note: 'call back' }; });
    return store;
  };

  it('is compared as the instant it names: due on the 23rd (UTC), not the 24th', async () => {
    const store = await addWithFollowUp();
    const due = await run(store, ['due', '--json'], { now: '2026-11-23T20:00:00Z' });
    expect(due.code, due.stderr).toBe(0);
    expect(JSON.parse(due.stdout)).toMatchObject([{ id: 1, reason: 'follow-up', due_at: '2026-11-23' }]);
    expect(JSON.parse((await run(store, ['prospect', 'show', 'ravi', '--json'])).stdout).followUp.at).toBe('2026-11-23T19:30:00.000Z');
  });

  it('passes store check, and the next write stores it in UTC', async () => {
    const store = await addWithFollowUp();
    expect((await run(store, ['store', 'check'])).code).toBe(0);
    expect((await run(store, ['prospect', 'edit', 'ravi', '--company', 'Sen & Co'])).code).toBe(0);
    expect(JSON.parse(readFileSync(store, 'utf8')).prospects[0].followUp).toEqual({ at: '2026-11-23T19:30:00.000Z', note: 'call back' });
  });
});

describe('a hand-edited date whose instant is not fixed, or whose day does not exist', () => {
  it.each([
    ['no time zone', '2026-11-24T01:00:00'],
    ['a date alone', '2026-11-24'],
    ['February 30', '2026-02-30T10:00:00.000Z'],
    ['another notation', 'Nov 24 2026 01:00'],
  ])('%s: refused (65) by store check and by writes, naming the field', async (_what, at) => {
    const store = await storeWith();
    edit(store, (doc) => { doc.prospects[0]!.createdAt = at; });
    const before = readFileSync(store);
    for (const args of [['store', 'check'], ['prospect', 'add', 'Anna']]) {
      const r = await run(store, args);
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stderr).toContain('  prospects[0].createdAt: not an ISO 8601 date-time with a time zone on a real day');
      expect(r.stderr).not.toContain(at);
    }
    expect(readFileSync(store).equals(before)).toBe(true);
  });
});

describe('isCanonicalDate (checked for every date of a store on every read)', () => {
  it('accepts exactly the days the calendar has, as a Date round trip would, across leap-year rules', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (const year of [1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const s = `${pad(year, 4)}-${pad(month)}-${pad(day)}T23:59:59.999Z`;
          const d = new Date(s);
          expect(isCanonicalDate(s), s).toBe(!Number.isNaN(d.getTime()) && d.toISOString() === s);
        }
      }
    }
  });

  it('refuses every other form: an offset, no milliseconds, no zone, a date alone', () => {
    for (const s of ['2026-03-05T18:30:00.000+01:00', '2026-03-05T18:30:00Z', '2026-03-05T18:30:00.000', '2026-03-05', '2026-13-05T18:30:00.000Z', '2026-03-05T24:00:00.000Z']) {
      expect(isCanonicalDate(s), s).toBe(false);
    }
  });
});
