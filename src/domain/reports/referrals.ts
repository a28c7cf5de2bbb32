// report referrals: who brings new people, and how many of them buy.
import type { CohortMember } from '../queries.js';
import { CurrencySums, currenciesOf, type MoneyQuery, type PerCurrency } from './currencies.js';
import { journeyOf } from './journey.js';

export interface ReferralRow {
  /** The referrer's id and name (null once forgotten). */
  id: number;
  name: string | null;
  /** Prospects of the cohort this person referred. */
  referrals: number;
  referred_customers: number;
  /** The referred customers' conversion values (first purchases), per currency. */
  referred_revenue: PerCurrency;
}

/**
 * One row per referrer. The cohort filters select the referred prospects (those being counted),
 * as in every other report; rows are ordered by referred customers, then referrals, then id.
 */
/** `names`: each referrer's name (StoreReader.getProspects of the cohort's referredBy ids). */
export function referralsReport(cohort: readonly CohortMember[], names: ReadonlyMap<number, string | null>, q: MoneyQuery = {}): ReferralRow[] {
  const rows = new Map<number, Omit<ReferralRow, 'referred_revenue'> & { revenue: CurrencySums }>();
  for (const p of cohort) {
    if (p.referredBy === null) continue;
    let row = rows.get(p.referredBy);
    if (!row) rows.set(p.referredBy, (row = { id: p.referredBy, name: names.get(p.referredBy) ?? null, referrals: 0, referred_customers: 0, revenue: new CurrencySums(q.currency) }));
    row.referrals++;
    if (journeyOf(p).convertedMs !== null) {
      row.referred_customers++;
      row.revenue.add(p.conversion?.value, p.conversion?.currency);
    }
  }
  const currencies = currenciesOf([...rows.values()].map((r) => r.revenue), q.currency);
  return [...rows.values()].map(({ revenue, ...row }) => ({ ...row, referred_revenue: revenue.over(currencies) })).sort((a, b) => b.referred_customers - a.referred_customers || b.referrals - a.referrals || a.id - b.id);
}
