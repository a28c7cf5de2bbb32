// Calendar periods (local time) that cohorts and activity group by, and the run of periods between two dates.
import { addDays, addMonths, addWeeks, format, startOfDay, startOfISOWeek, startOfMonth } from 'date-fns';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

const PATTERN: Record<Period, string> = { day: 'yyyy-MM-dd', week: "RRRR-'W'II", month: 'yyyy-MM' };
const START: Record<Period, (d: Date) => Date> = { day: startOfDay, week: startOfISOWeek, month: startOfMonth };
const STEP: Record<Period, (d: Date, n: number) => Date> = { day: addDays, week: addWeeks, month: addMonths };

/** `2026-03-05`, ISO week `2026-W10`, or `2026-03` for an instant, in local time. */
export function periodKey(iso: string | Date, period: Period): string {
  return format(new Date(iso), PATTERN[period]);
}

/** Every period key from the one holding `from` to the one holding `to`, in order (gaps filled). */
export function periodsBetween(from: string | Date, to: string | Date, period: Period): string[] {
  const keys: string[] = [];
  const end = new Date(to).getTime();
  for (let d = START[period](new Date(from)); d.getTime() <= end; d = STEP[period](d, 1)) keys.push(format(d, PATTERN[period]));
  return keys;
}
