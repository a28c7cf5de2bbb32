// Money in reports, per currency: amounts are added only to amounts of the same currency, and a report's figures
// carry every currency the report saw (0 where a group had none), so its columns are the same on every row.
import { addMoney, moneyPer } from '../money.js';

/** ISO 4217's code for "no currency": where an amount recorded without a currency (an old `convert`) is counted. */
export const NO_CURRENCY = 'XXX';

/** `currency`: only this currency's money (`--currency`). */
export interface MoneyQuery { currency?: string }

/** An amount per currency code. */
export type PerCurrency = Record<string, number>;

/** Running sums per currency; `only` (a `--currency`) leaves every other currency out. */
export class CurrencySums {
  private readonly sums = new Map<string, number>();

  constructor(private readonly only?: string) {}

  /** Adds an amount; one never recorded (null) is no money, one without a currency counts as NO_CURRENCY. */
  add(value: number | null | undefined, currency: string | null | undefined): void {
    if (value === null || value === undefined) return;
    const code = currency ?? NO_CURRENCY;
    if (this.only !== undefined && this.only !== code) return;
    this.sums.set(code, addMoney(this.sums.get(code) ?? 0, value));
  }

  get(currency: string): number { return this.sums.get(currency) ?? 0; }

  currencies(): string[] { return [...this.sums.keys()]; }

  /** The sums in each of `currencies`, 0 for those this one never saw. */
  over(currencies: readonly string[]): PerCurrency {
    return Object.fromEntries(currencies.map((c) => [c, this.get(c)]));
  }
}

/** The currencies of several sums, sorted by code; with `only`, just that one (asked for, so shown even at 0). */
export function currenciesOf(sums: Iterable<CurrencySums>, only?: string): string[] {
  if (only !== undefined) return [only];
  const seen = new Set<string>();
  for (const s of sums) for (const c of s.currencies()) seen.add(c);
  return [...seen].sort();
}

/** Revenue per unit of cost in each currency: null where nothing was spent in it. */
export function perCost(revenue: PerCurrency, cost: PerCurrency): Record<string, number | null> {
  return Object.fromEntries(Object.keys(revenue).map((c) => [c, cost[c] ? moneyPer(revenue[c]!, cost[c]!) : null]));
}
