// `precrm purchase log <prospect>`: a prospect's first purchase converts exactly as `convert` does (the domain's
// recordSale calls convertProspect); a later one is added beside it and leaves the stage alone. Prints the purchase's id.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { endOfLocalDay, parseWhen } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { checkText } from '../../domain/prospect.js';
import type { Sale } from '../../domain/purchases.js';
import { examples } from '../common/examples.js';
import { conversionParts } from '../convert/conversion.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parsePrice, saleCurrency } from './price.js';
import type { Logged } from './record.js';

export interface LogFlags { value?: string; currency?: string; product?: string; at?: string; order?: string }
export interface LogOptions { ref: string; sale: Sale }

export function register(parent: Command): Command {
  return parent.command('log <prospect>').description('record a purchase (a first purchase converts, as convert does)')
    .option('--value <n>', 'what they paid: 250, 12.50, €86.40 (a symbol or code sets the currency)')
    .option('--currency <code>', 'three-letter currency code (default PRECRM_CURRENCY)')
    .option('--product <text>', 'what they bought')
    .option('--at <when>', 'when they bought (default now; 2026-06-10, yesterday, 3d …)')
    .option('--order <id>', "the shop's order or receipt number (a second log of it is refused)")
    .addHelpText('after', examples(
      'precrm purchase log ravi --value 250 --currency INR --product "birthday cake"',
      'PRECRM_CURRENCY=EUR precrm purchase log 12 --value 38.50 --at yesterday --order 1042',
    ));
}

const optionalText = (option: string, text: string | undefined): string | null =>
  text === undefined || text.trim() === '' ? null : checkText(option, text.trim());

export function parse([ref]: Args, flags: LogFlags, ctx: Pick<Context, 'clock'>): LogOptions {
  if (flags.value === undefined) throw usageError('purchase log needs --value (what they paid, e.g. --value 250)');
  const now = ctx.clock.now();
  const price = parsePrice(flags);
  const currency = saleCurrency(price.currency, ctx.clock.env);
  const at = flags.at === undefined ? now : parseWhen(flags.at, now, 'past', '--at date');
  if (at > endOfLocalDay(now)) throw usageError(`--at ${flags.at} is after today; log a purchase that happened`);
  const sale: Sale = {
    at: (at > now ? now : at).toISOString(), value: price.value, currency,
    product: optionalText('--product', flags.product), orderId: optionalText('--order', flags.order),
  };
  return { ref: ref as string, sale };
}

/** Records the sale in one transaction: a conversion, the dating of an undated first purchase, or a later purchase. */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, sale }: LogOptions): Promise<Logged> {
  const now = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  // Loaded here, not at start-up: the purchase rules are needed only by the commands that record one.
  const { recordPurchase } = await import('./record.js');
  return recordPurchase(store, ref, sale, now);
}

/** A conversion tells who became a customer; any other purchase says which of the prospect's it is. Then the id. */
export function show({ purchase, step, count }: Logged): Shown {
  const told = step.kind === 'converted' ? conversionParts(step.result) : [info(`purchase ${count} of prospect ${purchase.prospectId} recorded`)];
  return [...told, written([purchase])];
}

export const log: Verb<LogFlags, LogOptions, Logged> = { register, parse, run, show };
