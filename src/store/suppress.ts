// Puts people on the suppression list, or takes them off, inside a write transaction: the store's secret is made
// on first need (32 random bytes), the hashes and which entries change come from the domain, and only entries that
// change are written — so a command that lists someone already listed writes nothing more.
import { randomBytes } from 'node:crypto';
import { entriesToAdd, hasContactKeys, type Contact } from '../domain/suppression.js';
import type { SuppressionEntry, SuppressionReason } from '../domain/types.js';
import type { StoreTransaction } from './store.js';
import type { CountryCode } from '../domain/phones.js';
import { contactHashes, matchHashes } from './suppression-hash.js';

/** Lists the emails and phones of these people for `reason` (call it before their data is erased or removed). */
export async function suppress(tx: StoreTransaction, people: readonly Contact[], reason: SuppressionReason, at: string): Promise<void> {
  const listed = people.filter(hasContactKeys);
  if (listed.length === 0) return;
  const secret = await tx.keepSuppressionSecret(randomBytes(32).toString('hex'));
  const hashes = listed.flatMap((p) => contactHashes(secret, p));
  await tx.putSuppressions(entriesToAdd(await tx.suppressionEntries(hashes), hashes, reason, at));
}

/**
 * Takes the entries of this person's email and phone that `pick` chooses off the list (in whatever form the phone
 * was listed: `country` reads national numbers); returns them.
 */
export async function lift(tx: StoreTransaction, person: Contact, pick: (entries: SuppressionEntry[]) => SuppressionEntry[], country: CountryCode | null): Promise<SuppressionEntry[]> {
  if (!hasContactKeys(person)) return [];
  const secret = await tx.suppressionSecret();
  if (secret === null) return [];
  const lifted = pick(await tx.suppressionEntries(matchHashes(secret, person, country)));
  await tx.liftSuppressions(lifted.map((e) => e.hash));
  return lifted;
}
