// `precrm purchase log <prospect>`: a prospect's first purchase converts exactly as `convert` does (the domain's
// recordSale calls convertProspect); a later one is added beside it and leaves the stage alone. Prints the purchase's id.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { endOfLocalDay, parseWhen } from '../../domain/dates.js';
import { conflictError, usageError } from '../../domain/errors.js';
import { checkText } from '../../domain/prospect.js';
import { recordSale, type PurchaseStep, type Sale } from '../../domain/purchases.js';
import type { Purchase } from '../../domain/types.js';
import type { StoreTransaction } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { conversionFacts, conversionParts } from '../convert/conversion.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parsePrice, saleCurrency } from './price.js';

export interface LogFlags { value?: string; currency?: string; product?: string; at?: string; order?: string }
export interface LogOptions { ref: string; sale: Sale }
/** The purchase as stored, what recordSale decided, and how many purchases the prospect has now. */
export interface Logged { purchase: Purchase; step: PurchaseStep; count: number }

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
  return store.transaction(async (tx) => {
    const buyer = await findProspect(tx, ref);
    await refuseLoggedOrder(tx, sale.orderId);
    const step = recordSale(buyer, sale, now, await conversionFacts(tx, buyer, sale.at));
    const purchase = await writeStep(tx, step, buyer.id);
    return { purchase, step, count: (await tx.purchasesOf([buyer.id])).length };
  });
}

/** The purchase carrying this order id, if one was logged: a conflict (the same order twice). */
async function refuseLoggedOrder(tx: StoreTransaction, orderId: string | null): Promise<void> {
  if (orderId === null) return;
  const [had] = await tx.purchasesWithOrders([orderId]);
  if (had) throw conflictError(`order "${orderId}" is logged already (purchase ${had.id}); a purchase is logged once`);
}

/** Writes what recordSale decided; returns the purchase as stored (a first purchase gets its id from the prospect's write). */
async function writeStep(tx: StoreTransaction, step: PurchaseStep, prospectId: number): Promise<Purchase> {
  if (step.kind === 'later') {
    const purchase = { id: await tx.takeId('purchase'), ...step.purchase };
    await tx.insert('purchase', [purchase]);
    return purchase;
  }
  await tx.update('prospect', step.kind === 'converted' ? step.result.updated : [step.prospect]);
  const [first] = await tx.purchasesOf([prospectId]);
  if (step.orderId === null) return first!;
  const withOrder = { ...first!, orderId: step.orderId };
  await tx.update('purchase', [withOrder]);
  return withOrder;
}

/** A conversion tells who became a customer; any other purchase says which of the prospect's it is. Then the id. */
export function show({ purchase, step, count }: Logged): Shown {
  const told = step.kind === 'converted' ? conversionParts(step.result) : [info(`purchase ${count} of prospect ${purchase.prospectId} recorded`)];
  return [...told, written([purchase])];
}

export const log: Verb<LogFlags, LogOptions, Logged> = { register, parse, run, show };
