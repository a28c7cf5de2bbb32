// The suppression list: keyed hashes of the emails and phones of people who were forgotten, removed or marked
// do-not-contact, so that no import brings them back. A hash, not the text: the list keeps no one's data, and a
// keyed one (HMAC-SHA256 with the store's own random secret), so the list cannot be checked against a guessed
// address without the store. Pure: the secret comes from the store and the time from the caller.
import { createHmac } from 'node:crypto';
import { emailKey, phoneKey } from './dedupe.js';
import type { SuppressionEntry, SuppressionList, SuppressionReason } from './types.js';

/** The form of a secret and of a hash: 32 bytes as lower-case hex. */
export const HEX_256 = /^[0-9a-f]{64}$/;

type Contact = { email: string | null; phone: string | null };

const hmac = (secret: string, text: string): string => createHmac('sha256', Buffer.from(secret, 'hex')).update(text, 'utf8').digest('hex');

/**
 * The hashes of a person's email and phone, keyed with the store's secret. They hash the very keys duplicates are
 * matched by (dedupe.ts emailKey, phoneKey), so a list entry matches whatever would have matched the record.
 */
export function contactHashes(secret: string, p: Contact): string[] {
  const hashes: string[] = [];
  const email = emailKey(p.email);
  const phone = phoneKey(p.phone);
  if (email !== null) hashes.push(hmac(secret, `email:${email}`));
  if (phone !== null) hashes.push(hmac(secret, `phone:${phone}`));
  return hashes;
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

/** A look-up of people on a list (the whole list, or the part of it an import's rows can match): their entry, if any. */
export function suppressionLookup(list: SuppressionList): (p: Contact) => SuppressionEntry | undefined {
  const { secret } = list;
  if (secret === null || list.entries.length === 0) return () => undefined;
  const byHash = new Map(list.entries.map((e) => [e.hash, e]));
  return (p) => {
    for (const hash of contactHashes(secret, p)) {
      const entry = byHash.get(hash);
      if (entry) return entry;
    }
    return undefined;
  };
}

/** Entries in hash order, one per hash (the later one wins): how every store keeps and hands out the list. */
export function byHash(entries: Iterable<SuppressionEntry>): SuppressionEntry[] {
  const all = new Map<string, SuppressionEntry>();
  for (const e of entries) all.set(e.hash, e);
  return [...all.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}
