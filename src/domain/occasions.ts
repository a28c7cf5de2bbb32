// Occasions: the days that matter to a prospect (a birthday every year, a wedding once), when each next falls in
// local calendar days, and the reminders `due` gives from `remindDays` before it until the day itself.
import { calendarDaysBetween, localDay } from './dates.js';
import { usageError } from './errors.js';
import type { Occasion } from './types.js';

/** What `occasion add` stores of `MM-DD` (year null: every year) or `YYYY-MM-DD` (that day only). */
export interface OccasionDay { month: number; day: number; year: number | null }

/** How many days ahead `due` starts reminding when `--remind` does not say. */
export const DEFAULT_REMIND_DAYS = 7;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Reads `MM-DD` or `YYYY-MM-DD`; anything else, or a day the calendar lacks (02-30, 2025-02-29), is a usage error. */
export function parseOccasionDay(text: string): OccasionDay {
  const m = /^\s*(?:(\d{4})-)?(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  const year = m?.[1] === undefined ? null : Number(m[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  // A yearly day is checked against a leap year: 02-29 is a birthday (kept on 28 Feb in other years).
  const ok = m !== null && year !== 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year ?? 2000);
  if (!ok) throw usageError(`"${text}" is not a day: give MM-DD (every year, e.g. 03-14) or YYYY-MM-DD (once, e.g. 2026-06-20)`);
  return { month, day, year };
}

/** The label a birthday read from a contact file gets (its occasion is yearly). */
export const BIRTHDAY = 'birthday';

/**
 * A birthday as contact files write it: `1985-04-12` and `19850412` (vCard, Google), `--04-12` and `--0412` (no
 * year), `04-12`, or Outlook's `4/12/1985` when the order is plain (a day above 12). Always yearly: the year of birth
 * is not kept. '' and Outlook's `0/0/00` are no birthday (null); anything else throws a usage error.
 */
export function parseBirthday(text: string): OccasionDay | null {
  const t = text.trim();
  if (t === '' || /^0{1,2}\/0{1,2}\/0{2,4}$/.test(t)) return null;
  const iso = /^(?:\d{4}|-)-?(\d{2})-?(\d{2})$/.exec(t) ?? /^(\d{1,2})-(\d{1,2})$/.exec(t);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}$/.exec(t);
  let parts: [number, number] | null = iso ? [Number(iso[1]), Number(iso[2])] : null;
  if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    // 4/12 is April 12 in the US and 4 December elsewhere: only a day above 12 says which is which.
    parts = a > 12 && b <= 12 ? [b, a] : b > 12 && a <= 12 ? [a, b] : null;
    if (parts === null) throw usageError(`birthday "${text}" could be day/month or month/day; write it as YYYY-MM-DD`);
  }
  const [month, day] = parts ?? [0, 0];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, 2000))) {
    throw usageError(`birthday "${text}" is not a date (write it as YYYY-MM-DD, or --MM-DD without the year)`);
  }
  return { month, day, year: null };
}

/** The day as the user gave it: `03-14` (yearly) or `2026-06-20`. */
export const occasionDate = (o: OccasionDay): string => `${o.year === null ? '' : `${pad(o.year, 4)}-`}${pad(o.month)}-${pad(o.day)}`;

/** Local midnight of the occasion in `year`; 29 Feb falls on 28 Feb in a year without it. */
function dayIn(o: OccasionDay, year: number): Date {
  const day = o.month === 2 && o.day === 29 && !isLeap(year) ? 28 : o.day;
  const d = new Date(year, o.month - 1, day);
  d.setFullYear(year); // years below 100 would otherwise mean 19xx
  return d;
}

/** The next time the occasion falls, today included (local midnight); null for a one-off day that has passed. */
function nextOccurrence(o: OccasionDay, now: Date): Date | null {
  const today = localDay(now);
  if (o.year !== null) {
    const once = dayIn(o, o.year);
    return localDay(once) >= today ? once : null;
  }
  const thisYear = dayIn(o, now.getFullYear());
  return localDay(thisYear) >= today ? thisYear : dayIn(o, now.getFullYear() + 1);
}

/** An occasion with its next day and how many days away it is (0: today). */
export interface Upcoming { occasion: Occasion; next: Date; inDays: number }

/** The occasion's next day and the days to it, or null when it will not come again. */
export function upcoming(o: Occasion, now: Date): Upcoming | null {
  const next = nextOccurrence(o, now);
  return next === null ? null : { occasion: o, next, inDays: calendarDaysBetween(now, next) };
}

/**
 * Whether `due` lists it: from its reminder day (remindDays before it) until the day itself, or, looking
 * `withinDays` ahead, when its reminder day falls by then.
 */
export const isRemindedOf = (u: Upcoming, withinDays: number): boolean => u.inDays - u.occasion.remindDays <= withinDays;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `today`, `tomorrow`, `in 5 days`. */
export const inDaysText = (n: number): string => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

/** `Sat 14 Mar` (English, as every message of precrm). */
export const shortDay = (d: Date): string => `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;

/** The reminder line: `occasion: wife's birthday, Sat 14 Mar, in 5 days`. */
export const occasionNote = (u: Upcoming): string => `occasion: ${u.occasion.label}, ${shortDay(u.next)}, ${inDaysText(u.inDays)}`;

/** The upcoming occasions within `withinDays` (all when undefined), soonest first, then by id. */
export function upcomingWithin(occasions: readonly Occasion[], now: Date, withinDays?: number): Upcoming[] {
  return occasions.map((o) => upcoming(o, now)).filter((u): u is Upcoming => u !== null && (withinDays === undefined || u.inDays <= withinDays))
    .sort((a, b) => a.inDays - b.inDays || a.occasion.id - b.occasion.id);
}
