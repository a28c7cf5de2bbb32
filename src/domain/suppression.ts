// The suppression list: keyed hashes of the emails and phones of people who were forgotten, removed or marked
// do-not-contact, so that no import brings them back. A hash, not the text: the list keeps no one's data, and a
// keyed one (HMAC-SHA256 with the store's own random secret, store/suppression-hash.ts), so the list cannot be
// checked against a guessed address without the store. The rules, here, are pure: what is hashed, which entries
// a forget, remove or do-not-contact adds, and which ones are lifted.
import { emailKey, phoneKey } from './dedupe.js';
import { phoneMatchKeys, type CountryCode } from './phones.js';
import type { SuppressionEntry, SuppressionReason } from './types.js';

/** The form of a secret and of a hash: 32 bytes as lower-case hex (declared with the suppression entry). */
export { HEX_256 } from './records/suppression-entry.js';

export type Contact = { email: string | null; phone: string | null };

/**
 * The texts of a person that are hashed: their email and phone keys, tagged by kind. They are the very keys
 * duplicates are matched by (dedupe.ts emailKey, phoneKey), so an entry matches whatever would have matched the record.
 */
export function contactTexts(p: Contact): string[] {
  const email = emailKey(p.email);
  const phone = phoneKey(p.phone);
  return [...(email === null ? [] : [`email:${email}`]), ...(phone === null ? [] : [`phone:${phone}`])];
}

/**
 * The texts under which a person may have been listed: their email key, and every key their phone may have been
 * stored under when it was written in another form (`06 12 34 00 01` was listed as `+33 6 12 34 00 01`; phones.ts).
 */
export function matchTexts(p: Contact, country: CountryCode | null): string[] {
  const email = emailKey(p.email);
  return [...(email === null ? [] : [`email:${email}`]), ...phoneMatchKeys(p.phone, country).map((k) => `phone:${k}`)];
}

/** Whether a person has an email or phone that could be put on the list. */
export const hasContactKeys = (p: Contact): boolean => emailKey(p.email) !== null || phoneKey(p.phone) !== null;

/**
 * The entries to write so that `hashes` are on the list for `reason`: the new ones, and do-not-contact ones that a
 * forget or remove makes stronger. An entry that is already there for an erasure stays as it is, with its date.
 */
export function entriesToAdd(existing: readonly SuppressionEntry[], hashes: readonly string[], reason: SuppressionReason, at: string): SuppressionEntry[] {
  const byHash = new Map(existing.map((e) => [e.hash, e]));
  return [...new Set(hashes)]
    .filter((hash) => {
      const old = byHash.get(hash);
      return old === undefined || (old.reason === 'do-not-contact' && reason !== 'do-not-contact');
    })
    .map((hash) => ({ hash, reason, at }));
}

/** What `prospect do-not-contact --off` lifts: the do-not-contact entries only (a forget or remove stays). */
export const liftedByConsent = (existing: readonly SuppressionEntry[]): SuppressionEntry[] =>
  existing.filter((e) => e.reason === 'do-not-contact');

/** Entries in hash order, one per hash (the later one wins): how every store keeps and hands out the list. */
export function byHash(entries: Iterable<SuppressionEntry>): SuppressionEntry[] {
  const all = new Map<string, SuppressionEntry>();
  for (const e of entries) all.set(e.hash, e);
  return [...all.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}
