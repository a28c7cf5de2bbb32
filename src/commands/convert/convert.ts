// `precrm convert <prospect>`: records the first purchase, moves to customer, and tells how long and how many touches it took.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { endOfLocalDay, parseWhen } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { convertProspect, type ConversionResult } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import type { Conversion } from '../../domain/types.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { parsePrice } from '../purchase/price.js';
import { text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { conversionFacts, conversionParts } from './conversion.js';

export interface ConvertFlags { value?: string; currency?: string; product?: string; at?: string }
export interface ConvertOptions { ref: string; sale: Conversion; format: Format }

export function register(parent: Command): Command {
  return parent.command('convert <prospect>').description('record the first purchase: the prospect becomes a customer')
    .option('--value <n>', 'what they paid: 250, 12.50, 12,50, €86.40, 1.234,50 € (a symbol or code sets the currency)')
    .option('--currency <code>', 'three-letter currency code (INR, EUR, USD …)')
    .option('--product <text>', 'what they bought')
    .option('--at <when>', 'when they bought (default now; 2026-06-10, yesterday, 3d …)')
    .addHelpText('after', examples(
      'precrm convert ravi --value 250 --currency INR --product "birthday cake"',
      'precrm convert 12 --value 38.50 --currency EUR --at yesterday --json',
    ));
}

export function parse([ref]: Args, flags: ConvertFlags, ctx: Pick<Context, 'clock' | 'term'>): ConvertOptions {
  const now = ctx.clock.now();
  const { value, currency } = parsePrice(flags);
  const at = flags.at === undefined ? now : parseWhen(flags.at, now, 'past', '--at date');
  if (at > endOfLocalDay(now)) throw usageError(`--at ${flags.at} is after today; a conversion records a purchase that happened`);
  const product = flags.product === undefined || flags.product.trim() === '' ? null : checkText('--product', flags.product.trim());
  // A time later today is taken as now: a purchase is never recorded ahead of the clock.
  const sale = { at: (at > now ? now : at).toISOString(), value, currency, product };
  return { ref: ref as string, sale, format: ctx.term.format };
}

/** Converts the prospect in one transaction; the result holds the buyer's new record and who was promoted. */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, sale }: ConvertOptions): Promise<ConversionResult> {
  const now = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const buyer = await findProspect(tx, ref);
    const converted = convertProspect(buyer, sale, now, await conversionFacts(tx, buyer, sale.at));
    await tx.update('prospect', converted.updated);
    return converted;
  });
}

/** The messages, then the id; under --format json the buyer's record with how long and how many touches it took. */
export function show(result: ConversionResult, { format }: ConvertOptions): Shown {
  const p = result.prospect;
  const out = format === 'json'
    ? `${JSON.stringify({ ...p, daysToConvert: result.calendarDaysToConvert, touchesBeforeConversion: result.touchesBeforeConversion }, null, 2)}\n`
    : `${p.id}\n`;
  return [...conversionParts(result), text(out)];
}

export const convert: Verb<ConvertFlags, ConvertOptions, ConversionResult> = { register, parse, run, show };
