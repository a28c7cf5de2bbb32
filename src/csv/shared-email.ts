// Several people under one email: an event's attendees carry the buyer's address on every ticket, a family shares
// one. A row whose email is another person's (a different first name) is that other person, kept without the email.
import { emailKey } from '../domain/dedupe.js';
import { nameKey } from '../domain/references.js';
import type { Prospect } from '../domain/types.js';
import type { ProspectRow } from './prospect-rows.js';

const firstWord = (name: string | null): string => nameKey(name ?? '').trim().split(/[\s.]+/)[0] ?? '';

/**
 * Two names of different people: their first words differ, and neither is the start of the other (`P. Raman` and
 * `Priya Raman` may be one person, `Ana Silva` and `Ben Silva` are two).
 */
export function differentPeople(a: string | null, b: string | null): boolean {
  const [x, y] = [firstWord(a), firstWord(b)];
  return x !== '' && y !== '' && !x.startsWith(y) && !y.startsWith(x);
}

/** The row as the person it names: without the email that is someone else's, with a note saying whose it is. */
export function withoutSharedEmail(row: ProspectRow, owner: Prospect): ProspectRow {
  const note = `Shared the email ${row.email} with ${owner.name ?? 'another prospect'} (#${owner.id}), who keeps it.`;
  return { ...row, email: null, notes: row.notes === null ? note : `${row.notes}\n${note}` };
}

/**
 * The (lower-cased) names of rows whose email an earlier row with another first name gives: a store may already
 * hold them without it, by name alone (a re-import), so the part of the store an import reads must include them.
 */
export function sharedEmailNames(rows: readonly Pick<ProspectRow, 'email' | 'name'>[]): string[] {
  const firstByEmail = new Map<string, string>();
  const names: string[] = [];
  for (const row of rows) {
    const key = emailKey(row.email);
    if (key === null) continue;
    const first = firstByEmail.get(key);
    if (first === undefined) firstByEmail.set(key, row.name);
    else if (differentPeople(first, row.name)) names.push(row.name.toLowerCase());
  }
  return names;
}
