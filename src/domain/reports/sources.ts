// report sources: which sources bring prospects that convert, how fast, after how many touches, for how much.
import type { Prospect, Touch } from '../types.js';
import { cohortFilter, type CohortQuery } from './cohort-filter.js';
import { addToTally, avgTouchesBeforeConversion, conversionRate, medianDaysToConvert, newConversionTally, type ConversionTally } from './conversions.js';
import { compareGroups } from './groups.js';
import { countTouchesBefore, journeyOf, touchesByProspect } from './journey.js';

export interface SourceRow {
  /** null for prospects without a source. */
  source: string | null;
  prospects: number;
  customers: number;
  conversion_rate: number | null;
  median_days_to_convert: number | null;
  /** Mean number of touches on or before the conversion, over the customers. */
  avg_touches_before_conversion: number | null;
  /** Sum of conversion values (whatever their currency). */
  revenue: number;
}

/** One row per source of the cohort, alphabetical, prospects without a source last. */
export function sourcesReport(prospects: readonly Prospect[], touches: readonly Touch[], q: CohortQuery): SourceRow[] {
  const keep = cohortFilter(q);
  const byProspect = touchesByProspect(touches);
  const tallies = new Map<string | null, ConversionTally>();
  for (const p of prospects) {
    if (!keep(p)) continue;
    const j = journeyOf(p);
    let t = tallies.get(p.source);
    if (!t) tallies.set(p.source, (t = newConversionTally()));
    addToTally(t, p, j, j.convertedMs === null ? 0 : countTouchesBefore(byProspect.get(p.id), j.convertedMs));
  }
  return [...tallies.keys()].sort(compareGroups).map((source) => {
    const t = tallies.get(source)!;
    return {
      source,
      prospects: t.prospects,
      customers: t.customers,
      conversion_rate: conversionRate(t),
      median_days_to_convert: medianDaysToConvert(t),
      avg_touches_before_conversion: avgTouchesBeforeConversion(t),
      revenue: t.revenue,
    };
  });
}
