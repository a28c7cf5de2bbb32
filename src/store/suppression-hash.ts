// The keyed hash of the suppression list: HMAC-SHA256 of a person's email and phone keys (domain/suppression.ts
// contactTexts) with the store's secret, as hex. Kept out of the domain, which imports nothing of Node's.
import { createHmac } from 'node:crypto';
import type { CountryCode } from '../domain/phones.js';
import { contactTexts, matchTexts, type Contact } from '../domain/suppression.js';
import type { SuppressionEntry, SuppressionList } from '../domain/types.js';

function hashTexts(secret: string, texts: readonly string[]): string[] {
  const key = Buffer.from(secret, 'hex');
  return texts.map((text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'));
}

/** The hashes of a person's email and phone, keyed with the store's secret (hex, as stored): what is listed. */
export const contactHashes = (secret: string, p: Contact): string[] => hashTexts(secret, contactTexts(p));

/** Every hash under which a person may have been listed, whatever form their phone was written in then. */
export const matchHashes = (secret: string, p: Contact, country: CountryCode | null): string[] => hashTexts(secret, matchTexts(p, country));

/** Who is on a list (the whole list, or the part an import's rows can match): their entry, if any. */
type SuppressionLookup = (p: Contact) => SuppressionEntry | undefined;

export function suppressionLookup(list: SuppressionList, country: CountryCode | null): SuppressionLookup {
  const { secret } = list;
  // No entries (the usual import): nothing is hashed at all.
  if (secret === null || list.entries.length === 0) return () => undefined;
  const byHash = new Map(list.entries.map((e) => [e.hash, e]));
  return (p) => {
    for (const hash of matchHashes(secret, p, country)) {
      const entry = byHash.get(hash);
      if (entry) return entry;
    }
    return undefined;
  };
}
