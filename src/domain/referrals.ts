// Referral rules: no self-referral or cycles; a customer who has referred someone becomes an advocate.
import { conflictError, usageError } from './errors.js';
import { moveToStage } from './stages.js';
import type { Prospect } from './types.js';

/** Links `p` to `referrer`, refusing a link that would make someone their own (indirect) referrer. */
export function setReferrer(byId: ReadonlyMap<number, Prospect>, p: Prospect, referrer: Prospect | null, at: string): void {
  if (referrer) {
    if (referrer.id === p.id) throw usageError(`${label(p)} cannot refer themselves`);
    for (let cur: Prospect | undefined = referrer, hops = 0; cur && hops <= byId.size; hops++) {
      if (cur.referredBy === p.id) throw conflictError(`${label(referrer)} was (indirectly) referred by ${label(p)}; a referral cannot go in a circle`);
      cur = cur.referredBy === null ? undefined : byId.get(cur.referredBy);
    }
  }
  p.referredBy = referrer?.id ?? null;
  p.updatedAt = at;
  if (referrer) promoteToAdvocate(referrer, at);
}

/** A customer with at least one referral becomes an advocate (recorded in its history). */
export function promoteToAdvocate(p: Prospect, at: string): boolean {
  return p.stage === 'customer' ? moveToStage(p, 'advocate', at) : false;
}

export function hasReferred(prospects: readonly Prospect[], id: number): boolean {
  return prospects.some((x) => x.referredBy === id);
}

export const label = (p: Prospect): string => (p.name ? `${p.name} (${p.id})` : `prospect ${p.id}`);
