// report loyalty: do customers come back? Per group of customers (by source, first touch, a sample or tasting
// before buying, referral or owner): how many bought a second time and how soon, how often and for how much they
// buy (money per currency, never added across currencies), and how many still buy.
import { purchasedBefore } from '../first-purchase.js';
import { touchedBeforeConversion } from '../lifecycle.js';
import { addMoney, moneyPer } from '../money.js';
import { byTouchTime, type CohortMember, type CohortTouch } from '../queries.js';
import type { Purchase, TouchType } from '../types.js';
import { NO_CURRENCY } from './currencies.js';
import { compareGroups } from './groups.js';
import { daysBetweenMs, toMs } from './instants.js';
import { touchesByProspect } from './journey.js';
import { median, rate } from './stats.js';

export const LOYALTY_GROUPS = ['source', 'first-touch', 'sampled', 'referred', 'owner'] as const;
export type LoyaltyGroup = (typeof LOYALTY_GROUPS)[number];

/** The touches that give a taste before buying: `--by sampled` asks whether one came before the first purchase. */
const TASTE_TOUCHES: readonly TouchType[] = ['sample', 'tasting'];

export { NO_CURRENCY } from './currencies.js';

export type LoyaltyBuyer = Pick<CohortMember, 'id' | 'source' | 'owner' | 'referredBy'>;
export type LoyaltyPurchase = Pick<Purchase, 'id' | 'prospectId' | 'at' | 'value' | 'currency'>;

export interface LoyaltyQuery {
  by?: LoyaltyGroup;
  /** A purchase from this instant up to `now` (ISO, both inclusive) makes a customer active. */
  activeSince: string;
  now: string;
  /** Only this currency's revenue; else every currency the purchases are in. */
  currency?: string;
}

export interface LoyaltyRow {
  /** The group with `by` (null = no source, no owner, no touch before buying), else undefined. */
  group?: string | null;
  /** Prospects with at least one purchase. */
  customers: number;
  /** Customers who bought again at a later time than their first purchase. */
  repeat_customers: number;
  repeat_rate: number | null;
  /** Median fractional days from the first purchase to the second, over the repeat customers. */
  median_days_to_second: number | null;
  purchases_per_customer: number | null;
  /** Per currency code (each the report's currencies, 0 when the group spent none): revenue / customers. */
  revenue_per_customer: Record<string, number>;
  /** Share of the customers with a purchase in the active window. */
  active_share: number | null;
}

export interface LoyaltyReport { rows: LoyaltyRow[]; currencies: string[] }

/** What one customer contributes to its group. */
interface Customer { group: string | null; secondDays: number | null; purchases: number; revenue: Map<string, number>; active: boolean }

/**
 * One row per group (alphabetical, the none group last), or one row for all customers without `by`; a prospect
 * without purchases is no customer. `touches`: those of the buyers (only `first-touch` and `sampled` read them).
 */
export function loyaltyReport(
  buyers: readonly LoyaltyBuyer[], purchases: readonly LoyaltyPurchase[], touches: readonly CohortTouch[], q: LoyaltyQuery,
): LoyaltyReport {
  const bought = purchasesByProspect(purchases);
  const touched = touchesByProspect(touches);
  const groups = new Map<string | null, Customer[]>();
  const seen = new Set<string>();
  for (const p of buyers) {
    const list = bought.get(p.id);
    if (!list) continue;
    const c = customerOf(p, list, touched.get(p.id) ?? [], q);
    for (const currency of c.revenue.keys()) seen.add(currency);
    const members = groups.get(c.group);
    if (members) members.push(c);
    else groups.set(c.group, [c]);
  }
  const currencies = q.currency !== undefined ? [q.currency] : [...seen].sort();
  const rows = [...groups.keys()].sort(compareGroups).map((g) => rowOf(groups.get(g)!, currencies, q.by === undefined ? undefined : g));
  return { rows, currencies };
}

/** Each prospect's purchases, first first (by time, then id). */
function purchasesByProspect(purchases: readonly LoyaltyPurchase[]): Map<number, LoyaltyPurchase[]> {
  const byProspect = new Map<number, LoyaltyPurchase[]>();
  for (const u of purchases) {
    const list = byProspect.get(u.prospectId);
    if (list) list.push(u);
    else byProspect.set(u.prospectId, [u]);
  }
  for (const list of byProspect.values()) list.sort((a, b) => (purchasedBefore(a, b) ? -1 : purchasedBefore(b, a) ? 1 : 0));
  return byProspect;
}

/**
 * A customer's figures. The second purchase is the first one at a later time than the first: purchases at the
 * same instant are one visit (an order split in lines), so they add to purchases and revenue but are no return.
 */
function customerOf(p: LoyaltyBuyer, bought: readonly LoyaltyPurchase[], touches: readonly CohortTouch[], q: LoyaltyQuery): Customer {
  const firstMs = toMs(bought[0]!.at);
  const second = bought.find((u) => toMs(u.at) > firstMs);
  const [activeFrom, activeTo] = [toMs(q.activeSince), toMs(q.now)];
  const revenue = new Map<string, number>();
  for (const u of bought) {
    if (u.value === null) continue; // an amount never recorded is no revenue
    const currency = u.currency ?? NO_CURRENCY;
    if (q.currency === undefined || q.currency === currency) revenue.set(currency, addMoney(revenue.get(currency) ?? 0, u.value));
  }
  return {
    group: groupOf(q.by, p, bought[0]!.at, touches),
    secondDays: second ? daysBetweenMs(firstMs, toMs(second.at)) : null,
    purchases: bought.length,
    revenue,
    active: bought.some((u) => toMs(u.at) >= activeFrom && toMs(u.at) <= activeTo),
  };
}

/** The group of a customer; touches count "before buying" by the conversion's rule (at or before the first purchase). */
function groupOf(by: LoyaltyGroup | undefined, p: LoyaltyBuyer, firstAt: string, touches: readonly CohortTouch[]): string | null {
  const before = () => touches.filter((t) => touchedBeforeConversion(t.at, firstAt));
  switch (by) {
    case undefined: return null;
    case 'source': return p.source;
    case 'owner': return p.owner;
    case 'referred': return p.referredBy === null ? 'no' : 'yes';
    case 'sampled': return before().some((t) => TASTE_TOUCHES.includes(t.type)) ? 'yes' : 'no';
    default: return [...before()].sort(byTouchTime)[0]?.type ?? null;
  }
}

function rowOf(customers: readonly Customer[], currencies: readonly string[], group: string | null | undefined): LoyaltyRow {
  const n = customers.length;
  const seconds = customers.flatMap((c) => (c.secondDays === null ? [] : [c.secondDays]));
  const total = (currency: string) => customers.reduce((sum, c) => addMoney(sum, c.revenue.get(currency) ?? 0), 0);
  const row: LoyaltyRow = {
    customers: n,
    repeat_customers: seconds.length,
    repeat_rate: rate(seconds.length, n),
    median_days_to_second: median(seconds),
    purchases_per_customer: rate(customers.reduce((sum, c) => sum + c.purchases, 0), n),
    revenue_per_customer: Object.fromEntries(currencies.map((c) => [c, moneyPer(total(c), n)])),
    active_share: rate(customers.filter((c) => c.active).length, n),
  };
  return group === undefined ? row : { group, ...row };
}
