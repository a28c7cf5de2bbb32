// Who a row is, for planning an import: prospects by email key, phone key, and — for those with neither — by name.
// Keys are computed once per row (emailKey/phoneKey of the domain), so 100,000 rows cost one Map look-up each.
import { emailKey, identityKeys, phoneLookups, type IdentityKeys } from '../domain/dedupe.js';
import type { Prospect } from '../domain/types.js';

export type { IdentityKeys };
export const keysOf = identityKeys;

const tail = (key: string) => key.slice(-6);

export class ProspectIndex {
  private readonly byEmail = new Map<string, Prospect>();
  private readonly byPhone = new Map<string, Prospect>();
  /** The last digits of every phone key in byPhone. */
  private readonly phoneTails = new Set<string>();
  /** Only prospects without email and phone: a name is all that tells two of them apart. */
  private readonly byBareName = new Map<string, Prospect>();

  constructor(prospects: Iterable<Prospect>) {
    for (const p of prospects) this.add(p, keysOf(p));
  }

  /** Same email, else the same phone (any of its keys); a row without either matches a contact-less prospect of the same name. */
  find(k: IdentityKeys): Prospect | undefined {
    const hit = (k.email !== null ? this.byEmail.get(k.email) : undefined) ?? this.byPhoneKeys(k);
    if (hit || k.email !== null || k.phone !== null) return hit;
    return k.name ? this.byBareName.get(k.name) : undefined;
  }

  private byPhoneKeys(k: IdentityKeys): Prospect | undefined {
    if (k.phone === null) return undefined;
    const exact = this.byPhone.get(k.phone);
    // Every form of a number ends with its national number (six digits or more nearly everywhere): unless a stored
    // phone ends with the same six digits, no other form can match, and reading the number (libphonenumber, for
    // each of 100,000 new rows) is skipped.
    if (exact || !this.phoneTails.has(tail(k.phone))) return exact;
    for (const key of phoneLookups(k)) {
      const hit = this.byPhone.get(key);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The first prospect with a key keeps it. */
  add(p: Prospect, k: IdentityKeys): void {
    if (k.email !== null && !this.byEmail.has(k.email)) this.byEmail.set(k.email, p);
    if (k.phone !== null && !this.byPhone.has(k.phone)) {
      this.byPhone.set(k.phone, p);
      this.phoneTails.add(tail(k.phone));
    }
    if (k.email === null && k.phone === null && k.name && !this.byBareName.has(k.name)) this.byBareName.set(k.name, p);
  }

  findEmail(email: string): Prospect | undefined {
    const k = emailKey(email);
    return k === null ? undefined : this.byEmail.get(k);
  }
}

/** A look-up for a row's prospect reference as import files write it: a numeric id or an email (any case). */
export function prospectByRef(prospects: readonly Prospect[]): (ref: string | null) => Prospect | undefined {
  const byId = new Map(prospects.map((p) => [p.id, p]));
  const byEmail = new ProspectIndex(prospects);
  return (ref) => (ref === null ? undefined : /^\d+$/.test(ref) ? byId.get(Number(ref)) : byEmail.findEmail(ref));
}
