// Parses the dates and times people type (ISO, named months, times of day, spans, weekdays) against an injected
// "now", and compares calendar days in local time.
import {
  addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, endOfDay, isValid, startOfDay,
} from 'date-fns';
import { readMonthDay, splitClock, weekdayNumber } from './day-forms.js';
import { usageError } from './errors.js';

/** `past` for --at/--since/--until (spans count back), `future` for --follow-up/--within (spans count ahead). */
export type Direction = 'past' | 'future';

const SPAN = /^(\d{1,5})\s*(d|w|m|y)$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/i;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const DATE_FORMS = 'YYYY-MM-DD[THH:MM], 12 Mar 2026, yesterday 18:00, 10:00, 3d, 2w, 1m, 2h, 30min, friday …; see precrm help dates';

function invalid(input: string, what: string): Error {
  return usageError(`invalid ${what} "${input}" (use ${DATE_FORMS})`);
}

function localDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | null {
  const date = new Date(y, mo - 1, d, h, mi, s, ms);
  // Reject 2026-02-30 and friends instead of letting Date roll them over.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return date;
}

function addSpan(now: Date, n: number, unit: string, sign: 1 | -1): Date {
  const k = n * sign;
  switch (unit.toLowerCase()) {
    case 'd': return addDays(now, k);
    case 'w': return addWeeks(now, k);
    case 'm': return addMonths(now, k);
    default: return addYears(now, k);
  }
}

/**
 * Parses a user's date. Day forms keep the clock's time of day ("yesterday" = 24 h ago), an ISO day
 * is local midnight; callers comparing calendar days use startOfDay/endOfDay on the result.
 */
export function parseWhen(input: string, now: Date, direction: Direction, what = 'date'): Date {
  const date = parseForm(input, now, direction, what);
  // `99999y` ago lands before year 1 (stored as "-097973-…", shown as garbage): only four-digit years are dates.
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw usageError(`${what} "${input}" is out of range (years 1000 to 9999)`);
  return date;
}

const SPAN_UNITS: Record<string, 'min' | 'h' | 'd' | 'w' | 'm' | 'y'> = {
  min: 'min', mins: 'min', minute: 'min', minutes: 'min', h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd', w: 'w', week: 'w', weeks: 'w', m: 'm', month: 'm', months: 'm', y: 'y', year: 'y', years: 'y',
};
const WHEN_SPAN = /^(\d{1,5})\s*([a-z]+)( ago)?$/;

/** `3d`, `2h`, `30min`, `2 hours ago` (`ago` only where spans count back); `m` is a month, minutes are `min`. */
function spanFrom(text: string, now: Date, direction: Direction): Date | null {
  const m = WHEN_SPAN.exec(text);
  const unit = m ? SPAN_UNITS[m[2]!] : undefined;
  if (!m || unit === undefined || (m[3] !== undefined && direction !== 'past')) return null;
  const n = Number(m[1]) * (direction === 'past' ? -1 : 1);
  if (unit === 'min') return new Date(now.getTime() + n * 60_000);
  if (unit === 'h') return new Date(now.getTime() + n * 3_600_000);
  return addSpan(now, Math.abs(n), unit, n < 0 ? -1 : 1);
}

/** Days from `now` to the weekday `day`: the coming one ahead (never today), the last one back (never today). */
function weekdayShift(day: number, now: Date, direction: Direction): number {
  return direction === 'future' ? (day - now.getDay() + 7) % 7 || 7 : -((now.getDay() - day + 7) % 7 || 7);
}

/** `12 Mar 2026`, `March 12` …: local midnight of that day; without a year, the nearest such day on the side the direction points to. */
function monthDayFrom(text: string, now: Date, direction: Direction): Date | null | 'invalid' {
  const w = readMonthDay(text);
  if (!w) return null;
  const inYear = (y: number) => localDate(y, w.month, w.day);
  let d = inYear(w.year ?? now.getFullYear());
  const today = startOfDay(now);
  if (d && w.year === null && direction === 'past' && d > today) d = inYear(now.getFullYear() - 1);
  else if (d && w.year === null && direction === 'future' && d < today) d = inYear(now.getFullYear() + 1);
  if (!d || (w.weekday !== null && d.getDay() !== w.weekday)) return 'invalid';
  return d;
}

/** A day a time of day can follow: today, yesterday, tomorrow, a weekday, an ISO day or a named month's day (local midnight). */
function dayFrom(text: string, now: Date, direction: Direction): Date | null | 'invalid' {
  const shift = { '': 0, today: 0, yesterday: -1, tomorrow: 1 }[text];
  if (shift !== undefined) return startOfDay(addDays(now, shift));
  const weekday = weekdayNumber(text);
  if (weekday !== null) return startOfDay(addDays(now, weekdayShift(weekday, now, direction)));
  const iso = ISO_DAY.exec(text);
  if (iso) return localDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? 'invalid';
  return monthDayFrom(text, now, direction);
}

/** `10:00` (today), `yesterday 18:00`, `friday 9:30`, `12 Mar 2026 6pm`: that local day at that time. */
function timedDayFrom(text: string, now: Date, direction: Direction): Date | null | 'invalid' {
  const split = splitClock(text);
  if (!split) return null;
  const day = dayFrom(split.day, now, direction);
  if (day === null || day === 'invalid') return day;
  const { hours, minutes, seconds } = split.time;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, seconds);
}

function parseForm(input: string, now: Date, direction: Direction, what: string): Date {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^at /, '');
  if (text === 'now' || text === 'today') return now;
  if (text === 'yesterday') return addDays(now, -1);
  if (text === 'tomorrow') return addDays(now, 1);
  const span = spanFrom(text, now, direction);
  if (span) return span;
  const weekday = weekdayNumber(text);
  if (weekday !== null) return addDays(now, weekdayShift(weekday, now, direction));
  const iso = isoForm(input.trim(), text);
  if (iso !== null) {
    if (iso === 'invalid') throw invalid(input, what);
    return iso;
  }
  const written = timedDayFrom(text, now, direction) ?? monthDayFrom(text, now, direction);
  if (written === null || written === 'invalid') throw invalid(input, what);
  return written;
}

/** The ISO forms: a day (local midnight), a local date-time, a date-time with its zone; null when not ISO-shaped. */
function isoForm(raw: string, text: string): Date | null | 'invalid' {
  let m = ISO_DAY.exec(text);
  if (m) return localDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  m = ISO_LOCAL.exec(text);
  if (m) return localDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))) ?? 'invalid';
  if (!ISO_ZONED.test(raw)) return null;
  const d = new Date(raw);
  // Date.parse rolls 2026-02-30T…Z over into March; the written day and time must exist as written.
  const [y, mo, day, h, mi, sec] = raw.split(/[-T:.Z+]/i).map(Number);
  const calendar = new Date(Date.UTC(y!, mo! - 1, day!));
  const exists = isValid(d) && calendar.getUTCMonth() === mo! - 1 && calendar.getUTCDate() === day && h! <= 23 && mi! <= 59 && (sec ?? 0) <= 59;
  return exists ? d : 'invalid';
}

/** Longest span or cadence: 100 years. Beyond it dates leave four-digit years (`99999y`) and overflow Date. */
export const MAX_SPAN_DAYS = 36_500;

/** Parses a span such as `1d`, `2w`, `every 3d`, `1m` into whole days (a month is 30 days). */
export function parseSpanDays(input: string, what = 'span'): number {
  const text = input.trim().toLowerCase().replace(/^every\s+/, '');
  const m = SPAN.exec(text) ?? /^(\d{1,5})()$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  if (!m || !Number.isInteger(n) || n <= 0) {
    throw usageError(`invalid ${what} "${input}" (use a number of days or a span such as 1d, 2w, 1m)`);
  }
  const perUnit: Record<string, number> = { '': 1, d: 1, w: 7, m: 30, y: 365 };
  const days = n * perUnit[m[2]!.toLowerCase()]!;
  if (days > MAX_SPAN_DAYS) throw usageError(`${what} "${input}" is too long (at most ${MAX_SPAN_DAYS} days, 100 years)`);
  return days;
}

/** Calendar days from a to b in local time (positive when b is later). */
export function calendarDaysBetween(a: Date, b: Date): number {
  return differenceInCalendarDays(b, a);
}

export const startOfLocalDay = startOfDay;
export const endOfLocalDay = endOfDay;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Local `yyyy-MM-dd`, as date-fns' format writes it (year of era, so 1 BC is 0001), without loading format and
 * its locale tables at every start-up.
 */
export function localDay(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid time value');
  const year = d.getFullYear();
  return `${pad(year > 0 ? year : 1 - year, 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local `HH:mm` (and `:ss` when asked). */
export const localTime = (d: Date, seconds = false): string =>
  `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;

/** A stored instant shown in local time: `2026-03-05 18:30`. */
export function showDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${localDay(d)} ${localTime(d)}`;
}

/** A stored instant's local calendar day: `2026-03-05`. */
export function showDay(iso: string | null): string {
  return iso ? localDay(new Date(iso)) : '';
}
