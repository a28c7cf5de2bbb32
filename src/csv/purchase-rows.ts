// Purchase CSV import: the header spec (precrm's own export and, without --map, the order exports of Square,
// Shopify and WooCommerce) and row parsing. Rows of one order (Shopify and Square Items give a row per line item)
// are joined by the planner (purchase-plan.ts).
import type { Sale } from '../domain/purchases.js';
import type { HeaderSpec } from './headers.js';
import { RowReader, type RowContext, type RowResult } from './row-reader.js';

export const PURCHASE_HEADERS: HeaderSpec = {
  fields: ['prospect', 'email', 'phone', 'name', 'at', 'day', 'time', 'value', 'currency', 'product', 'order_id'],
  // Spellings in order of preference: a later one is read only when the earlier cells of the row are empty
  // (Shopify's `Paid at`, else `Created at`).
  aliases: {
    prospect: ['prospect id', 'prospect_id'],
    email: ['e-mail', 'email address', 'billing email', 'email (billing)', 'customer email'],
    phone: ['phone number', 'mobile', 'billing phone', 'phone (billing)', 'customer phone'],
    name: ['customer name', 'billing name', 'customer'],
    at: ['paid at', 'order date', 'date paid', 'created at', 'date created', 'purchased at', 'timestamp'],
    day: ['date'],
    time: [],
    value: ['total', 'order total', 'order total amount', 'total collected', 'gross sales', 'amount'],
    currency: ['order currency', 'currency code'],
    product: ['lineitem name', 'item name', 'item', 'product name', 'products', 'description'],
    order_id: ['order', 'order number', 'order id', 'order #', 'transaction id'],
  },
  customFields: false,
  known: ['id'],
};

const SHOPIFY_ORDER = /^#\d+$/;

/** A row as read: who bought (any of id, email, phone or name) and the sale (parts may be missing on a line-item row). */
export interface PurchaseRow {
  prospect: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  /** at and value are null on a further line item of an order (the order's first row gives them). */
  sale: Omit<Sale, 'at' | 'value'> & { at: string | null; value: number | null };
}

/** `defaultCurrency`: PRECRM_CURRENCY, for a file that gives no currency. */
export function purchaseRowParser(defaultCurrency: string | null) {
  return (values: ReadonlyMap<string, string>, ctx: RowContext): RowResult<PurchaseRow> => {
    // Square writes the day and the time in two columns.
    const joined = !values.has('at') && values.has('day') ? new Map([...values, ['at', `${values.get('day')}T${values.get('time') ?? '00:00'}`]]) : values;
    const r = new RowReader(joined, ctx);
    // Shopify heads its order number `Name` (`#1001`): a name of that form is the order, not the buyer.
    const name = values.get('name') ?? null;
    const shopifyOrder = name !== null && SHOPIFY_ORDER.test(name) && !values.has('order_id') ? name : null;
    const who = { prospect: values.get('prospect') ?? null, email: values.get('email') ?? null, phone: values.get('phone') ?? null, name: shopifyOrder ? null : name };
    const orderId = shopifyOrder ?? r.text('order_id');
    if (orderId === null && !who.prospect && !who.email && !who.phone && !who.name) r.reasons.push('has no buyer (give a prospect id, email, phone or name)');
    if (orderId === null && !joined.has('at')) r.reasons.push('has no date (at)');
    if (orderId === null && !values.has('value')) r.reasons.push('has no value');
    const at = r.date('at');
    if (at !== null && at > ctx.now.toISOString()) r.reasons.push(`at "${joined.get('at')}" is after now; a purchase is logged once it happened`);
    const amount = r.money('value');
    if (amount !== null && amount.value < 0) r.reasons.push(`value "${values.get('value')}" is negative (a refund is not a purchase)`);
    const given = r.text('currency')?.toUpperCase() ?? null;
    if (given !== null && !/^[A-Z]{3}$/.test(given)) r.reasons.push(`currency "${values.get('currency')}" is not a three-letter code`);
    const currency = given ?? amount?.currency ?? defaultCurrency;
    if (currency === null && amount !== null) r.reasons.push('has no currency (give a currency column, or set PRECRM_CURRENCY)');
    const sale = { at, value: amount?.value ?? null, currency, product: r.text('product'), orderId };
    return r.reasons.length ? { ok: false, reasons: r.reasons } : { ok: true, row: { ...who, sale } };
  };
}
