// The right to be forgotten: erase a person's data from the store, keep an anonymous record so the figures stay true.
import type { Prospect, StoreDoc } from './types.js';

export interface ForgetResult {
  /** Touch notes erased. */
  touchNotes: number;
  /** Free-text survey answers erased. */
  answers: number;
}

/** The personal strings a prospect holds, so a caller can look for any left elsewhere (e.g. in someone else's notes). */
export function personalStrings(doc: StoreDoc, p: Prospect): string[] {
  const own = [p.name, p.email, p.phone, p.company, p.notes, p.followUp?.note, p.lostReason, p.conversion?.product, ...Object.values(p.fields)];
  for (const t of doc.touches) if (t.prospectId === p.id) own.push(t.note);
  return [...new Set(own.filter((s): s is string => typeof s === 'string' && s.trim().length >= 3))];
}

/**
 * Erases name, email, phone, company, notes, custom fields, follow-up, lost reason, consent notes, product,
 * touch notes and free-text survey answers. Keeps id, source, stage history, tags, owner, dates, touch
 * types/dates/outcomes, conversion date and value, so funnel, source and touch statistics do not change.
 * The person is marked do-not-contact, which the consent log records.
 */
export function forgetProspect(doc: StoreDoc, p: Prospect, at: string): ForgetResult {
  Object.assign(p, {
    name: null, email: null, phone: null, company: null, notes: null, fields: {},
    followUp: null, cadenceDays: null, lostReason: null, doNotContact: true, forgottenAt: at, updatedAt: at,
  });
  p.consent = [...p.consent.map((c) => ({ ...c, note: null })), { at, granted: false, note: 'forgotten on request' }];
  if (p.conversion) p.conversion = { ...p.conversion, product: null };
  let touchNotes = 0;
  for (const t of doc.touches) {
    if (t.prospectId === p.id && t.note !== null) {
      t.note = null;
      touchNotes++;
    }
  }
  let answers = 0;
  for (const r of doc.responses) {
    if (r.prospectId !== p.id) continue;
    const questions = doc.surveys.find((s) => s.name === r.survey)?.questions ?? [];
    for (const key of Object.keys(r.answers)) {
      const type = questions.find((q) => q.key === key)?.type;
      if (typeof r.answers[key] === 'string' && (type === 'text' || type === undefined)) {
        delete r.answers[key];
        answers++;
      }
    }
  }
  return { touchNotes, answers };
}

/** Where any of `strings` still appears in other records' free text, as `prospect 7 notes`-style places. */
export function mentionsOf(doc: StoreDoc, strings: readonly string[]): string[] {
  const needles = strings.map((s) => s.toLowerCase());
  const hit = (text: string | null | undefined) => Boolean(text) && needles.some((n) => text!.toLowerCase().includes(n));
  const places: string[] = [];
  for (const x of doc.prospects) {
    const texts: [string, string | null | undefined][] = [
      ['notes', x.notes], ['follow-up note', x.followUp?.note], ['lost reason', x.lostReason],
      ...Object.entries(x.fields).map(([k, v]): [string, string] => [`field ${k}`, v]),
    ];
    for (const [what, text] of texts) if (hit(text)) places.push(`prospect ${x.id} ${what}`);
  }
  for (const t of doc.touches) if (hit(t.note)) places.push(`touch ${t.id} note`);
  return places;
}
