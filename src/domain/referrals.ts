// Referral rules: no self-referral or cycles; a customer who has referred someone becomes an advocate.
import { conflictError, usageError } from './errors.js';
import { copyProspect } from './prospect.js';
import { moveToStage } from './stages.js';
import type { Prospect } from './types.js';

/** A referrer to link to, with who referred them, and so on up the chain (read from the store). */
export interface ReferrerLink { referrer: Prospect; chain: readonly Prospect[] }

/**
 * Links `p` (a working copy, changed in place) to a referrer, or unlinks it with null, refusing a link that would
 * make someone their own (indirect) referrer. Returns the referrer's new record when the link promotes it.
 */
export function setReferrer(p: Prospect, link: ReferrerLink | null, at: string): Prospect | null {
  if (link) {
    const { referrer, chain } = link;
    if (referrer.id === p.id) throw usageError(`${label(p)} cannot refer themselves`);
    if (chain.some((x) => x.referredBy === p.id)) throw conflictError(`${label(referrer)} was (indirectly) referred by ${label(p)}; a referral cannot go in a circle`);
  }
  p.referredBy = link?.referrer.id ?? null;
  p.updatedAt = at;
  if (!link) return null;
  const referrer = copyProspect(link.referrer);
  return promoteToAdvocate(referrer, at) ? referrer : null;
}

/**
 * `referrer`, who referred them, and so on up the chain, as the no-circle rule reads it (stopping at a repeat or
 * at a referrer `lookup` does not know: a store may hold a circle written before the rule).
 */
export function referralChain(referrer: Prospect, lookup: (id: number) => Prospect | undefined): Prospect[] {
  const chain = [referrer];
  const seen = new Set([referrer.id]);
  for (let next = referrer.referredBy === null ? undefined : lookup(referrer.referredBy); next && !seen.has(next.id);) {
    chain.push(next);
    seen.add(next.id);
    next = next.referredBy === null ? undefined : lookup(next.referredBy);
  }
  return chain;
}

/** A customer with at least one referral becomes an advocate (recorded in its history). */
export function promoteToAdvocate(p: Prospect, at: string): boolean {
  return p.stage === 'customer' ? moveToStage(p, 'advocate', at) : false;
}

export const label = (p: Prospect): string => (p.name ? `${p.name} (${p.id})` : p.description ? `prospect ${p.id} (${p.description})` : `prospect ${p.id}`);

/** How lists and tables show who a prospect is: the name, else the description in brackets (`(blue scarf)`). */
export const shownName = (p: Pick<Prospect, 'name' | 'description'>): string | null =>
  p.name ?? (p.description === null ? null : `(${p.description})`);
