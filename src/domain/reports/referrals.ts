// report referrals: who brings new people, and how many of them buy.
import type { CohortMember } from '../queries.js';
import { journeyOf } from './journey.js';

export interface ReferralRow {
  /** The referrer's id and name (null once forgotten). */
  id: number;
  name: string | null;
  /** Prospects of the cohort this person referred. */
  referrals: number;
  referred_customers: number;
  /** Sum of the referred customers' conversion values. */
  referred_revenue: number;
}

/**
 * One row per referrer. The cohort filters select the referred prospects (those being counted),
 * as in every other report; rows are ordered by referred customers, then referrals, then id.
 */
/** `names`: each referrer's name (StoreReader.getProspects of the cohort's referredBy ids). */
export function referralsReport(cohort: readonly CohortMember[], names: ReadonlyMap<number, string | null>): ReferralRow[] {
  const rows = new Map<number, ReferralRow>();
  for (const p of cohort) {
    if (p.referredBy === null) continue;
    let row = rows.get(p.referredBy);
    if (!row) rows.set(p.referredBy, (row = { id: p.referredBy, name: names.get(p.referredBy) ?? null, referrals: 0, referred_customers: 0, referred_revenue: 0 }));
    row.referrals++;
    if (journeyOf(p).convertedMs !== null) {
      row.referred_customers++;
      row.referred_revenue += p.conversion?.value ?? 0;
    }
  }
  return [...rows.values()].sort((a, b) => b.referred_customers - a.referred_customers || b.referrals - a.referrals || a.id - b.id);
}
