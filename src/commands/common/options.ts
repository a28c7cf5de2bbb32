// Parsers for option values shared by several commands; each turns text into a typed value or a usage error.
import { endOfLocalDay, parseSpanDays, parseWhen, startOfLocalDay, type Direction } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { AMOUNT_FORMS, parseAmountText, type Amount } from '../../domain/money.js';

/** commander accumulator for repeatable options (`--tag a --tag b`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseCount(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n <= 0) throw usageError(`${what} "${text}" is not a positive whole number`);
  return n;
}

/** `--value` as people write it (`€86.40`, `12,50`, `1.234,50 €`); an ambiguous `1,234` is refused, naming the forms. */
export function parseMoney(text: string, what: string): Amount {
  const amount = parseAmountText(text);
  if (amount === 'ambiguous') {
    const [whole, part] = /(\d+)[.,](\d+)/.exec(text)!.slice(1);
    throw usageError(`${what} "${text}" is ambiguous: ${whole}${part} or ${whole}.${part}? (write ${whole}${part} or ${whole}.${part}; forms: ${AMOUNT_FORMS})`);
  }
  if (amount === 'invalid') throw usageError(`${what} "${text}" is not a number (use ${AMOUNT_FORMS})`);
  return amount;
}

export function parseChoice<T extends string>(text: string, choices: readonly T[], what: string): T {
  const t = text.trim().toLowerCase();
  if ((choices as readonly string[]).includes(t)) return t as T;
  throw usageError(`unknown ${what} "${text}" (use one of: ${choices.join(', ')})`);
}

export const parseDateOption = (text: string, now: Date, direction: Direction, what: string): string =>
  parseWhen(text, now, direction, what).toISOString();

export { parseSpanDays };

/** `--since/--until` as whole local days: since from the start of its day, until to the end of its day (ISO, UTC). */
export function parseDayWindow(flags: { since?: string; until?: string }, now: Date): { since?: string; until?: string } {
  return {
    since: flags.since === undefined ? undefined : startOfLocalDay(parseWhen(flags.since, now, 'past', '--since date')).toISOString(),
    until: flags.until === undefined ? undefined : endOfLocalDay(parseWhen(flags.until, now, 'past', '--until date')).toISOString(),
  };
}
