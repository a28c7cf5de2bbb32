// Which purchase rows become purchases: an order's rows joined into one purchase, each buyer found by id, email,
// phone or name, every sale recorded through the domain's recordSale (a first purchase converts as `convert` does),
// and a sale already in the store (same order id; without one, same prospect, time and value) skipped.
import { PrecrmError } from '../domain/errors.js';
import { sameName } from '../domain/references.js';
import { lookupKeys, type CountryCode } from '../domain/phones.js';
import { copyProspect } from '../domain/prospect.js';
import { conversionOf, recordSale, sameSale, type Sale } from '../domain/purchases.js';
import type { Prospect, Purchase, StoreDoc } from '../domain/types.js';
import type { ImportRow } from './load.js';
import { ProspectIndex } from './prospect-index.js';
import type { PurchaseRow } from './purchase-rows.js';
import type { Rejection } from './report.js';

export interface PurchasePlan {
  /** Prospects converted (or given their first purchase's date), and referrers made advocates, by id. */
  prospects: Map<number, Prospect>;
  /** The order id of each first purchase made by this plan, by prospect id. */
  firstOrders: Map<number, string>;
  later: Omit<Purchase, 'id'>[];
  /** Purchases an earlier batch of this import made, with the further rows of their order added. */
  amended: Purchase[];
  created: number;
  skipped: number;
  rejected: Rejection[];
}

/** Adds decimals exactly: in units of the finer one's last digit, never as binary fractions (0.1 + 0.2 is 0.3). */
function addAmounts(a: number, b: number): number {
  const places = (n: number) => (String(n).split('.')[1] ?? '').length;
  const scale = 10 ** Math.max(places(a), places(b));
  return (Math.round(a * scale) + Math.round(b * scale)) / scale;
}

type Order = ImportRow<PurchaseRow>;

/**
 * The orders of an import so far, so the rows of an order that a large file's batches split are still one
 * purchase: those made (as a first purchase or a later one), and those skipped or rejected, by order id.
 */
interface OrdersSoFar { made: Map<string, 'first' | 'later'>; passed: Set<string> }

export const noOrdersYet = (): OrdersSoFar => ({ made: new Map(), passed: new Set() });

/** Adds an order's further rows to the sale recorded for it (as joinOrders joins the rows of one batch). */
function addRows(into: { value: number | null; currency: string | null; product: string | null }, s: PurchaseRow['sale']): void {
  into.currency ??= s.currency;
  if (s.value !== null) into.value = into.value === null ? s.value : addAmounts(into.value, s.value);
  if (s.product !== null && !(into.product ?? '').split('; ').includes(s.product)) into.product = into.product === null ? s.product : `${into.product}; ${s.product}`;
}

/** The rows of each order as one (the first row's buyer and date; values added up, products listed), in file order. */
function joinOrders(rows: readonly Order[]): Order[] {
  const byOrder = new Map<string, Order>();
  const out: Order[] = [];
  for (const r of rows) {
    const id = r.row.sale.orderId;
    const had = id === null ? undefined : byOrder.get(id);
    if (!had) {
      const copy = { ...r, row: { ...r.row, sale: { ...r.row.sale } } };
      if (id !== null) byOrder.set(id, copy);
      out.push(copy);
      continue;
    }
    const [into, s] = [had.row, r.row.sale];
    for (const k of ['prospect', 'email', 'phone', 'name'] as const) into[k] ??= r.row[k];
    into.sale.at ??= s.at;
    addRows(into.sale, s);
  }
  return out;
}

/** Finds a row's buyer: the id, else the email or phone, else a name only one prospect has. */
function finder(doc: StoreDoc, country: CountryCode | null) {
  const byId = new Map(doc.prospects.map((p) => [p.id, p]));
  const index = new ProspectIndex(doc.prospects);
  return (r: PurchaseRow): Prospect | undefined => {
    if (r.prospect !== null && /^\d+$/.test(r.prospect)) return byId.get(Number(r.prospect));
    const hit = r.email !== null || r.phone !== null ? index.find(lookupKeys({ email: r.email, phone: r.phone, name: null }, country)) : undefined;
    if (hit || r.name === null) return hit;
    const named = doc.prospects.filter((p) => sameName(p, r.name!));
    return named.length === 1 ? named[0] : undefined;
  };
}

const whoOf = (r: PurchaseRow) => r.email ?? r.phone ?? r.prospect ?? r.name ?? '';

/**
 * The further rows of an order an earlier batch of this import took: added to the purchase it made (and to the
 * conversion, when that was the buyer's first), or passed over as that order was. False for an order not seen yet.
 */
function continueOrder(plan: PurchasePlan, doc: StoreDoc, sofar: OrdersSoFar, sale: PurchaseRow['sale']): boolean {
  const id = sale.orderId;
  if (id === null) return false;
  if (sofar.passed.has(id)) return true;
  const made = sofar.made.get(id);
  if (made === undefined) return false;
  const had = plan.amended.find((u) => u.orderId === id) ?? doc.purchases.find((u) => u.orderId === id);
  if (!had) throw new Error(`planPurchases: order ${id} was made by this import but its purchase is not in the slice`);
  const u = { ...had };
  addRows(u, sale);
  plan.amended = [...plan.amended.filter((x) => x.id !== u.id), u];
  const buyer = plan.prospects.get(u.prospectId) ?? doc.prospects.find((p) => p.id === u.prospectId);
  if (made === 'first' && buyer) {
    const p = copyProspect(buyer);
    p.conversion = conversionOf(u);
    plan.prospects.set(p.id, p);
  }
  return true;
}

/** `sofar`: the orders earlier batches of the same import took (it learns this batch's). */
export function planPurchases(doc: StoreDoc, rows: readonly Order[], now: string, country: CountryCode | null, sofar: OrdersSoFar = noOrdersYet()): PurchasePlan {
  const plan: PurchasePlan = { prospects: new Map(), firstOrders: new Map(), later: [], amended: [], created: 0, skipped: 0, rejected: [] };
  const find = finder(doc, country);
  const known: Pick<Purchase, 'prospectId' | 'at' | 'value' | 'orderId'>[] = [...doc.purchases];
  // Oldest first, so a buyer's earliest purchase in the file is the one that converts.
  const orders = joinOrders(rows).sort((a, b) => ((a.row.sale.at ?? '') < (b.row.sale.at ?? '') ? -1 : (a.row.sale.at ?? '') > (b.row.sale.at ?? '') ? 1 : a.line - b.line));
  for (const { line, cells, row } of orders) {
    if (continueOrder(plan, doc, sofar, row.sale)) continue;
    const pass = () => row.sale.orderId !== null && sofar.passed.add(row.sale.orderId);
    const reject = (reason: string) => { plan.rejected.push({ line, cells, reason }); pass(); };
    const { at, value } = row.sale;
    if (at === null || value === null) { reject(`order "${row.sale.orderId}" has no ${at === null ? 'date' : 'value'} on any of its rows`); continue; }
    const sale: Sale = { ...row.sale, at, value };
    const found = find(row);
    if (!found) { reject(`"${whoOf(row)}" matches no prospect (import or add the prospect first)`); continue; }
    const buyer = plan.prospects.get(found.id) ?? found;
    if (known.some((u) => sameSale(u, buyer.id, sale))) { plan.skipped++; pass(); continue; }
    try {
      const referrer = buyer.referredBy === null ? null : plan.prospects.get(buyer.referredBy) ?? doc.prospects.find((p) => p.id === buyer.referredBy) ?? null;
      const step = recordSale(buyer, sale, now, { hasReferred: doc.prospects.some((p) => p.referredBy === buyer.id), referrer, touchesUpToSale: 0 });
      if (step.kind === 'later') plan.later.push(step.purchase);
      else {
        for (const p of step.kind === 'converted' ? step.result.updated : [step.prospect]) plan.prospects.set(p.id, p);
        if (step.orderId !== null) plan.firstOrders.set(buyer.id, step.orderId);
      }
    } catch (err) {
      if (!(err instanceof PrecrmError)) throw err;
      reject(err.message);
      continue;
    }
    known.push({ prospectId: buyer.id, at: sale.at, value: sale.value, orderId: sale.orderId });
    if (sale.orderId !== null) sofar.made.set(sale.orderId, buyer.conversion === null ? 'first' : 'later');
    plan.created++;
  }
  return plan;
}
