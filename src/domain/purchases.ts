// Every purchase, not only the first: a prospect's first purchase is its conversion (the same rules as `convert`,
// through convertProspect), later ones are added beside it and never change the stage.
import { conflictError, usageError } from './errors.js';
import { convertProspect, datePurchase, hasBought, refuseForgotten, type ConversionContext, type ConversionResult } from './lifecycle.js';
import { copyProspect } from './prospect.js';
import { label } from './referrals.js';
import type { Conversion, Prospect, Purchase } from './types.js';

/** A purchase as given (a command's flags, an import row), before it has an id. */
export interface Sale extends Conversion { orderId: string | null }

/** What recording a sale does: convert (first purchase), date a customer's unknown first purchase, or add a later one. */
export type PurchaseStep =
  | { kind: 'converted'; result: ConversionResult; orderId: string | null }
  | { kind: 'dated'; prospect: Prospect; orderId: string | null }
  | { kind: 'later'; purchase: Omit<Purchase, 'id'> };

export const conversionOf = (s: Sale): Conversion => ({ at: s.at, value: s.value, currency: s.currency, product: s.product });

/**
 * The one decision of `purchase log` and `import purchases`. A prospect without a conversion gets this sale as it
 * (convert's rules and refusals; a customer whose first purchase was never dated keeps its stage history); one with
 * a conversion gets a later purchase, which may not come before the first (that would make it the first).
 */
export function recordSale(buyer: Prospect, sale: Sale, now: string, known: ConversionContext): PurchaseStep {
  refuseForgotten(buyer, 'recording a purchase');
  if (sale.at > now) throw usageError(`the purchase date ${sale.at.slice(0, 10)} is in the future; log a purchase that happened`);
  if (buyer.conversion === null && !hasBought(buyer)) {
    return { kind: 'converted', result: convertProspect(buyer, conversionOf(sale), now, known), orderId: sale.orderId };
  }
  if (buyer.conversion === null) {
    const p = copyProspect(buyer);
    p.updatedAt = now;
    datePurchase(p, conversionOf(sale));
    return { kind: 'dated', prospect: p, orderId: sale.orderId };
  }
  if (sale.at < buyer.conversion.at) {
    throw conflictError(`${label(buyer)} first bought on ${buyer.conversion.at.slice(0, 10)}; a purchase before that would be the first (check --at)`);
  }
  return { kind: 'later', purchase: { prospectId: buyer.id, ...conversionOf(sale), orderId: sale.orderId } };
}

/** Whether a purchase repeats a sale already recorded: the same order id, or without one the same prospect, time and value. */
export function sameSale(u: Pick<Purchase, 'prospectId' | 'at' | 'value' | 'orderId'>, prospectId: number, sale: Sale): boolean {
  if (sale.orderId !== null) return u.orderId === sale.orderId;
  return u.prospectId === prospectId && u.at === sale.at && u.value === sale.value;
}
