import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/domain/errors.js';
import { calendarDaysToConvert, changeStage, loseProspect, reopenProspect } from '../../src/domain/lifecycle.js';
import { furthestStage } from '../../src/domain/stages.js';
import { completesFollowUp } from '../../src/domain/touches.js';
import { addProspect, addTouch, convert, docWith, exitOf, link, logTouch } from './fixtures.js';

const NOW = '2026-06-10T12:00:00.000Z';
const sale = (at = NOW) => ({ at, value: 250, currency: 'INR', product: 'birthday cake' });

describe('stage rules', () => {
  it('records every change, backwards included, and keeps the furthest stage', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Anita', '2026-01-01T10:00:00Z');
    changeStage(p, 'intent', '2026-02-01T10:00:00Z');
    changeStage(p, 'engaged', '2026-03-01T10:00:00Z');
    expect(p.stageHistory.map((h) => h.stage)).toEqual(['interested', 'intent', 'engaged']);
    expect(furthestStage(p)).toBe('intent');
  });

  it('customer only via convert (2), advocate only for a customer (4), lost not after a purchase (4)', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Anita', '2026-01-01T10:00:00Z');
    expect(exitOf(() => changeStage(p, 'customer', NOW))).toBe(EXIT.usage);
    expect(exitOf(() => changeStage(p, 'advocate', NOW))).toBe(EXIT.conflict);
    convert(doc, p, sale(), NOW);
    expect(exitOf(() => changeStage(p, 'lost', NOW))).toBe(EXIT.conflict);
    expect(changeStage(p, 'advocate', NOW)).toBe(true);
  });

  it('lost keeps the furthest stage; reopen returns to it and clears the reason', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Tomás', '2026-01-01T10:00:00Z');
    changeStage(p, 'intent', '2026-02-01T10:00:00Z');
    changeStage(p, 'engaged', '2026-02-10T10:00:00Z');
    Object.assign(p, loseProspect(p, 'moved to Madrid', '2026-03-01T10:00:00Z').prospect);
    expect(p).toMatchObject({ stage: 'lost', lostReason: 'moved to Madrid' });
    expect(furthestStage(p)).toBe('intent');
    Object.assign(p, reopenProspect(p, '2026-04-01T10:00:00Z'));
    expect(p.stage).toBe('intent');
    expect(p).toMatchObject({ stage: 'intent', lostReason: null });
    expect(p.stageHistory.at(-1)).toEqual({ stage: 'intent', at: '2026-04-01T10:00:00Z' });
    expect(exitOf(() => reopenProspect(p, NOW))).toBe(EXIT.conflict);
  });
});

describe('convert', () => {
  it('counts calendar days from creation and the touches up to the purchase', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Ravi', '2026-01-05T17:10:00Z');
    addTouch(doc, p, '2026-01-06T17:00:00Z');
    addTouch(doc, p, '2026-06-10T12:00:00.000Z', 'visit'); // the visit where he bought counts
    const r = convert(doc, p, sale(), NOW);
    addTouch(doc, p, '2026-06-11T12:00:00Z'); // later touches do not
    expect(r).toMatchObject({ calendarDaysToConvert: 156, touchesBeforeConversion: 2, promoted: [] });
    expect(calendarDaysToConvert(p)).toBe(156);
    expect(p.stageHistory.at(-1)).toEqual({ stage: 'customer', at: NOW });
  });

  it('refuses a second conversion and a lost prospect (4), a date before creation or in the future (2)', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Ravi', '2026-01-05T17:10:00Z');
    expect(exitOf(() => convert(doc, p, sale('2026-01-04T10:00:00Z'), NOW))).toBe(EXIT.usage);
    expect(exitOf(() => convert(doc, p, sale('2026-06-11T10:00:00Z'), NOW))).toBe(EXIT.usage);
    convert(doc, p, sale(), NOW);
    expect(exitOf(() => convert(doc, p, sale(), NOW))).toBe(EXIT.conflict);
    const lost = addProspect(doc, 'Lena', '2026-01-05T17:10:00Z', {}, 'lost');
    expect(exitOf(() => convert(doc, lost, sale(), NOW))).toBe(EXIT.conflict);
  });

  it('advocate whichever happens last: referral then purchase, or purchase then referral', () => {
    const doc = docWith();
    const ravi = addProspect(doc, 'Ravi', '2026-01-05T17:10:00Z');
    const father = addProspect(doc, 'Father', '2026-02-01T10:00:00Z');
    link(doc, father, ravi, '2026-02-01T10:00:00Z');
    expect(ravi.stage).toBe('interested'); // referred, but not a customer yet
    const r = convert(doc, ravi, sale(), NOW);
    expect(r.promoted.map((p) => p.name)).toEqual(['Ravi']);
    expect(ravi.stageHistory.slice(-2).map((h) => h.stage)).toEqual(['customer', 'advocate']);

    const anita = addProspect(doc, 'Anita', '2026-01-05T17:10:00Z');
    convert(doc, anita, sale(), NOW);
    expect(anita.stage).toBe('customer');
    const friend = addProspect(doc, 'Friend', '2026-06-10T12:00:00Z');
    link(doc, friend, anita, NOW);
    expect(anita.stage).toBe('advocate');
  });

  it('a referred prospect buying makes its customer referrer an advocate', () => {
    const doc = docWith();
    const ref = addProspect(doc, 'Ref', '2026-01-01T10:00:00Z', {}, 'customer');
    const p = addProspect(doc, 'New', '2026-02-01T10:00:00Z', { referredBy: ref.id });
    expect(convert(doc, p, sale(), NOW).promoted.map((x) => x.name)).toEqual(['Ref']);
    expect(ref.stage).toBe('advocate');
  });
});

describe('recordTouch', () => {
  it('an inbound touch moves aware to interested; a website visit is inbound by default', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Passer-by', '2026-01-01T10:00:00Z', {}, 'aware');
    logTouch(doc, p, { type: 'greeting', at: '2026-01-02T10:00:00Z' }, NOW);
    expect(p.stage).toBe('aware');
    const t = logTouch(doc, p, { type: 'website', at: '2026-01-03T10:00:00Z' }, NOW);
    expect(t.direction).toBe('in');
    expect(p.stageHistory.at(-1)).toEqual({ stage: 'interested', at: '2026-01-03T10:00:00Z' });
  });

  it('--stage moves in the same step and keeps the history in order when the touch is backfilled', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Ravi', '2026-01-01T10:00:00Z');
    changeStage(p, 'engaged', '2026-03-01T10:00:00Z');
    logTouch(doc, p, { type: 'meeting', at: '2026-02-01T10:00:00Z', stage: 'intent' }, NOW);
    expect(p.stageHistory.at(-1)).toEqual({ stage: 'intent', at: '2026-03-01T10:00:00Z' });
  });

  it('a touch on or after the follow-up day completes it; an earlier one leaves it; --follow-up plans the next', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Ravi', '2026-01-01T10:00:00Z', { followUp: { at: '2026-06-12T09:00:00.000Z', note: 'cake' } });
    expect(completesFollowUp(p.followUp, '2026-06-12T00:00:00.000Z')).toBe(true);
    logTouch(doc, p, { type: 'greeting', at: '2026-06-11T20:00:00Z' }, NOW);
    expect(p.followUp?.note).toBe('cake');
    logTouch(doc, p, { type: 'call', at: '2026-06-12T08:00:00Z' }, '2026-06-12T08:00:00Z');
    expect(p.followUp).toBeNull();
    const next = { at: '2026-06-19T00:00:00.000Z', note: 'tasting' };
    logTouch(doc, p, { type: 'call', at: '2026-06-13T08:00:00Z', followUp: next }, '2026-06-13T08:00:00Z');
    expect(p.followUp).toEqual(next);
  });
});
