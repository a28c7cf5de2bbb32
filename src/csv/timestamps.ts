// Date-times as form tools and spreadsheets export them (`2026/06/03 6:05:12 PM GMT+1`, `6/13/2026 18:05:12`,
// `2026/06/03 6:05:12 PM EST`), read only when day and month cannot be mixed up: `6/3/2026` is June 3 or 6 March,
// so it is refused, never guessed; so is a zone abbreviation that names several offsets (IST).

const FORM = new RegExp(
  '^(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})' +
  '(?:(?:\\s+|\\s*,\\s*|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?\\s*([ap]\\.?m\\.?)?)?' +
  '\\s*(?:(?:gmt|utc)(?:\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?)?|z|([+-])(\\d{2}):?(\\d{2})|([a-z]{2,5}))?$', 'i');

/**
 * Zone abbreviations as form tools write them, in hours east of UTC. The North American ones are those
 * JavaScript's own Date.parse reads (CST is US Central, not China); an abbreviation of several zones is refused.
 */
const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UT: 0, GMT: 0, UTC: 0, WET: 0, BST: 1, WEST: 1, CET: 1, CEST: 2, MET: 1, MEST: 2, EET: 2, EEST: 3, MSK: 3,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, AKST: -9, AKDT: -8, HST: -10,
  AST: -4, ADT: -3, NST: -3.5, NDT: -2.5, JST: 9, KST: 9, HKT: 8, SGT: 8, AWST: 8, ACST: 9.5, ACDT: 10.5,
  AEST: 10, AEDT: 11, NZST: 12, NZDT: 13, WIB: 7, PKT: 5,
};
const AMBIGUOUS_ZONES: Readonly<Record<string, string>> = {
  IST: 'India (GMT+5:30), Ireland (GMT+1) or Israel (GMT+2)',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Day and month of `a/b/yyyy`, or the reason they cannot be told apart; a given order is followed strictly. */
function dayMonth(a: number, b: number, text: string, y: number, order: DateOrder | undefined): { d: number; mo: number } | string {
  if (a < 1 || b < 1) return `"${text}" is not a day of the calendar`;
  if (order) {
    const dm = order === 'dmy' ? { d: a, mo: b } : { d: b, mo: a };
    return dm.mo > 12 ? `"${text}" is not a date in ${order === 'dmy' ? 'day/month/year' : 'month/day/year'} order (--date-order ${order})` : dm;
  }
  if (a > 12 && b > 12) return `"${text}" has no month`;
  if (a > 12) return { d: a, mo: b };
  if (b > 12) return { d: b, mo: a };
  if (a === b) return { d: a, mo: a };
  const iso = (mo: number, d: number) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `"${text}" could be ${MONTHS[a - 1]} ${b} or ${MONTHS[b - 1]} ${a} (write ${iso(a, b)} or ${iso(b, a)}, or give the file's order: --date-order mdy or dmy)`;
}

function hour24(h: number, ampm: string | undefined): number | null {
  if (!ampm) return h;
  if (h < 1 || h > 12) return null;
  const pm = ampm[0]!.toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * Offset east of UTC in minutes, 0 for a bare GMT/UTC/Z, null when no zone is written (local time, or UTC in a
 * column whose header says so), or the reason an abbreviation cannot be read.
 */
function zoneMinutes(m: RegExpExecArray, text: string, utc: boolean): number | null | string {
  const sign = m[9] ?? m[12];
  if (sign) return (sign === '-' ? -1 : 1) * (Number(m[10] ?? m[13]) * 60 + Number(m[11] ?? m[14] ?? 0));
  const name = m[15]?.toUpperCase();
  if (name !== undefined) {
    if (Object.hasOwn(ZONE_ABBREVIATIONS, name)) return ZONE_ABBREVIATIONS[name]! * 60;
    const which = AMBIGUOUS_ZONES[name];
    return `"${text}" has the time zone ${name}, which is ${which ?? 'not one precrm knows'} (write the offset, e.g. GMT+1)`;
  }
  return /(gmt|utc|z)$/i.test(text) || utc ? 0 : null;
}

/**
 * Parses a form tool's timestamp: a Date, a reason it is refused (ambiguous day/month, impossible date), or
 * null when the text is not in this shape at all. Without a zone the time is local, as for every precrm date.
 * With `order` (the file's --date-order) a day/month pair is read that way, never guessed; with `utc` (a header
 * such as Typeform's `Submit Date (UTC)`) a time without a zone is UTC.
 */
export function parseFormTimestamp(input: string, order?: DateOrder, utc = false): Date | string | null {
  const text = input.trim();
  const m = FORM.exec(text);
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  let y: number;
  let dm: { d: number; mo: number } | string;
  if (a.length === 4) [y, dm] = [Number(a), { mo: Number(b), d: Number(c) }];
  else if (c.length === 4) [y, dm] = [Number(c), dayMonth(Number(a), Number(b), text.split(/[\sT,]/)[0]!, Number(c), order)];
  else return `"${text}" has no four-digit year`;
  if (typeof dm === 'string') return dm;
  const h = hour24(Number(m[4] ?? 0), m[8]);
  const [mi, s, ms] = [Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))];
  if (h === null || h > 23 || mi > 59 || s > 59) return `"${text}" has no such time of day`;
  const zone = zoneMinutes(m, text, utc);
  if (typeof zone === 'string') return zone;
  const date = zone === null ? new Date(y, dm.mo - 1, dm.d, h, mi, s, ms) : new Date(Date.UTC(y, dm.mo - 1, dm.d, h, mi, s, ms) - zone * 60_000);
  // Date rolls 2026-02-30 over into March: check the calendar day as written.
  const check = zone === null ? [date.getFullYear(), date.getMonth(), date.getDate()] : (() => {
    const w = new Date(Date.UTC(y, dm.mo - 1, dm.d));
    return [w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()];
  })();
  if (check[0] !== y || check[1] !== dm.mo - 1 || check[2] !== dm.d) return `"${text}" is not a day of the calendar`;
  return date;
}
