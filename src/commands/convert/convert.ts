// `precrm convert`: records the first purchase, moves to customer, and tells how long and how many touches it took.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { endOfLocalDay, parseWhen } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { convertProspect } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import { findProspect } from '../common/lookup.js';
import { label } from '../../domain/referrals.js';
import type { Conversion } from '../../domain/types.js';
import { parseMoney } from '../common/options.js';
import { currencyAgrees } from '../../domain/money.js';
import { examples } from '../common/examples.js';

interface ConvertFlags { value?: string; currency?: string; product?: string; at?: string }

export function registerConvert(program: Command, ctx: Context): void {
  program.command('convert <prospect>').description('record the first purchase: the prospect becomes a customer')
    .option('--value <n>', 'what they paid: 250, 12.50, 12,50, €86.40, 1.234,50 € (a symbol or code sets the currency)')
    .option('--currency <code>', 'three-letter currency code (INR, EUR, USD …)')
    .option('--product <text>', 'what they bought')
    .option('--at <when>', 'when they bought (default now; 2026-06-10, yesterday, 3d …)')
    .addHelpText('after', examples(
      'precrm convert ravi --value 250 --currency INR --product "birthday cake"',
      'precrm convert 12 --value 38.50 --currency EUR --at yesterday --json',
    ))
    .action((ref: string, flags: ConvertFlags) => convertRun(ctx, ref, flags));
}

/** The amount and its currency: `--currency`, else the one `--value` is written in (`€86.40`); the two must agree. */
export function parsePrice(flags: ConvertFlags): { value: number | null; currency: string | null } {
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

function parseSale(flags: ConvertFlags, now: Date): Conversion {
  const { value, currency } = parsePrice(flags);
  const at = flags.at === undefined ? now : parseWhen(flags.at, now, 'past', '--at date');
  if (at > endOfLocalDay(now)) throw usageError(`--at ${flags.at} is after today; a conversion records a purchase that happened`);
  const product = flags.product === undefined || flags.product.trim() === '' ? null : checkText('--product', flags.product.trim());
  return { at: (at > now ? now : at).toISOString(), value, currency, product };
}

export async function convertRun(ctx: Context, ref: string, flags: ConvertFlags): Promise<void> {
  const now = ctx.clock.now();
  const sale = parseSale(flags, now);
  const store = await ctx.stores.open();
  const result = await store.transaction(async (tx) => {
    const buyer = await findProspect(tx, ref);
    const [referred, referrer, counts] = await Promise.all([
      tx.referralsOf(buyer.id),
      buyer.referredBy === null ? null : tx.getProspect(buyer.referredBy),
      tx.countTouchesUpTo([{ prospectId: buyer.id, at: sale.at }]),
    ]);
    const converted = convertProspect(buyer, sale, now.toISOString(), { hasReferred: referred.length > 0, referrer, touchesUpToSale: counts.get(buyer.id) ?? 0 });
    await tx.update('prospect', converted.updated);
    return converted;
  });
  const p = result.prospect;
  ctx.term.info(`${label(p)} is a customer: ${result.calendarDaysToConvert} day(s) after being added, ${result.touchesBeforeConversion} touch(es) before the purchase`);
  for (const a of result.promoted) ctx.term.info(`${label(a)} is now an advocate (a customer who referred someone)`);
  if (ctx.term.format === 'json') {
    ctx.term.out(`${JSON.stringify({ ...p, daysToConvert: result.calendarDaysToConvert, touchesBeforeConversion: result.touchesBeforeConversion }, null, 2)}\n`);
  } else ctx.term.out(`${p.id}\n`);
}
