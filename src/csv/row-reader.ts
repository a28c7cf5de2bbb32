// Reading one CSV row's cells as typed values, collecting every problem as a `reason` instead of stopping at the
// first; generic, so any importer (prospects, touches, survey responses) validates rows the same way.
import { parseWhen } from '../domain/dates.js';
import { PrecrmError } from '../domain/errors.js';
import { AMOUNT_FORMS, parseAmountText, type Amount } from '../domain/money.js';
import { checkText } from '../domain/prospect.js';
import { parseFormTimestamp, type DateOrder } from './timestamps.js';

export interface RowContext {
  now: Date;
  /** `12,50` is a decimal in a `;`-separated file from a European spreadsheet. */
  decimalComma: boolean;
  /** `03/07/2024` is March 7 (`mdy`) or 3 July (`dmy`); unset, such a date is refused as ambiguous. */
  dateOrder?: DateOrder;
  /** The header of the column a field was read from, for messages that tell how to fix a value. */
  columnOf?: (field: string) => string | undefined;
  /** --skip-invalid: a row may be kept without its invalid parts where they are independent (a survey's answers). */
  keepPartial?: boolean;
  /** Fields read from a column whose header says its times are UTC (Typeform's `Submit Date (UTC)`). */
  utcFields?: ReadonlySet<string>;
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; reasons: string[] };

const CANONICAL_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** Collects problems instead of stopping at the first, so one run lists every reason a row fails. */
export class RowReader {
  readonly reasons: string[] = [];
  constructor(readonly values: ReadonlyMap<string, string>, private readonly ctx: RowContext) {}

  /** Runs a domain check; its message (`email "x" is not an email address`) becomes the reason. */
  check<T>(fn: () => T): T | null {
    try {
      return fn();
    } catch (err) {
      return this.failed(err);
    }
  }

  /** A domain check's refusal becomes a reason; anything else is a bug and goes on up. */
  private failed(err: unknown): null {
    if (!(err instanceof PrecrmError)) throw err;
    this.reasons.push(err.message);
    return null;
  }

  /** The header a field came from (or the field's own name), for hints. */
  column(key: string): string {
    return this.ctx.columnOf?.(key) ?? key;
  }

  text(key: string): string | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    // No closure per cell, as check() would take (100,000 rows × several columns).
    try {
      return checkText(key, v);
    } catch (err) {
      return this.failed(err);
    }
  }

  date(key: string): string | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    // Fast path for what precrm itself exports (ISO UTC), which 100,000-row files are full of.
    // Exactly what toISOString writes, with a day every month has: already canonical, no Date needed.
    if (CANONICAL_ISO.test(v)) return v;
    if (ISO_UTC.test(v)) {
      const d = new Date(v);
      // Date rolls 2026-02-30 over into March: a day or time out of range is refused, not moved.
      const iso = Number.isNaN(d.getTime()) ? '' : d.toISOString();
      if (iso !== '' && iso.startsWith(v.slice(0, 19))) return iso;
      this.reasons.push(`${key} "${v}" is not a date (use 2026-03-05, 2026-03-05T18:30 or 2026-03-05T18:30:00Z)`);
      return null;
    }
    if (this.ctx.utcFields?.has(key)) {
      const utc = parseFormTimestamp(v, this.ctx.dateOrder, true);
      if (utc instanceof Date) return utc.toISOString();
    }
    try {
      return parseWhen(v, this.ctx.now, 'past', key).toISOString();
    } catch {
      // A form tool's export (`6/13/2026 18:05:12`, `2026/06/03 6:05:12 PM GMT+1`), read when unambiguous.
      const form = parseFormTimestamp(v, this.ctx.dateOrder);
      if (form instanceof Date) return form.toISOString();
      this.reasons.push(typeof form === 'string' ? `${key} ${form}` : `${key} "${v}" is not a date (use 2026-03-05, 2026-03-05T18:30 or 2026-03-05T18:30:00Z)`);
      return null;
    }
  }

  number(key: string): number | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    const text = this.ctx.decimalComma && /^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v;
    const n = Number(text);
    if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
      this.reasons.push(`${key} "${v}" is not a number`);
      return null;
    }
    return n;
  }

  /** An amount as people write it (`€86.40`, `1.234,50 €`), with the currency its symbol or code says, if any. */
  money(key: string): Amount | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    const amount = parseAmountText(v, this.ctx.decimalComma);
    if (typeof amount === 'object') return amount;
    this.reasons.push(amount === 'ambiguous'
      ? `${key} "${v}" is ambiguous: a thousands separator or a decimal mark? (write it as 1234 or 1234.5; forms: ${AMOUNT_FORMS})`
      : `${key} "${v}" is not a number (use ${AMOUNT_FORMS})`);
    return null;
  }

  wholeNumber(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      this.reasons.push(`${key} "${v}" is not a whole number${min > 0 ? ` of at least ${min}` : ''}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ''}`);
      return null;
    }
    return n;
  }

  bool(key: string): boolean | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    const t = v.toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
    this.reasons.push(`${key} "${v}" is not true or false`);
    return null;
  }

  /** One of a fixed set of values, case-insensitively. */
  choice<T extends string>(key: string, choices: readonly T[]): T | null {
    const v = this.values.get(key);
    if (v === undefined) return null;
    const t = v.toLowerCase() as T;
    if (choices.includes(t)) return t;
    this.reasons.push(`${key} "${v}" is not one of: ${choices.join(', ')}`);
    return null;
  }
}
