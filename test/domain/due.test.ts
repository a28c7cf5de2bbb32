import { afterEach, describe, expect, it } from 'vitest';
import { cadenceDueAt, dueList, staleList } from '../../src/domain/due.js';
import { addProspect, addTouch, candidates, docWith, logTouch } from './fixtures.js';

// "Now" is 23 Nov 2026, 09:00 UTC; tests run with TZ=UTC unless they set another zone.
const NOW = new Date('2026-11-23T09:00:00.000Z');
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const names = (rows: { prospect: { name: string | null } }[]) => rows.map((r) => r.prospect.name);

describe('due: follow-ups', () => {
  it('lists a follow-up due today (even later today) and overdue ones, oldest first; not tomorrow', () => {
    const doc = docWith();
    addProspect(doc, 'later today', '2026-11-01T10:00:00Z', { followUp: { at: '2026-11-23T23:30:00.000Z', note: 'call' } });
    addProspect(doc, 'overdue', '2026-11-01T10:00:00Z', { followUp: { at: '2026-11-20T10:00:00.000Z', note: null } });
    addProspect(doc, 'tomorrow', '2026-11-01T10:00:00Z', { followUp: { at: '2026-11-24T00:00:00.000Z', note: null } });
    const rows = dueList(candidates(doc), NOW);
    expect(names(rows)).toEqual(['overdue', 'later today']);
    expect(rows.map((r) => [r.reason, r.overdueDays])).toEqual([['follow-up', 3], ['follow-up', 0]]);
    expect(rows[1]!.note).toBe('call');
  });

  it('--within 7 takes the coming week up to the end of its last day', () => {
    const doc = docWith();
    addProspect(doc, 'in 7 days', '2026-11-01T10:00:00Z', { followUp: { at: '2026-11-30T22:00:00.000Z', note: null } });
    addProspect(doc, 'in 8 days', '2026-11-01T10:00:00Z', { followUp: { at: '2026-12-01T00:00:00.000Z', note: null } });
    const rows = dueList(candidates(doc), NOW, 7);
    expect(names(rows)).toEqual(['in 7 days']);
    expect(rows[0]!.overdueDays).toBe(-7);
  });

  it('leaves out lost, do-not-contact and forgotten prospects', () => {
    const doc = docWith();
    const f = { followUp: { at: '2026-11-20T10:00:00.000Z', note: null } };
    addProspect(doc, 'lost', '2026-11-01T10:00:00Z', f, 'lost');
    addProspect(doc, 'dnc', '2026-11-01T10:00:00Z', { ...f, doNotContact: true });
    addProspect(doc, 'forgotten', '2026-11-01T10:00:00Z', { ...f, forgottenAt: '2026-11-02T00:00:00Z' });
    addProspect(doc, 'ok', '2026-11-01T10:00:00Z', f);
    expect(names(dueList(candidates(doc), NOW))).toEqual(['ok']);
  });

  it('a follow-up due wins over a cadence run out: one row per prospect, with the planned note', () => {
    const doc = docWith();
    addProspect(doc, 'both', '2026-11-01T10:00:00Z', { cadenceDays: 1, followUp: { at: '2026-11-23T08:00:00.000Z', note: 'cake' } });
    expect(dueList(candidates(doc), NOW).map((r) => [r.reason, r.note])).toEqual([['follow-up', 'cake']]);
  });
});

describe('due: cadences', () => {
  it('is due when the last touch plus the cadence is today, counted in calendar days', () => {
    const doc = docWith();
    const daily = addProspect(doc, 'daily', '2026-11-01T10:00:00Z', { cadenceDays: 1 });
    addTouch(doc, daily, '2026-11-22T23:59:00.000Z'); // yesterday, one minute before midnight
    const weekly = addProspect(doc, 'weekly', '2026-11-01T10:00:00Z', { cadenceDays: 7 });
    addTouch(doc, weekly, '2026-11-17T08:00:00.000Z'); // 6 days ago: due tomorrow
    const rows = dueList(candidates(doc), NOW);
    expect(names(rows)).toEqual(['daily']);
    expect(rows[0]).toMatchObject({ reason: 'cadence', dueAt: '2026-11-23T00:00:00.000Z', overdueDays: 0 });
    expect(rows[0]!.lastTouch?.at).toBe('2026-11-22T23:59:00.000Z');
  });

  it('counts from creation when there was never a touch; overdue cadences come first', () => {
    const doc = docWith();
    addProspect(doc, 'new', '2026-11-16T10:00:00Z', { cadenceDays: 7 });
    addProspect(doc, 'old', '2026-11-01T10:00:00Z', { cadenceDays: 14 });
    const rows = dueList(candidates(doc), NOW);
    expect(rows.map((r) => [r.prospect.name, r.overdueDays])).toEqual([['old', 8], ['new', 0]]);
  });

  it('any logged touch restarts the clock', () => {
    const doc = docWith();
    const p = addProspect(doc, 'ravi', '2026-11-01T10:00:00Z', { cadenceDays: 2 });
    addTouch(doc, p, '2026-11-20T18:00:00.000Z');
    expect(names(dueList(candidates(doc), NOW))).toEqual(['ravi']);
    logTouch(doc, p, { type: 'greeting', at: '2026-11-23T08:30:00.000Z' }, NOW.toISOString());
    expect(dueList(candidates(doc), NOW)).toEqual([]);
    expect(cadenceDueAt(p, doc.touches.at(-1))).toBe('2026-11-25T00:00:00.000Z');
  });

  it('uses the local calendar day: a greeting at 23:30 in Kolkata yesterday makes a daily cadence due today', () => {
    process.env.TZ = 'Asia/Kolkata';
    const doc = docWith();
    const p = addProspect(doc, 'ravi', '2026-11-01T10:00:00Z', { cadenceDays: 1 });
    addTouch(doc, p, '2026-11-22T18:00:00.000Z'); // 22 Nov 23:30 IST
    const rows = dueList(candidates(doc), new Date('2026-11-22T19:00:00.000Z')); // 23 Nov 00:30 IST
    expect(rows.map((r) => [r.reason, r.dueAt, r.overdueDays])).toEqual([['cadence', '2026-11-22T18:30:00.000Z', 0]]);
  });
});

describe('stale', () => {
  it('lists pre-customer prospects silent for at least n days, longest silent first', () => {
    const doc = docWith();
    const exactly = addProspect(doc, 'exactly 14', '2026-10-01T10:00:00Z');
    addTouch(doc, exactly, '2026-11-09T20:00:00.000Z');
    const thirteen = addProspect(doc, '13 days', '2026-10-01T10:00:00Z');
    addTouch(doc, thirteen, '2026-11-10T08:00:00.000Z');
    addProspect(doc, 'never touched', '2026-10-01T10:00:00Z', {}, 'aware');
    const rows = staleList(candidates(doc), NOW, 14);
    expect(rows.map((r) => [r.prospect.name, r.silentDays])).toEqual([['never touched', 53], ['exactly 14', 14]]);
    expect(rows[0]!.lastTouch).toBeNull();
  });

  it('skips customers, advocates, lost and do-not-contact prospects', () => {
    const doc = docWith();
    addProspect(doc, 'customer', '2026-01-01T10:00:00Z', {}, 'customer');
    addProspect(doc, 'advocate', '2026-01-01T10:00:00Z', {}, 'advocate');
    addProspect(doc, 'lost', '2026-01-01T10:00:00Z', {}, 'lost');
    addProspect(doc, 'dnc', '2026-01-01T10:00:00Z', { doNotContact: true }, 'intent');
    addProspect(doc, 'intent', '2026-01-01T10:00:00Z', {}, 'intent');
    expect(names(staleList(candidates(doc), NOW, 14))).toEqual(['intent']);
  });

  it('does not ignore the planned next action: a follow-up today or later, or a running cadence, keeps a prospect off', () => {
    const doc = docWith();
    addProspect(doc, 'planned friday', '2026-01-01T10:00:00Z', { followUp: { at: '2026-11-27T00:00:00.000Z', note: null } });
    addProspect(doc, 'planned today', '2026-01-01T10:00:00Z', { followUp: { at: '2026-11-23T00:00:00.000Z', note: null } });
    addProspect(doc, 'overdue plan', '2026-01-01T10:00:00Z', { followUp: { at: '2026-11-22T10:00:00.000Z', note: null } });
    const monthly = addProspect(doc, 'monthly rhythm', '2026-01-01T10:00:00Z', { cadenceDays: 30 });
    addTouch(doc, monthly, '2026-11-01T10:00:00.000Z');
    const slipped = addProspect(doc, 'rhythm slipped', '2026-01-01T10:00:00Z', { cadenceDays: 14 });
    addTouch(doc, slipped, '2026-11-01T10:00:00.000Z');
    expect(names(staleList(candidates(doc), NOW, 14))).toEqual(['overdue plan', 'rhythm slipped']);
  });
});
