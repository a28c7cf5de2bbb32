// Another prospect with the same email or phone (refused by add and edit unless --allow-duplicate), and the ones
// that only look alike (a warning). Loaded when add or edit runs (imported only by `await import()`): phone
// matching brings libphonenumber, which stays out of start-up.
import { emailKey, firstDuplicate, phoneKey } from '../../domain/dedupe.js';
import { conflictError } from '../../domain/errors.js';
import { phoneMatchKeys, type CountryCode } from '../../domain/phones.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import type { StoreReader } from '../../store/store.js';

/** The country a national phone number is read in (PRECRM_COUNTRY or the locale). */
export { shopCountry } from '../../domain/phones.js';

export type Contact = { email: string | null; phone: string | null };

/** What is wrong when another prospect has this email (any case) or phone number (in any form); null when none does. */
export async function duplicateProblem(reader: StoreReader, p: Contact, country: CountryCode | null, self?: number): Promise<string | null> {
  const [email, phones] = [emailKey(p.email), phoneMatchKeys(p.phone, country)];
  if (email === null && phones.length === 0) return null;
  const found = await reader.findDuplicates({ emails: email === null ? [] : [email], phones });
  const dup = firstDuplicate(found.filter((x) => x.id !== self), p, phones);
  if (!dup) return null;
  const what = dup.email && p.email && dup.email.toLowerCase() === p.email.toLowerCase() ? 'email' : 'phone number';
  return `${label(dup)} already has this ${what} (use --allow-duplicate to add anyway, or: precrm prospect edit ${dup.id})`;
}

/** Exit 4 when another prospect has this email (any case) or phone number (in any form). */
export async function refuseDuplicate(reader: StoreReader, p: Contact, country: CountryCode | null, self?: number): Promise<void> {
  const problem = await duplicateProblem(reader, p, country, self);
  if (problem !== null) throw conflictError(problem);
}

/** Prospects that look like a new one: the same name (ignoring case and accents), or — once allowed — email or phone. */
export async function lookalikesOf(reader: StoreReader, p: Prospect): Promise<Prospect[]> {
  const [email, phone] = [emailKey(p.email), phoneKey(p.phone)];
  const [named, contacts] = await Promise.all([
    p.name === null ? [] : reader.prospectsNamed(p.name),
    email === null && phone === null ? [] : reader.findDuplicates({ emails: email === null ? [] : [email], phones: phone === null ? [] : [phone] }),
  ]);
  return [...named, ...contacts];
}
