// Amounts as people write them: `86.40`, `12,50`, `€86.40`, `1.234,50 €`, `$1,234.50`, `86.40 EUR`. A currency
// symbol or code says the currency; a comma is a decimal comma only where it cannot be a thousands separator.

export interface Amount { value: number; currency: string | null }

/** A symbol's currency, and the others it may stand for (`$` is also the Canadian dollar …). */
interface CurrencyMark { code: string; alike: readonly string[] }

const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD'];
const SYMBOLS: Record<string, CurrencyMark> = {
  '€': { code: 'EUR', alike: [] }, '£': { code: 'GBP', alike: [] }, '$': { code: 'USD', alike: DOLLARS },
  'us$': { code: 'USD', alike: [] }, 'ca$': { code: 'CAD', alike: [] }, 'c$': { code: 'CAD', alike: [] },
  'a$': { code: 'AUD', alike: [] }, 'au$': { code: 'AUD', alike: [] }, 'nz$': { code: 'NZD', alike: [] },
  'hk$': { code: 'HKD', alike: [] }, 's$': { code: 'SGD', alike: [] }, 'r$': { code: 'BRL', alike: [] },
  '¥': { code: 'JPY', alike: ['CNY'] }, '₹': { code: 'INR', alike: [] }, '₩': { code: 'KRW', alike: [] },
  '₺': { code: 'TRY', alike: [] }, '₪': { code: 'ILS', alike: [] }, '₱': { code: 'PHP', alike: [] },
  '₫': { code: 'VND', alike: [] }, '฿': { code: 'THB', alike: [] }, '₴': { code: 'UAH', alike: [] },
  '₽': { code: 'RUB', alike: [] }, 'zł': { code: 'PLN', alike: [] }, 'kč': { code: 'CZK', alike: [] },
};

export const AMOUNT_FORMS = '86.40, 12,50, 1234, €86.40, 1.234,50 €, $1,234.50, 86.40 EUR';

/** Whether a written currency (a symbol's or a code) agrees with a given code: `$` agrees with CAD, `€` not with USD. */
export function currencyAgrees(written: string, given: string): boolean {
  const symbol = Object.values(SYMBOLS).find((s) => s.code === written && s.alike.length > 0);
  return written === given || (symbol !== undefined && symbol.alike.includes(given));
}

/** The symbol or code around a number: `€86.40`, `86.40 €`, `EUR 86.40`, `-$5`; null when there is none. */
function splitCurrency(text: string): { number: string; currency: string | null } | null {
  const m = /^([-+]?)\s*([^\d\s.,+-]*)\s*([-+]?[\d.,'’\s\u00a0\u202f]*\d[\d.,'’\s\u00a0\u202f]*)\s*([^\d\s.,+-]*)$/u.exec(text);
  if (!m) return null;
  const [, sign, before, number, after] = m;
  if (before && after) return null;
  const mark = (before || after)!.toLowerCase();
  if (mark === '') return { number: `${sign}${number}`, currency: null };
  const code = SYMBOLS[mark]?.code ?? (/^[a-z]{3}$/.test(mark) ? mark.toUpperCase() : null);
  return code === null ? null : { number: `${sign}${number!.trim()}`, currency: code };
}

const GROUPED = (sep: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`);
const count = (text: string, c: string) => text.split(c).length - 1;

/**
 * The number with `.` as its decimal point; `ambiguous` for `1,234` (1234 to some, 1.234 to others) and, with a
 * currency or in a decimal-comma file, `1.234`; null when it is not a number. Spaces and apostrophes group
 * thousands (`1 234,50`, `1'234.50`), only in threes.
 */
function normalise(number: string, o: { decimalComma: boolean; currency: boolean }): string | 'ambiguous' | null {
  const sign = /^[-+]/.test(number) ? number[0]! : '';
  const groups = number.slice(sign.length).split(/[\s\u00a0\u202f'’]+/);
  if (groups.length > 1 && !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}(?:[.,]\d*)?$/.test(g)))) return null;
  const body = groups.join('');
  const [commas, dots] = [count(body, ','), count(body, '.')];
  if (commas === 0 && /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(body)) {
    const threeAfterDot = dots === 1 && GROUPED('.').test(body);
    return threeAfterDot && (o.currency || o.decimalComma) ? 'ambiguous' : `${sign}${body}`;
  }
  if (commas > 0 && dots > 0) {
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const at = body.lastIndexOf(decimal);
    const [whole, fraction] = [body.slice(0, at), body.slice(at + 1)];
    const group = decimal === ',' ? '.' : ',';
    if (count(body, decimal) > 1 || !GROUPED(group).test(whole) || !/^\d+$/.test(fraction)) return null;
    return `${sign}${whole.replaceAll(group, '')}.${fraction}`;
  }
  const sep = commas > 0 ? ',' : '.';
  if (count(body, sep) > 1) return GROUPED(sep).test(body) ? `${sign}${body.replaceAll(sep, '')}` : null;
  const [whole, fraction] = body.split(',') as [string, string];
  if (!/^\d+$/.test(whole) || !/^\d+$/.test(fraction)) return null;
  return GROUPED(',').test(body) && !o.decimalComma ? 'ambiguous' : `${sign}${whole}.${fraction}`;
}

/**
 * Reads an amount, or says why not (`is not an amount`, `is ambiguous`) for the caller to put in its message.
 * `decimalComma`: the text comes from a file whose numbers use the decimal comma (a `;` spreadsheet export), so
 * `1,234` there is 1.234.
 */
export function parseAmountText(text: string, decimalComma = false): Amount | 'ambiguous' | 'invalid' {
  const plain = PLAIN.exec(text.trim());
  // In a decimal-comma file `1.234` is more likely a thousand: that one goes through the checks below.
  if (plain && !(decimalComma && plain[0].includes('.'))) return inRange(Number(plain[0]), null);
  const split = splitCurrency(text.trim());
  if (!split) return 'invalid';
  const number = normalise(split.number, { decimalComma, currency: split.currency !== null });
  return number === 'ambiguous' ? number : inRange(number === null ? NaN : Number(number), split.currency);
}

/** What precrm has always read (`250`, `12.50`, `1e15`): a decimal point, no grouping, no currency. */
const PLAIN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

const inRange = (value: number, currency: string | null): Amount | 'invalid' =>
  (Number.isFinite(value) && Math.abs(value) <= 1e15 ? { value, currency } : 'invalid');

/** Sums money exactly enough: the sum rounded to 1e-9, so 0.1 + 0.2 is 0.3 (never 0.30000000000000004). */
export const addMoney = (a: number, b: number): number => Math.round((a + b) * 1e9) / 1e9;

/** An amount shared out (revenue per customer), to 6 decimals: what CSV shows, so JSON and CSV agree. */
export const moneyPer = (amount: number, count: number): number => Math.round((amount / count) * 1e6) / 1e6;
