// report cohorts: prospects grouped by the week or month they were created, and how each group converted.
import type { CohortMember } from '../queries.js';
import { addToTally, conversionRate, medianElapsedDaysToConvert, newConversionTally, type ConversionTally } from './conversions.js';
import { journeyOf } from './journey.js';
import { toMs } from './instants.js';
import { periodKeyer, periodsBetween, type Period } from './periods.js';

/** `since`/`until`: the cohort window asked for (ISO instants); they set the first and last period shown. */
interface CohortsQuery { period: 'week' | 'month'; since?: string; until?: string }

export interface CohortRow {
  /** `2026-03` (month) or ISO week `2026-W10`, local time. */
  cohort: string;
  prospects: number;
  customers: number;
  conversion_rate: number | null;
  median_days_to_convert: number | null;
}

/**
 * One row per period from the first to the last (or over the whole --since/--until window),
 * empty periods included with zeros, so a chart has no holes. A window open at the end runs to now.
 */
export function cohortsReport(cohort: readonly CohortMember[], q: CohortsQuery, now: Date): CohortRow[] {
  const period: Period = q.period;
  const keyOf = periodKeyer(period);
  const tallies = new Map<string, ConversionTally>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of cohort) {
    const j = journeyOf(p);
    if (j.createdMs < first) first = j.createdMs;
    if (j.createdMs > last) last = j.createdMs;
    const key = keyOf(j.createdMs);
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = newConversionTally()));
    addToTally(t, p, j, 0);
  }
  const from = q.since === undefined ? first : toMs(q.since);
  const to = q.until !== undefined ? toMs(q.until) : q.since === undefined ? last : Math.max(last, now.getTime());
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  return periodsBetween(from, to, period).map((cohort) => {
    const t = tallies.get(cohort) ?? newConversionTally();
    return {
      cohort,
      prospects: t.prospects,
      customers: t.customers,
      conversion_rate: conversionRate(t),
      median_days_to_convert: medianElapsedDaysToConvert(t),
    };
  });
}
