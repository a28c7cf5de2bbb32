// Resolves a user's <prospect> reference: numeric id, email (case-insensitive), name, or the unique start of the
// name or of one of its words.
import { showDateTime, showDay } from './dates.js';
import { PrecrmError, EXIT, notFoundError } from './errors.js';
import type { Prospect } from './types.js';

/** Lower case without diacritics: "Tomás" and "tomas" compare equal. A backend may store it as an indexed name key. */
export const nameKey = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const fold = nameKey;

/** Where a word of a folded name starts: its beginning, and after a space or a hyphen ("omar haddad", "jean-luc"). */
const WORD_START = /(?:^|[\s-])(?=\S)/gu;

/**
 * The name-start tiers of a reference, in the order they are tried: names starting with `key`, else names with a
 * word starting with it (`haddad` finds "Omar Haddad"). The one home of this rule: stores only narrow (a superset).
 */
export function startsNameOrWord<T extends Pick<Prospect, 'name'>>(prospects: readonly T[], key: string): T[] {
  if (key === '') return [];
  const named = prospects.flatMap((p) => (p.name === null ? [] : [{ p, folded: fold(p.name) }]));
  const byStart = named.filter((x) => x.folded.startsWith(key));
  const found = byStart.length ? byStart : named.filter((x) => wordStarts(x.folded).some((i) => x.folded.startsWith(key, i)));
  return found.map((x) => x.p);
}

/**
 * The last tier, when no name answers: prospects with a word of their description starting with `key` (`scarf`
 * finds "blue scarf, passes at six"), so an unnamed regular can be referred to before anyone knows the name.
 */
export function startsDescriptionWord<T extends Pick<Prospect, 'description'>>(prospects: readonly T[], key: string): T[] {
  if (key === '') return [];
  return prospects.filter((p) => {
    if (p.description === null) return false;
    const folded = fold(p.description);
    return wordStarts(folded).some((i) => folded.startsWith(key, i));
  });
}

const wordStarts = (folded: string): number[] => [...folded.matchAll(WORD_START)].map((m) => m.index + m[0].length);

/** A `<prospect>` reference taken apart: what a store looks up to find the candidates. */
export type ProspectReference =
  | { kind: 'id'; id: number }
  | { kind: 'text'; /** lower-cased email when the text looks like one */ email: string | null; lowerName: string; /** nameKey of the text; '' matches no prefix */ nameKey: string };

export function parseReference(ref: string): ProspectReference {
  const text = ref.trim();
  if (/^\d+$/.test(text)) return { kind: 'id', id: Number(text) };
  const lowerText = text.toLowerCase();
  return { kind: 'text', email: lowerText.includes('@') ? lowerText : null, lowerName: lowerText, nameKey: fold(text) };
}

/**
 * Whether a prospect can be what a reference means: same id; or same email (ignoring case), same name (ignoring
 * case), or a name whose nameKey, or one of its words, starts with the reference's. A store returns (a superset
 * of) these candidates, sorted by id; resolveProspect decides among them.
 */
export function isCandidate(p: Pick<Prospect, 'id' | 'email' | 'name' | 'description'>, r: ProspectReference): boolean {
  if (r.kind === 'id') return p.id === r.id;
  if (r.email !== null && p.email?.toLowerCase() === r.email) return true;
  if (startsDescriptionWord([p], r.nameKey).length > 0) return true;
  if (p.name === null) return false;
  return p.name.toLowerCase() === r.lowerName || startsNameOrWord([p], r.nameKey).length > 0;
}

/**
 * The candidates among `prospects` (in id order), cheaply: resolveProspect stops at the first step that answers
 * (id, email, exact name, then accent-folded name, name start, word start), so only that step's matches are needed.
 */
export function candidatesIn(prospects: readonly Prospect[], r: ProspectReference): Prospect[] {
  if (r.kind === 'id') return prospects.filter((p) => p.id === r.id);
  if (r.email !== null) {
    const byEmail = prospects.filter((p) => p.email?.toLowerCase() === r.email);
    if (byEmail.length) return byEmail;
  }
  const exact = prospects.filter((p) => p.name?.toLowerCase() === r.lowerName);
  if (exact.length) return exact;
  const named = startsNameOrWord(prospects, r.nameKey);
  return named.length ? named : startsDescriptionWord(prospects, r.nameKey);
}

/** Picks the one prospect `ref` means among the candidates (or all prospects): id, email, name, unique name or word start. */
export function resolveProspect(prospects: readonly Prospect[], ref: string): Prospect {
  const text = ref.trim();
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    const p = prospects.find((x) => x.id === id);
    if (p) return p;
    throw notFoundError(`no prospect has id ${text} (try: precrm prospect list)`);
  }
  const lower = text.toLowerCase();
  if (lower.includes('@')) {
    const p = prospects.find((x) => x.email?.toLowerCase() === lower);
    if (p) return p;
  }
  const exact = prospects.filter((x) => x.name?.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  // Then without accents, so `tomas` finds "Tomás Ortega" on a keyboard without á.
  const folded = fold(text);
  const loose = exact.length ? exact : prospects.filter((x) => x.name !== null && fold(x.name) === folded);
  if (loose.length === 1) return loose[0]!;
  const byName = loose.length > 1 ? loose : startsNameOrWord(prospects, folded);
  const matches = byName.length ? byName : startsDescriptionWord(prospects, folded);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const shown = candidateLines(matches.slice(0, 10)).map((line) => `  ${line}`);
    if (matches.length > 10) shown.push(`  … and ${matches.length - 10} more`);
    throw new PrecrmError(`"${text}" matches ${matches.length} prospects; use the id or email:`, EXIT.usage, shown);
  }
  const word = text.split(/[\s@]/)[0] || text;
  throw notFoundError(`no prospect matches "${text}" (try: precrm prospect list --search ${word})`);
}

/** Whether a prospect has this name, ignoring case and accents ("Lucie Bernard" and "lucie bernard", "Tomás" and "Tomas"). */
export const sameName = (p: Pick<Prospect, 'name'>, name: string): boolean => p.name !== null && nameKey(p.name) === nameKey(name.trim());

type Described = Pick<Prospect, 'email' | 'phone' | 'source' | 'createdAt'>;

/**
 * What tells a prospect apart from namesakes, for people choosing between them: email, phone, source and the day
 * it was added (`lucie@example.com, source walk-in, created 2026-03-02`); `exact` gives the time it was added too.
 */
export function candidateDetails(p: Described, exact = false): string {
  const created = exact ? showDateTime(p.createdAt) : showDay(p.createdAt);
  return [p.email, p.phone, p.source === null ? null : `source ${p.source}`, `created ${created}`].filter((x) => x !== null).join(', ');
}

/**
 * One line per candidate: id, name and candidateDetails. Candidates the day alone does not tell apart show the
 * time they were added, so no two lines read the same apart from the id.
 */
function candidateLines(candidates: readonly Prospect[]): string[] {
  const who = (p: Prospect) => p.name ?? (p.description === null ? '(forgotten)' : `(${p.description})`);
  const head = (p: Prospect) => `${who(p)} (${candidateDetails(p)})`;
  const seen = new Map<string, number>();
  for (const p of candidates) seen.set(head(p), (seen.get(head(p)) ?? 0) + 1);
  return candidates.map((p) => `${p.id}  ${who(p)} (${candidateDetails(p, seen.get(head(p))! > 1)})`);
}
