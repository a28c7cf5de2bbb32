// The ways people write a day or a time of day besides ISO (`12 Mar 2026`, `March 12, 2026`, `10:00`, `6:30pm`),
// read into their parts; dates.ts puts the parts on the clock. English month names only: `03/04` stays refused.

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A calendar day as written; `year` is null when the text gave none (`12 Mar`). */
interface WrittenDay { year: number | null; month: number; day: number }

/** A time of day, 24-hour. */
interface WrittenTime { hours: number; minutes: number; seconds: number }

/** `mar`, `march`, `sept`, `Mar.` → 3 (a name or its first three letters or more); null for anything else. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  const i = w.length >= 3 ? MONTH_NAMES.findIndex((m) => m.startsWith(w)) : -1;
  return i < 0 ? null : i + 1;
}

/** `fri`, `friday` → 5 (Sunday is 0); null for anything else. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = w.length >= 3 ? WEEKDAY_NAMES.findIndex((d) => d.startsWith(w)) : -1;
  return i < 0 ? null : i;
}

const SEP = '[\\s/.-]+';
const ORDINAL = '(?:st|nd|rd|th)?';
const DAY_MONTH = new RegExp(`^(\\d{1,2})${ORDINAL}${SEP}([a-z]+\\.?)(?:,?${SEP}(\\d{4}))?$`, 'i');
const MONTH_DAY = new RegExp(`^([a-z]+\\.?)${SEP}(\\d{1,2})${ORDINAL}(?:,?${SEP}(\\d{4}))?$`, 'i');
const LEADING_WEEKDAY = /^([a-z]+\.?),?\s+(?=\S)/i;

/**
 * `12 Mar 2026`, `12-Mar-2026`, `12 March`, `March 12, 2026`, `Mar 12`, each optionally after its weekday
 * (`Thu, 12 March 2026`); the weekday, when written, is returned to be checked against the day.
 */
export function readMonthDay(text: string): (WrittenDay & { weekday: number | null }) | null {
  let rest = text.trim();
  let weekday: number | null = null;
  const lead = LEADING_WEEKDAY.exec(rest);
  if (lead && weekdayNumber(lead[1]!) !== null) {
    weekday = weekdayNumber(lead[1]!);
    rest = rest.slice(lead[0].length);
  }
  const dm = DAY_MONTH.exec(rest);
  const md = dm ? null : MONTH_DAY.exec(rest);
  const [day, word, year] = dm ? [dm[1]!, dm[2]!, dm[3]] : md ? [md[2]!, md[1]!, md[3]] : [];
  const month = word === undefined ? null : monthNumber(word);
  if (month === null) return null;
  return { year: year === undefined ? null : Number(year), month, day: Number(day), weekday };
}

const CLOCK = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(?:([ap])\.?m\.?)?$/i;

/** `10:00`, `9:30`, `18:05:30`, `6pm`, `6:30 p.m.`; a bare number is not a time (it would be a day). Null when not one or out of range. */
function readClock(text: string): WrittenTime | null {
  const m = CLOCK.exec(text.trim());
  if (!m || (m[2] === undefined && m[4] === undefined)) return null;
  let hours = Number(m[1]);
  const [minutes, seconds] = [Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (m[4] !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  return hours > 23 || minutes > 59 || seconds > 59 ? null : { hours, minutes, seconds };
}

const CLOCK_TAIL = /(?:^|,?\s+(?:at\s+)?)(\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i;

/** Splits `yesterday 18:00`, `friday at 9:30`, `12 Mar 2026, 6pm` into the day's text and the time; null without a time at the end. */
export function splitClock(text: string): { day: string; time: WrittenTime } | null {
  const m = CLOCK_TAIL.exec(text);
  if (!m) return null;
  const time = readClock(m[1]!);
  return time && { day: text.slice(0, m.index).trim(), time };
}
