// Who a row is, for planning an import: prospects by email key, phone key, and — for those with neither — by name.
// Keys are computed once per row (emailKey/phoneKey of the domain), so 100,000 rows cost one Map look-up each.
import { emailKey, identityKeys, type IdentityKeys } from '../domain/dedupe.js';
import type { Prospect } from '../domain/types.js';

export type { IdentityKeys };
export const keysOf = identityKeys;

export class ProspectIndex {
  private readonly byEmail = new Map<string, Prospect>();
  private readonly byPhone = new Map<string, Prospect>();
  /** Only prospects without email and phone: a name is all that tells two of them apart. */
  private readonly byBareName = new Map<string, Prospect>();

  constructor(prospects: Iterable<Prospect>) {
    for (const p of prospects) this.add(p, keysOf(p));
  }

  /** Same email, else same phone digits; a row without either matches a contact-less prospect of the same name. */
  find(k: IdentityKeys): Prospect | undefined {
    const hit = (k.email !== null ? this.byEmail.get(k.email) : undefined) ?? (k.phone !== null ? this.byPhone.get(k.phone) : undefined);
    if (hit || k.email !== null || k.phone !== null) return hit;
    return k.name ? this.byBareName.get(k.name) : undefined;
  }

  /** The first prospect with a key keeps it. */
  add(p: Prospect, k: IdentityKeys): void {
    if (k.email !== null && !this.byEmail.has(k.email)) this.byEmail.set(k.email, p);
    if (k.phone !== null && !this.byPhone.has(k.phone)) this.byPhone.set(k.phone, p);
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
