// The writes of `purchase log`: what the domain's recordSale decides, stored in one transaction. Loaded when the verb
// runs (as import's purchases load it), so the purchase rules stay out of every command's start-up.
import { conflictError } from '../../domain/errors.js';
import { recordSale, type PurchaseStep, type Sale } from '../../domain/purchases.js';
import type { Purchase } from '../../domain/types.js';
import type { Store, StoreTransaction } from '../../store/store.js';
import { findProspect } from '../common/lookup.js';
import { conversionFacts } from '../convert/conversion.js';

/** The purchase as stored, what recordSale decided, and how many purchases the prospect has now. */
export interface Logged { purchase: Purchase; step: PurchaseStep; count: number }

/** Records the sale: a conversion, the dating of an undated first purchase, or a later purchase. */
export function recordPurchase(store: Store, ref: string, sale: Sale, now: string): Promise<Logged> {
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
