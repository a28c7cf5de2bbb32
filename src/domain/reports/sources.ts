// report sources: which sources bring prospects that convert, how fast, after how many touches, for how much, and
// what their touches cost (money per currency, never added across currencies).
import type { CohortMember } from '../queries.js';
import { addToTally, avgTouchesBeforeConversion, conversionRate, medianElapsedDaysToConvert, newConversionTally, type ConversionTally } from './conversions.js';
import { addCost, moneyCurrencies, moneyFigures, type Costed, type GroupMoney, type MoneyFigures } from './cost.js';
import { CurrencySums, type MoneyQuery } from './currencies.js';
import { compareGroups } from './groups.js';
import { journeyOf } from './journey.js';

export interface SourceRow extends MoneyFigures {
  /** null for prospects without a source. */
  source: string | null;
  prospects: number;
  customers: number;
  conversion_rate: number | null;
  median_days_to_convert: number | null;
  /** Mean number of touches on or before the conversion, over the customers. */
  avg_touches_before_conversion: number | null;
}

/**
 * `touches`: the cohort's touches whose cost counts for their prospect's source (all of them, before or after a
 * purchase). Tallies have no source, so no tally cost is counted here.
 */
interface SourcesQuery extends MoneyQuery { touches?: readonly (Costed & { prospectId: number })[] }

/**
 * One row per source of the cohort, alphabetical, prospects without a source last. Revenue is the conversion value
 * (each customer's first purchase). `touchesBefore`: per converted member, its touches up to the conversion
 * (StoreReader.countTouchesUpTo of conversionInstants).
 */
export function sourcesReport(cohort: readonly CohortMember[], touchesBefore: ReadonlyMap<number, number>, q: SourcesQuery = {}): SourceRow[] {
  const tallies = new Map<string | null, { t: ConversionTally; money: GroupMoney }>();
  const sourceOf = new Map<number, string | null>();
  for (const p of cohort) {
    let g = tallies.get(p.source);
    if (!g) {
      const t = newConversionTally(q.currency);
      tallies.set(p.source, (g = { t, money: { revenue: t.revenue, cost: new CurrencySums(q.currency) } }));
    }
    sourceOf.set(p.id, p.source);
    addToTally(g.t, p, journeyOf(p), touchesBefore.get(p.id) ?? 0);
  }
  for (const touch of q.touches ?? []) {
    if (sourceOf.has(touch.prospectId)) addCost(tallies.get(sourceOf.get(touch.prospectId)!)!.money, touch);
  }
  const currencies = moneyCurrencies([...tallies.values()].map((g) => g.money), q.currency);
  return [...tallies.keys()].sort(compareGroups).map((source) => {
    const { t, money } = tallies.get(source)!;
    return {
      source,
      prospects: t.prospects,
      customers: t.customers,
      conversion_rate: conversionRate(t),
      median_days_to_convert: medianElapsedDaysToConvert(t),
      avg_touches_before_conversion: avgTouchesBeforeConversion(t),
      ...moneyFigures(money, currencies),
    };
  });
}
