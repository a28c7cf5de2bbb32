// `import purchases` as a kind of import: precrm's export or a shop's order export (Square, Shopify, WooCommerce),
// buyers by id, email, phone or name; a first purchase converts as `convert` does, an order already in is skipped.
import { noOrdersYet, planPurchases, type PurchasePlan } from '../../csv/purchase-plan.js';
import { PURCHASE_HEADERS, purchaseRowParser, type PurchaseRow } from '../../csv/purchase-rows.js';
import type { CountryCode } from '../../domain/phones.js';
import type { StoreTransaction } from '../../store/store.js';
import { emptyTally } from './counts.js';
import type { ImportOptions } from './flags.js';
import type { KindOf } from './importer.js';
import { purchaseSlice } from './slice.js';

export interface PurchaseImportOptions extends ImportOptions {
  /** The currency of an amount written without one (PRECRM_CURRENCY), or null. */
  currency: string | null;
  /** The shop's country (PRECRM_COUNTRY), for buyers' phone numbers written without one. */
  country: CountryCode | null;
}

export const purchaseKind = (o: PurchaseImportOptions): KindOf<PurchaseRow, PurchasePlan> => (now) => {
  // The orders earlier batches took, so an order's further rows in a later batch amend it.
  let sofar = noOrdersYet();
  return {
    read: { spec: PURCHASE_HEADERS, parse: purchaseRowParser(o.currency) },
    needs: [['prospect', 'email', 'phone', 'name'], ['at', 'day'], ['value']],
    planner: {
      start: async () => { sofar = noOrdersYet(); },
      slice: (reader, rows) => purchaseSlice(reader, rows.map((r) => r.row), o.country),
      plan: (doc, rows) => planPurchases(doc, rows, now, o.country, sofar),
      changes: (p) => p.created > 0 || p.amended.length > 0,
      apply: () => undefined,
      also: writePurchases,
      tally: (p) => ({ ...emptyTally(), created: p.created, skipped: p.skipped, rejected: p.rejected }),
    },
  };
};

/**
 * Writes a purchase plan: the converted prospects (their first purchases come with them), order ids, purchases an
 * earlier batch made with their order's further rows added, later purchases.
 */
async function writePurchases(tx: StoreTransaction, p: PurchasePlan): Promise<void> {
  if (p.prospects.size) await tx.update('prospect', [...p.prospects.values()]);
  if (p.amended.length) await tx.update('purchase', p.amended);
  const firsts = await tx.purchasesOf([...p.firstOrders.keys()]);
  for (const [prospectId, orderId] of p.firstOrders) {
    const first = firsts.find((u) => u.prospectId === prospectId)!;
    await tx.update('purchase', [{ ...first, orderId }]);
  }
  if (p.later.length === 0) return;
  let id = await tx.takeId('purchase', p.later.length);
  await tx.insert('purchase', p.later.map((u) => ({ id: id++, ...u })));
}
