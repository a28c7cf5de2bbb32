// Existing prospects a new one may duplicate (same name ignoring case and accents, same email or phone), said so
// that the user can tell them apart and merge them.
import { emailKey, phoneKey } from './dedupe.js';
import { candidateDetails, sameName } from './references.js';
import type { Prospect } from './types.js';

/** At most this many look-alikes are named one by one; the rest are counted. */
const NAMED = 3;

/** What `existing` shares with `added`: name, email, phone (in that order), or nothing. */
function sharedKeys(existing: Prospect, added: Prospect): string[] {
  const email = emailKey(added.email);
  const phone = phoneKey(added.phone);
  return [
    added.name !== null && sameName(existing, added.name) ? 'name' : null,
    email !== null && emailKey(existing.email) === email ? 'email' : null,
    phone !== null && phoneKey(existing.phone) === phone ? 'phone' : null,
  ].filter((k) => k !== null);
}

const andJoin = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/**
 * One warning per existing prospect that looks like the one just added (by id; the first NAMED, then a count):
 * `prospect 12 "Lucie Bernard" (lucie@example.com, created 2026-03-02) has the same name; merge them with: precrm prospect merge 12 13`.
 */
export function lookalikeWarnings(added: Prospect, candidates: readonly Prospect[]): string[] {
  const byId = new Map<number, Prospect>();
  for (const p of candidates) if (p.id !== added.id && p.forgottenAt === null) byId.set(p.id, p);
  const found = [...byId.values()].sort((a, b) => a.id - b.id).map((p) => ({ p, keys: sharedKeys(p, added) })).filter((x) => x.keys.length > 0);
  const lines = found.slice(0, NAMED).map(({ p, keys }) =>
    `prospect ${p.id} "${p.name ?? ''}" (${candidateDetails(p)}) has the same ${andJoin(keys)}; merge them with: precrm prospect merge ${p.id} ${added.id}`);
  if (found.length > NAMED) lines.push(`${found.length - NAMED} more prospect(s) look the same (see: precrm prospect list --search "${added.name ?? ''}")`);
  return lines;
}
