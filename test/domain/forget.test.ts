import { describe, expect, it } from 'vitest';
import { forgetProspect, identifyingStrings, mentionsOf, personalStrings } from '../../src/domain/forget.js';
import { addProspect, addTouch, applyToDoc, docWith } from './fixtures.js';

describe('forgetProspect', () => {
  it('erases personal data and keeps the anonymous statistics', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Hannah Becker', '2026-02-11T08:50:00Z', {
      email: 'hannah.b@example.de', phone: '+49 170 5550101', company: 'Becker GmbH', notes: 'likes rye', source: 'website',
      tags: ['cakes'], fields: { allergy: 'nuts' }, followUp: { at: '2026-03-01T00:00:00Z', note: 'ask Hannah' }, cadenceDays: 7,
      consent: [{ at: '2026-02-12T00:00:00Z', granted: true, note: 'Hannah said yes' }],
      conversion: { at: '2026-03-01T00:00:00Z', value: 38.5, currency: 'EUR', product: 'Hannah wedding cake' },
    }, 'customer');
    const t = addTouch(doc, p, '2026-02-12T10:00:00Z', 'visit');
    t.note = 'Hannah came with her sister';
    doc.surveys.push({ id: 1, name: 'perception', createdAt: '2026-01-01T00:00:00Z', questions: [
      { key: 'taste', type: 'scale', text: 'Taste?', choices: null }, { key: 'why', type: 'text', text: 'Why?', choices: null }] });
    doc.responses.push({ id: 1, survey: 'perception', prospectId: p.id, segment: 'customer', stage: 'customer', at: '2026-03-02T00:00:00Z', answers: { taste: 5, why: 'Hannah loves rye' } });
    const strings = personalStrings(p, doc.touches);
    expect(strings).toEqual(expect.arrayContaining(['Hannah Becker', 'hannah.b@example.de', '+49 170 5550101', 'nuts', 'Hannah came with her sister']));

    const forgotten = forgetProspect(p, doc.touches, doc.responses, doc.surveys, '2026-04-01T00:00:00Z');
    expect(forgotten.result).toEqual({ touchNotes: 1, answers: 1 });
    applyToDoc(doc, forgotten.changes);
    const text = JSON.stringify(doc);
    for (const s of ['Hannah', 'hannah', 'Becker', '5550101', 'rye', 'nuts', 'sister']) expect(text).not.toContain(s);
    expect(p).toMatchObject({
      id: 1, source: 'website', stage: 'customer', tags: ['cakes'], doNotContact: true, forgottenAt: '2026-04-01T00:00:00Z',
      conversion: { at: '2026-03-01T00:00:00Z', value: 38.5, currency: 'EUR', product: null },
    });
    expect(doc.touches[0]).toMatchObject({ type: 'visit', at: '2026-02-12T10:00:00Z', note: null });
    expect(doc.responses[0]!.answers).toEqual({ taste: 5 });
    expect(p.consent.at(-1)).toEqual({ at: '2026-04-01T00:00:00Z', granted: false, note: 'forgotten on request' });
  });

  it('finds the places where the person is still mentioned in other records', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Hannah Becker', '2026-02-11T08:50:00Z', { email: 'hannah.b@example.de' });
    const other = addProspect(doc, 'Jonas', '2026-02-11T08:50:00Z', { notes: 'friend of hannah becker' });
    addTouch(doc, other, '2026-02-12T10:00:00Z').note = 'mailed hannah.b@example.de too';
    const strings = personalStrings(p, doc.touches);
    applyToDoc(doc, forgetProspect(p, doc.touches, doc.responses, doc.surveys, '2026-04-01T00:00:00Z').changes);
    expect(mentionsOf(doc.prospects, doc.touches, strings)).toEqual(['prospect 2 notes', 'touch 1 note']);
  });

  it('lists only texts naming the person: not other people\'s notes that share words with the person\'s own', () => {
    const doc = docWith();
    const p = addProspect(doc, 'Ann Lee', '2026-02-11T08:50:00Z', { email: 'ann@example.com', phone: '+33 6 12 34 00 01', notes: 'waved' });
    addTouch(doc, p, '2026-02-12T10:00:00Z').note = 'waved';
    const others = ['Bo', 'Cy', 'Di'].map((n) => addProspect(doc, n, '2026-02-11T08:50:00Z', { notes: 'waved' }));
    for (const o of others) addTouch(doc, o, '2026-02-13T10:00:00Z').note = 'waved';
    addTouch(doc, others[0]!, '2026-02-14T10:00:00Z').note = 'Annual order; came with Ann Lee';
    addTouch(doc, others[1]!, '2026-02-14T10:00:00Z').note = 'Annual order only';
    addTouch(doc, others[2]!, '2026-02-14T10:00:00Z').note = 'her number is +33 6 12 34 00 01';
    expect(identifyingStrings(p)).toEqual(['Ann Lee', 'ann@example.com', '+33 6 12 34 00 01']);
    const strings = identifyingStrings(p);
    applyToDoc(doc, forgetProspect(p, doc.touches, doc.responses, doc.surveys, '2026-04-01T00:00:00Z').changes);
    // "Ann Lee" in touch 5, the phone in touch 7; "Annual" is not "Ann", and "waved" is nobody's name.
    expect(mentionsOf(doc.prospects, doc.touches, strings)).toEqual(['touch 5 note', 'touch 7 note']);
  });
});
