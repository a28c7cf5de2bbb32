// report cohorts: prospects grouped by the week or month they were created, and how each group converted.
import type { Prospect } from '../types.js';
import { cohortFilter, type CohortQuery } from './cohort-filter.js';
import { addToTally, conversionRate, medianDaysToConvert, newConversionTally, type ConversionTally } from './conversions.js';
import { journeyOf } from './journey.js';
import { periodKey, periodsBetween, type Period } from './periods.js';

export interface CohortsQuery extends CohortQuery { period: 'week' | 'month' }

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
export function cohortsReport(prospects: readonly Prospect[], q: CohortsQuery, now: Date): CohortRow[] {
  const keep = cohortFilter(q);
  const period: Period = q.period;
  const tallies = new Map<string, ConversionTally>();
  let first: string | undefined;
  let last: string | undefined;
  for (const p of prospects) {
    if (!keep(p)) continue;
    if (first === undefined || Date.parse(p.createdAt) < Date.parse(first)) first = p.createdAt;
    if (last === undefined || Date.parse(p.createdAt) > Date.parse(last)) last = p.createdAt;
    const key = periodKey(p.createdAt, period);
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = newConversionTally()));
    addToTally(t, p, journeyOf(p), 0);
  }
  const from = q.since ?? first;
  const to = q.until ?? (q.since === undefined ? last : latest(last, now.toISOString()));
  if (from === undefined || to === undefined) return [];
  return periodsBetween(from, to, period).map((cohort) => {
    const t = tallies.get(cohort) ?? newConversionTally();
    return {
      cohort,
      prospects: t.prospects,
      customers: t.customers,
      conversion_rate: conversionRate(t),
      median_days_to_convert: medianDaysToConvert(t),
    };
  });
}

const latest = (a: string | undefined, b: string): string => (a !== undefined && Date.parse(a) > Date.parse(b) ? a : b);
