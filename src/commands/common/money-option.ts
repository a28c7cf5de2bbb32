// A money option with its currency (`--cost 60`, `--cost €12.50`): the currency is `--currency`, else the one
// the amount is written in, else PRECRM_CURRENCY; an amount in no currency is refused, as amounts in different
// currencies are never added up.
import { usageError } from '../../domain/errors.js';
import { currencyAgrees } from '../../domain/money.js';
import { parseMoney } from './options.js';

const CODE = /^[A-Z]{3}$/;

/** A three-letter code from a flag or the environment, upper-cased; `what` names where it came from. */
export function currencyCode(text: string, what: string): string {
  const code = text.trim().toUpperCase();
  if (!CODE.test(code)) throw usageError(`${what} "${text}" is not a three-letter currency code (e.g. INR, EUR, USD)`);
  return code;
}

/** `flag` as an amount of zero or more with its currency (see the module comment). */
export function parseMoneyOption(flag: string, text: string, currency: string | undefined, env: Record<string, string | undefined>): { value: number; currency: string } {
  const amount = parseMoney(text, flag);
  if (amount.value < 0) throw usageError(`${flag} ${text} is negative; give what it cost, zero or more`);
  const given = currency === undefined ? null : currencyCode(currency, '--currency');
  const written = amount.currency;
  if (given !== null && written !== null && !currencyAgrees(written, given)) {
    throw usageError(`${flag} "${text}" is in ${written} but --currency is ${given} (give one currency)`);
  }
  const fromEnv = env.PRECRM_CURRENCY ? currencyCode(env.PRECRM_CURRENCY, 'PRECRM_CURRENCY') : null;
  const code = given ?? written ?? fromEnv;
  if (code === null) throw usageError(`${flag} ${text} needs a currency: add --currency (e.g. --currency INR), write it in the amount (€12.50), or set PRECRM_CURRENCY`);
  return { value: amount.value, currency: code };
}
