import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/domain/errors.js';
import { mergeProspects, mergedReferrerId, type MergeInput } from '../../src/domain/merge.js';
import { newProspect } from '../../src/domain/prospect.js';
import type { Prospect, Purchase, SurveyResponse, Touch } from '../../src/domain/types.js';
import { exitOf } from './fixtures.js';

const NOW = '2026-03-10T12:00:00.000Z';
const day = (d: number) => `2026-03-0${d}T10:00:00.000Z`;

function prospect(id: number, name: string, createdAt: string, extra: Partial<Prospect> = {}): Prospect {
  return { ...newProspect(id, { name }, 'interested', createdAt), ...extra };
}

const touch = (id: number, prospectId: number): Touch =>
  ({ id, prospectId, type: 'greeting', at: day(4), note: null, outcome: null, direction: null, by: 'mitra', cost: null, currency: null });
const response = (id: number, prospectId: number): SurveyResponse =>
  ({ id, survey: 'taste', prospectId, segment: 'prospect', stage: 'interested', at: day(4), answers: { q: 1 } });

function input(keep: Prospect, other: Prospect, more: Partial<MergeInput> = {}): MergeInput {
  return { keep, other, touches: [], responses: [], purchases: [], referredByOther: [], keepHasReferred: false, referrer: null, ...more };
}

describe('mergeProspects: the record', () => {
  it('fills empty fields from the other, joins tags, fields and consent, keeps do-not-contact, notes the merge', () => {
    const keep = prospect(12, 'Lucie Bernard', day(5), {
      email: 'lucie@example.com', tags: ['cakes'], fields: { allergy: 'nuts' }, notes: 'likes tarts',
      consent: [{ at: day(6), granted: true, note: 'newsletter' }],
    });
    const other = prospect(13, 'lucie bernard', day(2), {
      email: 'lucie@old.example', phone: '06 12 34 00 01', company: 'Atelier', source: 'walk-in', owner: 'mitra', cadenceDays: 7,
      tags: ['CAKES', 'bread'], fields: { allergy: 'hazelnuts', size: 'M' }, doNotContact: true,
      consent: [{ at: day(3), granted: false, note: 'asked by phone' }], followUp: { at: day(9), note: 'call' },
    });
    const { prospect: p } = mergeProspects(input(keep, other), NOW);
    expect(p).toMatchObject({
      id: 12, name: 'Lucie Bernard', email: 'lucie@example.com', phone: '06 12 34 00 01', company: 'Atelier', source: 'walk-in',
      owner: 'mitra', cadenceDays: 7, followUp: { at: day(9), note: 'call' }, tags: ['cakes', 'bread'],
      fields: { allergy: 'nuts', size: 'M' }, doNotContact: true, createdAt: day(2), updatedAt: NOW,
    });
    expect(p.consent.map((c) => c.note)).toEqual(['asked by phone', 'newsletter']);
    expect(p.notes).toBe('likes tarts\nmerged from prospect 13 (lucie bernard) on 2026-03-10; it also had: email lucie@old.example, allergy=hazelnuts');
  });

  it('moves touches and responses, re-points referrals, deletes the other; nothing given is changed', () => {
    const keep = prospect(1, 'Ana', day(1));
    const other = prospect(2, 'Ana', day(2));
    const referred = prospect(3, 'Bo', day(3), { referredBy: 2 });
    const frozen = JSON.stringify([keep, other, referred]);
    const r = mergeProspects(input(keep, other, { touches: [touch(7, 2)], responses: [response(4, 2)], referredByOther: [referred] }), NOW);
    expect(r.changes.update.touches).toEqual([{ ...touch(7, 2), prospectId: 1 }]);
    expect(r.changes.update.responses).toEqual([{ ...response(4, 2), prospectId: 1 }]);
    expect(r.changes.update.prospects.map((p) => [p.id, p.referredBy])).toEqual([[1, null], [3, 1]]);
    expect(r.changes.delete).toEqual({ prospects: [], touches: [], responses: [], mergedProspects: [2] });
    expect(r.moved).toEqual({ touches: 1, purchases: 0, responses: 1, referrals: 1 });
    expect(JSON.stringify([keep, other, referred])).toBe(frozen);
  });

  it('refuses itself (2), a forgotten record (4) and a referral circle (4)', () => {
    const a = prospect(1, 'Ana', day(1));
    expect(exitOf(() => mergeProspects(input(a, a), NOW))).toBe(EXIT.usage);
    const gone = prospect(2, null as unknown as string, day(1), { forgottenAt: day(2) });
    expect(exitOf(() => mergeProspects(input(a, gone), NOW))).toBe(EXIT.conflict);
    expect(exitOf(() => mergeProspects(input(gone, a), NOW))).toBe(EXIT.conflict);
    // keep ← x ← other: after the merge x would refer keep, who was referred by x.
    const keep = prospect(1, 'Ana', day(1), { referredBy: 5 });
    const x = prospect(5, 'Xi', day(1), { referredBy: 2 });
    const other = prospect(2, 'Ana', day(1));
    expect(mergedReferrerId(keep, other)).toBe(5);
    expect(exitOf(() => mergeProspects(input(keep, other, { referredByOther: [x], referrer: { referrer: x, chain: [x] } }), NOW))).toBe(EXIT.conflict);
  });

  it('drops a link between the two and takes the other\'s referrer, promoting a customer referrer', () => {
    const keep = prospect(1, 'Ana', day(1), { referredBy: 2 });
    const other = prospect(2, 'Ana', day(1), { referredBy: 9 });
    expect(mergedReferrerId(keep, other)).toBe(9);
    const referrer = prospect(9, 'Ravi', day(1), { stage: 'customer' });
    const r = mergeProspects(input(keep, other, { referredByOther: [keep], referrer: { referrer, chain: [referrer] } }), NOW);
    expect(r.prospect.referredBy).toBe(9);
    expect(r.moved.referrals).toBe(0);
    expect(r.changes.update.prospects.map((p) => [p.id, p.stage])).toEqual([[1, 'interested'], [9, 'advocate']]);
  });
});

describe('mergeProspects: stage and purchase', () => {
  const stageOf = (keep: Prospect, other: Prospect, more: Partial<MergeInput> = {}) => mergeProspects(input(keep, other, more), NOW).prospect;

  it('the further stage; the joined history in time order, the move appended at the merge', () => {
    const keep = prospect(1, 'Ana', day(5));
    const other = prospect(2, 'Ana', day(2), { stage: 'engaged', stageHistory: [{ stage: 'interested', at: day(2) }, { stage: 'engaged', at: day(3) }] });
    const p = stageOf(keep, other);
    expect(p.stage).toBe('engaged');
    expect(p.stageHistory).toEqual([
      { stage: 'interested', at: day(2) }, { stage: 'engaged', at: day(3) }, { stage: 'interested', at: day(5) }, { stage: 'engaged', at: NOW },
    ]);
  });

  it('lost when the later change of stage was the loss; else where reopen would return the lost one', () => {
    const lostLate = prospect(1, 'Ana', day(1), { stage: 'lost', lostReason: 'moved', stageHistory: [{ stage: 'intent', at: day(1) }, { stage: 'lost', at: day(6) }] });
    const active = prospect(2, 'Ana', day(3));
    expect(stageOf(lostLate, active)).toMatchObject({ stage: 'lost', lostReason: 'moved' });
    const back = prospect(3, 'Ana', day(8));
    expect(stageOf(lostLate, back)).toMatchObject({ stage: 'intent', lostReason: null });
  });

  it('a customer and a non-customer: the customer\'s purchase and stage; an advocate when the merged record referred someone', () => {
    const sale = { at: day(4), value: 20, currency: 'EUR', product: 'tart' };
    const keep = prospect(1, 'Ana', day(1), { stage: 'lost', stageHistory: [{ stage: 'lost', at: day(7) }] });
    const buyer = prospect(2, 'Ana', day(2), { stage: 'customer', conversion: sale, stageHistory: [{ stage: 'customer', at: day(4) }] });
    expect(stageOf(keep, buyer)).toMatchObject({ stage: 'customer', conversion: sale, lostReason: null });
    expect(stageOf(keep, buyer, { keepHasReferred: true }).stage).toBe('advocate');
  });

  it('two buyers: every purchase of the other moves; the conversion is the first of all by time, then id; no touch is made', () => {
    const sale = (id: number, prospectId: number, d: number, value: number): Purchase =>
      ({ id, prospectId, at: day(d), value, currency: 'EUR', product: null, orderId: null });
    const keep = prospect(1, 'Ana', day(1), { stage: 'customer', conversion: { at: day(6), value: 30, currency: 'EUR', product: null } });
    const other = prospect(2, 'Ana', day(1), { stage: 'customer', conversion: { at: day(3), value: 9, currency: 'EUR', product: null } });
    const purchases = [sale(5, 1, 6, 30), sale(3, 2, 3, 9), sale(4, 2, 7, 12), sale(2, 1, 8, 4)];
    const r = mergeProspects(input(keep, other, { purchases }), NOW);
    expect(r.prospect.conversion).toEqual(other.conversion);
    expect(r.changes.update.purchases).toEqual([{ ...sale(3, 2, 3, 9), prospectId: 1 }, { ...sale(4, 2, 7, 12), prospectId: 1 }]);
    expect(r.changes.insert.touches).toEqual([]);
    expect(r.moved.purchases).toBe(2);
    const tie = mergeProspects(input(keep, other, { purchases: [sale(5, 1, 3, 30), sale(3, 2, 3, 9)] }), NOW);
    expect(tie.prospect.conversion?.value).toBe(9);
  });
});
