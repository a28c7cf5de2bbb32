// Calendar periods (local time) that cohorts, activity and `--by month` group by, and the run of periods between two instants.
import { addDays, addMonths, addWeeks, startOfDay, startOfISOWeek, startOfMonth } from 'date-fns';
import { DAY_MS } from './instants.js';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const START: Record<Period, (d: Date) => Date> = { day: startOfDay, week: startOfISOWeek, month: startOfMonth };
const STEP: Record<Period, (d: Date, n: number) => Date> = { day: addDays, week: addWeeks, month: addMonths };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-03-05` (day), ISO week `2026-W10` (week) or `2026-03` (month) of a moment, in local time. */
export function periodOf(d: Date, period: Period): string {
  if (period === 'day') return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  if (period === 'month') return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}`;
  // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
  const thursday = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 4 - (d.getDay() || 7));
  const year = thursday.getFullYear();
  const dayOfYear = Math.round((thursday.getTime() - new Date(year, 0, 1).getTime()) / DAY_MS);
  return `${pad(year, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

/**
 * A period function over epoch ms, cached per quarter hour (every time zone offset and DST change
 * falls on one), so 100k touches cost a few thousand date computations.
 */
export function periodKeyer(period: Period): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / 900_000);
    let key = cache.get(slot);
    if (key === undefined) cache.set(slot, (key = periodOf(new Date(ms), period)));
    return key;
  };
}

/** Every period from the one holding `from` to the one holding `to` (epoch ms), in order, gaps filled. */
export function periodsBetween(from: number, to: number, period: Period): string[] {
  const keys: string[] = [];
  for (let d = START[period](new Date(from)); d.getTime() <= to; d = STEP[period](d, 1)) keys.push(periodOf(d, period));
  return keys;
}
