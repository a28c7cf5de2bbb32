// `precrm purchase log`: a prospect's first purchase converts exactly as `convert` does (the domain's recordSale
// calls convertProspect); a later one is added beside it and leaves the stage alone. Prints the purchase's id.
import type { Context } from '../../context/context.js';
import { endOfLocalDay, parseWhen } from '../../domain/dates.js';
import { conflictError, usageError } from '../../domain/errors.js';
import { checkText } from '../../domain/prospect.js';
import { recordSale, type PurchaseStep, type Sale } from '../../domain/purchases.js';
import { label } from '../../domain/referrals.js';
import type { Purchase } from '../../domain/types.js';
import type { StoreTransaction } from '../../store/store.js';
import { parsePrice } from '../convert/convert.js';
import { printWritten } from '../common/io.js';
import { findProspect } from '../common/lookup.js';

export interface PurchaseFlags { value?: string; currency?: string; product?: string; at?: string; order?: string }

/** The currency of an amount: the one given or written, else PRECRM_CURRENCY; with neither, a usage error (money always has one). */
export function saleCurrency(given: string | null, env: Record<string, string | undefined>, option = '--currency'): string {
  if (given !== null) return given;
  const fallback = env.PRECRM_CURRENCY?.trim().toUpperCase();
  if (!fallback) throw usageError(`no currency for the amount: give ${option} (e.g. ${option} EUR) or set PRECRM_CURRENCY`);
  if (!/^[A-Z]{3}$/.test(fallback)) throw usageError(`PRECRM_CURRENCY "${env.PRECRM_CURRENCY}" is not a three-letter code (e.g. INR, EUR, USD)`);
  return fallback;
}

const optionalText = (option: string, text: string | undefined): string | null =>
  text === undefined || text.trim() === '' ? null : checkText(option, text.trim());

function parseSale(flags: PurchaseFlags, now: Date, env: Record<string, string | undefined>): Sale {
  if (flags.value === undefined) throw usageError('purchase log needs --value (what they paid, e.g. --value 250)');
  const price = parsePrice(flags);
  const currency = saleCurrency(price.currency, env);
  const at = flags.at === undefined ? now : parseWhen(flags.at, now, 'past', '--at date');
  if (at > endOfLocalDay(now)) throw usageError(`--at ${flags.at} is after today; log a purchase that happened`);
  return {
    at: (at > now ? now : at).toISOString(), value: price.value, currency,
    product: optionalText('--product', flags.product), orderId: optionalText('--order', flags.order),
  };
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

/** The purchase carrying this order id, if one was logged: a conflict (the same order twice). */
export async function refuseLoggedOrder(tx: StoreTransaction, orderId: string | null): Promise<void> {
  if (orderId === null) return;
  const [had] = await tx.purchasesWithOrders([orderId]);
  if (had) throw conflictError(`order "${orderId}" is logged already (purchase ${had.id}); a purchase is logged once`);
}

export async function logPurchaseRun(ctx: Context, ref: string, flags: PurchaseFlags): Promise<void> {
  const now = ctx.clock.now();
  const sale = parseSale(flags, now, ctx.clock.env);
  const store = await ctx.stores.open();
  const { purchase, step, count } = await store.transaction(async (tx) => {
    const buyer = await findProspect(tx, ref);
    await refuseLoggedOrder(tx, sale.orderId);
    const [referred, referrer, counts] = await Promise.all([
      tx.referralsOf(buyer.id),
      buyer.referredBy === null ? null : tx.getProspect(buyer.referredBy),
      tx.countTouchesUpTo([{ prospectId: buyer.id, at: sale.at }]),
    ]);
    const step = recordSale(buyer, sale, now.toISOString(), { hasReferred: referred.length > 0, referrer, touchesUpToSale: counts.get(buyer.id) ?? 0 });
    const purchase = await writeStep(tx, step, buyer.id);
    return { purchase, step, count: (await tx.purchasesOf([buyer.id])).length, buyer };
  });
  if (step.kind === 'converted') {
    const r = step.result;
    ctx.term.info(`${label(r.prospect)} is a customer: ${r.calendarDaysToConvert} day(s) after being added, ${r.touchesBeforeConversion} touch(es) before the purchase`);
    for (const a of r.promoted) ctx.term.info(`${label(a)} is now an advocate (a customer who referred someone)`);
  } else ctx.term.info(`purchase ${count} of prospect ${purchase.prospectId} recorded`);
  printWritten(ctx, [purchase]);
}
