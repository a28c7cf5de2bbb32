// What the relationship cost against what it brought, per group of a report (a source, a touch type): cost, revenue
// and revenue per unit of cost, each per currency (never added or divided across currencies).
import type { Touch } from '../types.js';
import { CurrencySums, currenciesOf, perCost, type PerCurrency } from './currencies.js';

/** A record that may carry a cost: a touch, a tally. */
export type Costed = Pick<Touch, 'cost' | 'currency'>;

/** One group's running sums. */
export interface GroupMoney { revenue: CurrencySums; cost: CurrencySums }

/** A group's money as a report row shows it: every currency of the report, 0 where the group had none. */
export interface MoneyFigures {
  revenue: PerCurrency;
  cost: PerCurrency;
  /** revenue / cost in each currency; null where nothing was spent in it. */
  revenue_per_cost: Record<string, number | null>;
}

/** `only`: a `--currency`, leaving every other currency out. */
export const newGroupMoney = (only?: string): GroupMoney => ({ revenue: new CurrencySums(only), cost: new CurrencySums(only) });

/** Adds what a touch or tally cost (nothing when it has no cost). */
export const addCost = (m: GroupMoney, c: Costed): void => m.cost.add(c.cost, c.currency);

/** The currencies of a report: of its revenue and of its costs alike, so each figure has the same columns. */
export const moneyCurrencies = (groups: Iterable<GroupMoney>, only?: string): string[] =>
  currenciesOf([...groups].flatMap((g) => [g.revenue, g.cost]), only);

export function moneyFigures(m: GroupMoney, currencies: readonly string[]): MoneyFigures {
  const revenue = m.revenue.over(currencies);
  const cost = m.cost.over(currencies);
  return { revenue, cost, revenue_per_cost: perCost(revenue, cost) };
}

/** Whether any of these records has a cost: the reports show their cost columns only then. */
export const hasCosts = (records: readonly Costed[]): boolean => records.some((r) => r.cost !== null);
