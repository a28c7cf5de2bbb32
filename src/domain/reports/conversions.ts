// Shared tally of "how many prospects, how many converted, how fast, for how much" used by sources and cohorts.
import type { CohortMember } from '../queries.js';
import { CurrencySums } from './currencies.js';
import { daysBetweenMs } from './instants.js';
import type { Journey } from './journey.js';
import { mean, median, rate } from './stats.js';

export interface ConversionTally {
  prospects: number;
  customers: number;
  /** Elapsed days to convert of each dated customer: fractional, creation instant to purchase instant. */
  elapsedDays: number[];
  touches: number[];
  /** The conversion values (first purchases), per currency. */
  revenue: CurrencySums;
}

/** `currency`: count only revenue in this currency (`--currency`). */
export const newConversionTally = (currency?: string): ConversionTally => ({ prospects: 0, customers: 0, elapsedDays: [], touches: [], revenue: new CurrencySums(currency) });

/** Adds one prospect; `touchesBefore` is its number of touches up to the conversion (converted only). */
export function addToTally(t: ConversionTally, p: Pick<CohortMember, 'conversion'>, j: Journey, touchesBefore: number): void {
  t.prospects++;
  if (j.convertedMs === null) return;
  t.customers++;
  // A customer whose purchase day is unknown (imported without one) has no days or touches before it to count.
  if (p.conversion === null) return;
  // A purchase dated before creation (backfilled) counts as converting at once.
  t.elapsedDays.push(Math.max(0, daysBetweenMs(j.createdMs, j.convertedMs)));
  t.touches.push(touchesBefore);
  t.revenue.add(p.conversion.value, p.conversion.currency);
}

export const conversionRate = (t: ConversionTally): number | null => rate(t.customers, t.prospects);
/**
 * The median of elapsed days to convert (fractional: a purchase 36 hours after creation is 1.5), shown as
 * median_days_to_convert; `convert`, `prospect show` and the export count calendar days instead (calendarDaysToConvert).
 */
export const medianElapsedDaysToConvert = (t: ConversionTally): number | null => median(t.elapsedDays);
export const avgTouchesBeforeConversion = (t: ConversionTally): number | null => mean(t.touches);
