// The one rule for dates in the store file. precrm writes every date as UTC with milliseconds
// (2026-11-24T01:00:00.000Z, toISOString), and everything that reads the store compares those strings as they are:
// for that form, string order is time order. A hand-edited date in another form would silently compare wrong
// (2026-11-24T01:00:00+05:30 sorts after 2026-11-23T22:00:00.000Z though it is earlier), so on reading:
// - an ISO 8601 date-time with a zone (Z or an offset; seconds and fractions optional) is taken as that instant
//   and rewritten in the canonical form, in memory and at the next write;
// - anything else — no zone (its instant would depend on the machine's time zone), a date alone, a day the
//   calendar does not have (2026-02-30, which Date.parse reads as March 2), other notations — is invalid (65).

const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})[Tt](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/**
 * True when `s` is already in the canonical stored form and its day exists. Every date of a store is checked on
 * every read, so the day is checked with arithmetic, not a Date per date (a tenth of the dates are a 29th–31st).
 */
export function isCanonicalDate(s: string): boolean {
  if (!CANONICAL.test(s)) return false;
  const day = digits(s, 8, 10);
  if (day <= 28) return true;
  const month = digits(s, 5, 7);
  if (month !== 2) return day <= DAYS_IN_MONTH[month - 1]!;
  const year = digits(s, 0, 4);
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The canonical form of a stored date, or null when it is not an ISO date-time with a zone on a real day. */
export function canonicalDate(s: string): string | null {
  if (isCanonicalDate(s)) return s;
  const m = ZONED.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export const DATE_RULE = 'not an ISO 8601 date-time with a time zone on a real day (precrm writes 2026-03-05T18:30:00.000Z; an offset like +05:30 is read too)';
