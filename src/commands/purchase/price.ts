// What a purchase was worth, from the flags of `convert` and `purchase log` (and import's currency fallback).
import { usageError } from '../../domain/errors.js';
import { currencyAgrees } from '../../domain/money.js';
import { parseMoney } from '../common/options.js';

export interface PriceFlags { value?: string; currency?: string }

/** The amount and its currency: `--currency`, else the one `--value` is written in (`€86.40`); the two must agree. */
export function parsePrice(flags: PriceFlags): { value: number | null; currency: string | null } {
  const amount = flags.value === undefined ? null : parseMoney(flags.value, '--value');
  if (amount !== null && amount.value < 0) throw usageError(`--value ${flags.value} is negative; a purchase is worth zero or more`);
  const given = flags.currency === undefined ? null : flags.currency.trim().toUpperCase();
  if (given !== null && !/^[A-Z]{3}$/.test(given)) throw usageError(`--currency "${flags.currency}" is not a three-letter code (e.g. INR, EUR, USD)`);
  const written = amount?.currency ?? null;
  if (given !== null && written !== null && !currencyAgrees(written, given)) {
    throw usageError(`--value "${flags.value}" is in ${written} but --currency is ${given} (give one currency)`);
  }
  return { value: amount?.value ?? null, currency: given ?? written };
}

/** The currency of an amount: the one given or written, else PRECRM_CURRENCY; with neither, a usage error (money always has one). */
export function saleCurrency(given: string | null, env: Record<string, string | undefined>): string {
  if (given !== null) return given;
  const fallback = env.PRECRM_CURRENCY?.trim().toUpperCase();
  if (!fallback) throw usageError('no currency for the amount: give --currency (e.g. --currency EUR) or set PRECRM_CURRENCY');
  if (!/^[A-Z]{3}$/.test(fallback)) throw usageError(`PRECRM_CURRENCY "${env.PRECRM_CURRENCY}" is not a three-letter code (e.g. INR, EUR, USD)`);
  return fallback;
}
