// Parsers for option values shared by several commands; each turns text into a typed value or a usage error.
import { endOfLocalDay, parseSpanDays, parseWhen, startOfLocalDay, type Direction } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';

/** commander accumulator for repeatable options (`--tag a --tag b`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseCount(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n <= 0) throw usageError(`${what} "${text}" is not a positive whole number`);
  return n;
}

export function parseAmount(text: string, what: string): number {
  const n = Number(text.trim());
  // Decimal notation only, as the CSV import reads it: Number() would also take "0x10" (16) and "0b1".
  const decimal = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim());
  if (!decimal || !Number.isFinite(n) || Math.abs(n) > 1e15) throw usageError(`${what} "${text}" is not a number`);
  return n;
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
