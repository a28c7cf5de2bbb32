// report tallies: the anonymous counts per day, week or month, optionally per touch type or staff member, with
// their cost per currency (amounts in different currencies are never added up); and the rows the funnel shows
// above its first stage when its window has tallies.
import { addMoney } from '../money.js';
import { TOUCH_TYPES, type Tally } from '../types.js';
import { perPeriod } from './period-cells.js';
import type { Period } from './periods.js';

export const TALLY_GROUPS = ['type', 'staff'] as const;
type TallyGroup = (typeof TALLY_GROUPS)[number];

export interface TallyQuery { period: Period; by?: TallyGroup }

export interface TallyRow {
  /** The touch type or staff member (null = not recorded) with `by`, else undefined. */
  group?: string | null;
  /** `2026-03-05`, ISO week `2026-W10` or `2026-03`, local time. */
  period: string;
  /** The counts added up (people greeted, samples handed out). */
  count: number;
  /** How many tallies were logged. */
  tallies: number;
  /** Cost per currency code; a currency with no cost in the period is 0. */
  cost: Record<string, number>;
}

interface Cell { count: number; tallies: number; cost: Map<string, number> }

/** The currencies the tallies' costs are in, sorted: one cost column each. */
export const costCurrencies = (tallies: readonly Tally[]): string[] =>
  [...new Set(tallies.flatMap((t) => (t.cost === null || t.currency === null ? [] : [t.currency])))].sort();

/**
 * Tallies per period, from the first to the last with empty periods filled in; with `by`, each group gets its full
 * run of periods (groups alphabetical, none last).
 */
export function talliesReport(tallies: readonly Tally[], q: TallyQuery): TallyRow[] {
  const currencies = costCurrencies(tallies);
  return perPeriod(tallies, q, (): Cell => ({ count: 0, tallies: 0, cost: new Map() }), (cell, t) => {
    cell.count += t.count;
    cell.tallies++;
    if (t.cost !== null && t.currency !== null) cell.cost.set(t.currency, addMoney(cell.cost.get(t.currency) ?? 0, t.cost));
  }, (period, cell) => ({
    period, count: cell?.count ?? 0, tallies: cell?.tallies ?? 0, cost: Object.fromEntries(currencies.map((c) => [c, cell?.cost.get(c) ?? 0])),
  }));
}

/** A funnel row for the anonymous counts of one touch type, shown above the first stage. */
export interface AnonymousFunnelRow {
  stage: string;
  /** The anonymous count of this type in the window. */
  reached: number;
  current: null;
  lost: null;
  step_rate: null;
  /** New prospects of the same window per anonymous count of this type (how many of them became known). */
  overall_rate: number | null;
  median_days: null;
}

/**
 * The anonymous counts of the window by touch type (in the types' own order), each with the new prospects the
 * same window brought per count. Empty without tallies, so the funnel is then exactly as it was.
 */
export function anonymousFunnelRows(tallies: readonly Tally[], newProspects: number): AnonymousFunnelRow[] {
  const counts = new Map<string, number>();
  for (const t of tallies) counts.set(t.type, (counts.get(t.type) ?? 0) + t.count);
  return TOUCH_TYPES.filter((type) => counts.has(type)).map((type) => {
    const reached = counts.get(type)!;
    return { stage: `anonymous ${type}`, reached, current: null, lost: null, step_rate: null, overall_rate: newProspects / reached, median_days: null };
  });
}
