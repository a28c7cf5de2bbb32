// Parses the date forms of SPEC §2 against an injected "now" and compares calendar days in local time.
import {
  addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, endOfDay, isValid, startOfDay,
} from 'date-fns';
import { usageError } from './errors.js';

/** `past` for --at/--since/--until (spans count back), `future` for --follow-up/--within (spans count ahead). */
export type Direction = 'past' | 'future';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SPAN = /^(\d{1,5})\s*(d|w|m|y)$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/i;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export const DATE_FORMS = 'YYYY-MM-DD[THH:MM], today, yesterday, tomorrow, 3d, 2w, 1m, or a weekday name';

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

function parseForm(input: string, now: Date, direction: Direction, what: string): Date {
  const text = input.trim().toLowerCase();
  if (text === 'now' || text === 'today') return now;
  if (text === 'yesterday') return addDays(now, -1);
  if (text === 'tomorrow') return addDays(now, 1);
  const span = SPAN.exec(text);
  if (span) return addSpan(now, Number(span[1]), span[2]!, direction === 'past' ? -1 : 1);
  const dayIndex = WEEKDAYS.findIndex((d) => text.length >= 3 && d.startsWith(text));
  if (dayIndex >= 0) {
    const diff = (dayIndex - now.getDay() + 7) % 7 || 7;
    return direction === 'future' ? addDays(now, diff) : addDays(now, -((now.getDay() - dayIndex + 7) % 7 || 7));
  }
  let m = ISO_DAY.exec(text);
  if (m) {
    const d = localDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) return d;
    throw invalid(input, what);
  }
  m = ISO_LOCAL.exec(text);
  if (m) {
    const d = localDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')));
    if (d) return d;
    throw invalid(input, what);
  }
  if (ISO_ZONED.test(input.trim())) {
    const d = new Date(input.trim());
    // Date.parse rolls 2026-02-30T…Z over into March; the written day and time must exist as written.
    const [y, mo, day, h, mi, sec] = input.trim().split(/[-T:.Z+]/i).map(Number);
    const calendar = new Date(Date.UTC(y!, mo! - 1, day!));
    if (isValid(d) && calendar.getUTCMonth() === mo! - 1 && calendar.getUTCDate() === day && h! <= 23 && mi! <= 59 && (sec ?? 0) <= 59) return d;
  }
  throw invalid(input, what);
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

/** Fractional days between two instants (for medians of durations). */
export function daysBetween(a: string | Date, b: string | Date): number {
  return (new Date(b).getTime() - new Date(a).getTime()) / 86_400_000;
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
