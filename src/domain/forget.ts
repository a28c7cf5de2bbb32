// The right to be forgotten: erase a person's data, keep an anonymous record so the figures stay true.
import { changes, type Changes } from './changes.js';
import { copyProspect } from './prospect.js';
import { surveyKey } from './queries.js';
import type { Prospect, Survey, SurveyResponse, Touch } from './types.js';

interface ForgetResult {
  /** Touch notes erased. */
  touchNotes: number;
  /** Free-text survey answers erased. */
  answers: number;
}

/**
 * What identifies the person in someone else's text: their name, email and phone, as stored. Their own notes are
 * not: "waved" or "bought bread" in another prospect's touch says nothing about them.
 */
export function identifyingStrings(p: Prospect): string[] {
  return [...new Set([p.name, p.email, p.phone].filter((s): s is string => typeof s === 'string' && s.trim().length >= 3))];
}

/** The personal strings a prospect and its touches hold (e.g. to find the copies of the store that still hold them). */
export function personalStrings(p: Prospect, touches: readonly Touch[]): string[] {
  const own = [p.name, p.email, p.phone, p.company, p.notes, p.followUp?.note, p.lostReason, p.conversion?.product, ...Object.values(p.fields)];
  for (const t of touches) if (t.prospectId === p.id) own.push(t.note);
  return [...new Set(own.filter((s): s is string => typeof s === 'string' && s.trim().length >= 3))];
}

/** A response without its free-text answers: text questions, and answers to questions the survey no longer has. */
function withoutFreeText(r: SurveyResponse, surveys: readonly Survey[]): [SurveyResponse, number] {
  const questions = surveys.find((s) => surveyKey(s.name) === surveyKey(r.survey))?.questions ?? [];
  const answers: Record<string, string | number> = {};
  let erased = 0;
  for (const [key, value] of Object.entries(r.answers)) {
    const type = questions.find((q) => q.key === key)?.type;
    if (typeof value === 'string' && (type === 'text' || type === undefined)) erased++;
    else answers[key] = value;
  }
  return [{ ...r, answers }, erased];
}

/**
 * Erases name, email, phone, company, notes, custom fields, follow-up, lost reason, consent notes, product,
 * touch notes and free-text survey answers. Keeps id, source, stage history, tags, owner, dates, touch
 * types/dates/outcomes, conversion date and value, and choice and number answers, so funnel, source, touch and
 * survey statistics do not change. The person is marked do-not-contact, which the consent log records.
 * `touches` and `responses` are the person's; `surveys` those the responses answer.
 */
export function forgetProspect(p: Prospect, touches: readonly Touch[], responses: readonly SurveyResponse[], surveys: readonly Survey[], at: string):
  { prospect: Prospect; result: ForgetResult; changes: Changes } {
  const next: Prospect = {
    ...copyProspect(p), name: null, description: null, email: null, phone: null, company: null, notes: null, fields: {},
    followUp: null, cadenceDays: null, lostReason: null, doNotContact: true, forgottenAt: at, updatedAt: at,
  };
  next.consent = [...p.consent.map((c) => ({ ...c, note: null })), { at, granted: false, note: 'forgotten on request' }];
  if (p.conversion) next.conversion = { ...p.conversion, product: null };
  const notedTouches = touches.filter((t) => t.prospectId === p.id && t.note !== null).map((t) => ({ ...t, note: null }));
  let answers = 0;
  const changedResponses: SurveyResponse[] = [];
  for (const r of responses) {
    if (r.prospectId !== p.id) continue;
    const [kept, erased] = withoutFreeText(r, surveys);
    if (erased === 0) continue;
    answers += erased;
    changedResponses.push(kept);
  }
  return {
    prospect: next,
    result: { touchNotes: notedTouches.length, answers },
    changes: changes({ update: { prospects: [next], touches: notedTouches, responses: changedResponses } }),
  };
}

/** The free text of a prospect `forget` searches for another person's name, email or phone: one declaration. */
export const SEARCHED_TEXTS = ['notes', 'followUpNote', 'lostReason', 'fields'] as const;
export type SearchedText = (typeof SEARCHED_TEXTS)[number];

const TEXTS_OF: Record<SearchedText, (p: Prospect) => [string, string | null][]> = {
  notes: (p) => [['notes', p.notes]],
  followUpNote: (p) => [['follow-up note', p.followUp?.note ?? null]],
  lostReason: (p) => [['lost reason', p.lostReason]],
  fields: (p) => Object.entries(p.fields).map(([k, v]): [string, string] => [`field ${k}`, v]),
};

/** A prospect's searched texts (SEARCHED_TEXTS), each with where it is (`notes`, `field allergy`). */
export const searchedTexts = (p: Prospect): [string, string | null][] => SEARCHED_TEXTS.flatMap((k) => TEXTS_OF[k](p));

/** `text` holds `needle` (lower case) as a whole: not "Ann" inside "Annual", nor "Hannah Becker" inside "Hannah Beckerman". */
function holds(text: string, needle: string): boolean {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const [before, after] = [lower.slice(0, at), lower.slice(at + needle.length)];
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** Where any of `strings` still appears, as a whole, in these records' free text, as `prospect 7 notes`-style places. */
export function mentionsOf(prospects: readonly Prospect[], touches: readonly Touch[], strings: readonly string[]): string[] {
  const needles = strings.map((s) => s.toLowerCase());
  const hit = (text: string | null | undefined) => Boolean(text) && needles.some((n) => holds(text!, n));
  const places: string[] = [];
  for (const x of prospects) for (const [what, text] of searchedTexts(x)) if (hit(text)) places.push(`prospect ${x.id} ${what}`);
  for (const t of touches) if (hit(t.note)) places.push(`touch ${t.id} note`);
  return places;
}
