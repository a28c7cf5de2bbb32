// report sources: which sources bring prospects that convert, how fast, after how many touches, for how much.
import type { CohortMember } from '../queries.js';
import { addToTally, avgTouchesBeforeConversion, conversionRate, medianElapsedDaysToConvert, newConversionTally, type ConversionTally } from './conversions.js';
import { currenciesOf, type MoneyQuery, type PerCurrency } from './currencies.js';
import { compareGroups } from './groups.js';
import { journeyOf } from './journey.js';

export interface SourceRow {
  /** null for prospects without a source. */
  source: string | null;
  prospects: number;
  customers: number;
  conversion_rate: number | null;
  median_days_to_convert: number | null;
  /** Mean number of touches on or before the conversion, over the customers. */
  avg_touches_before_conversion: number | null;
  /** Conversion values (first purchases) per currency, every currency of the report on every row. */
  revenue: PerCurrency;
}

/** One row per source of the cohort, alphabetical, prospects without a source last. */
/** `touchesBefore`: per converted member, its touches up to the conversion (StoreReader.countTouchesUpTo of conversionInstants). */
export function sourcesReport(cohort: readonly CohortMember[], touchesBefore: ReadonlyMap<number, number>, q: MoneyQuery = {}): SourceRow[] {
  const tallies = new Map<string | null, ConversionTally>();
  for (const p of cohort) {
    const j = journeyOf(p);
    let t = tallies.get(p.source);
    if (!t) tallies.set(p.source, (t = newConversionTally(q.currency)));
    addToTally(t, p, j, touchesBefore.get(p.id) ?? 0);
  }
  const currencies = currenciesOf([...tallies.values()].map((t) => t.revenue), q.currency);
  return [...tallies.keys()].sort(compareGroups).map((source) => {
    const t = tallies.get(source)!;
    return {
      source,
      prospects: t.prospects,
      customers: t.customers,
      conversion_rate: conversionRate(t),
      median_days_to_convert: medianElapsedDaysToConvert(t),
      avg_touches_before_conversion: avgTouchesBeforeConversion(t),
      revenue: t.revenue.over(currencies),
    };
  });
}
