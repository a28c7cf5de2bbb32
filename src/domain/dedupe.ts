// Duplicate keys: the same email (case-insensitive) or the same phone number mean the same person. A phone's key is
// its digits as typed (stored by the SQL stores); phones.ts lists the other keys the same number may have.
import type { Prospect } from './types.js';

export const emailKey = (email: string | null | undefined): string | null =>
  email ? email.trim().toLowerCase() || null : null;

/** Phone digits only; shorter than 6 digits is too weak to call two people the same. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  // A loop, not replace(/\D/g): this runs once per row of a 100,000-row import.
  let digits = '';
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += phone[i];
  }
  return digits.length >= 6 ? digits : null;
}

/** An index of the store's prospects by email and phone, for O(1) duplicate look-ups. */
export class DuplicateIndex {
  private byEmail = new Map<string, Prospect>();
  private byPhone = new Map<string, Prospect>();

  constructor(prospects: Iterable<Prospect>) {
    for (const p of prospects) this.add(p);
  }

  add(p: Prospect): void {
    const e = emailKey(p.email);
    const ph = phoneKey(p.phone);
    if (e && !this.byEmail.has(e)) this.byEmail.set(e, p);
    if (ph && !this.byPhone.has(ph)) this.byPhone.set(ph, p);
  }

  find(email: string | null | undefined, phone: string | null | undefined): Prospect | undefined {
    const e = emailKey(email);
    const ph = phoneKey(phone);
    return (e ? this.byEmail.get(e) : undefined) ?? (ph ? this.byPhone.get(ph) : undefined);
  }
}

/**
 * The keys that say two records are the same person: email key, phone key, and the lower-cased name (used only
 * when both are null). `phones`, when given, are the phone keys to look for (phones.ts phoneMatchKeys: the other
 * forms of the number); otherwise just `phone`.
 */
export interface IdentityKeys { email: string | null; phone: string | null; name: string; phones?: readonly string[] }

/** The phone keys a look-up tries, exact digits first. */
export const phoneLookups = (k: { phone: string | null; phones?: readonly string[] }): readonly string[] =>
  k.phones ?? (k.phone === null ? [] : [k.phone]);

export const identityKeys = (p: { email: string | null; phone: string | null; name: string | null }): IdentityKeys =>
  ({ email: emailKey(p.email), phone: phoneKey(p.phone), name: (p.name ?? '').toLowerCase() });

/** A duplicate look-up: prospects with one of these email keys or phone keys, or — having neither — one of these names. */
export interface DuplicateQuery { emails?: readonly string[]; phones?: readonly string[]; bareNames?: readonly string[] }

export function duplicateMatcher(q: DuplicateQuery): (p: Prospect) => boolean {
  const emails = new Set(q.emails ?? []);
  const phones = new Set(q.phones ?? []);
  const names = new Set(q.bareNames ?? []);
  return (p) => {
    const k = identityKeys(p);
    if (k.email !== null && emails.has(k.email)) return true;
    if (k.phone !== null && phones.has(k.phone)) return true;
    return k.email === null && k.phone === null && names.size > 0 && names.has(k.name);
  };
}

/**
 * Which of `candidates` (in id order) a new record duplicates: the first with its email key, else the first whose
 * phone key is one of `phones` (default: the record's own phone key).
 */
export function firstDuplicate<P extends Prospect>(candidates: readonly P[], p: { email: string | null; phone: string | null },
  phones: readonly string[] = phoneLookups({ phone: phoneKey(p.phone) })): P | undefined {
  const email = emailKey(p.email);
  return (email === null ? undefined : candidates.find((x) => emailKey(x.email) === email))
    ?? candidates.find((x) => { const k = phoneKey(x.phone); return k !== null && phones.includes(k); });
}
