// Purchases on any SQL backend: read by a WHERE clause in time order (the index purchases_prospect), written as
// rows by column name. A prospect's first purchase is also written with the prospect (prospects.ts writeConversion).
import { toMs } from '../../domain/reports/instants.js';
import type { Purchase } from '../../domain/types.js';
import { insertSql, valuesOf } from './columns.js';
import { decimalText, decimalValue } from './money.js';
import { PURCHASE_ROW } from './prospect-rows.js';
import type { SqlRunner } from './runner.js';

/** A Purchase from a raw row selected with PURCHASE_ROW; keys in the declaration's order. */
export function purchaseFromRow(r: readonly unknown[]): Purchase {
  const at = PURCHASE_ROW.at;
  return {
    id: Number(r[at.id]),
    prospectId: Number(r[at.prospect_id]),
    at: r[at.at] as string,
    value: decimalValue(r[at.value]),
    currency: r[at.currency] as string | null,
    product: r[at.product] as string | null,
    orderId: r[at.order_id] as string | null,
  };
}

const rowValues = (u: Purchase): unknown[] => valuesOf(PURCHASE_ROW, {
  id: u.id, prospect_id: u.prospectId, at: u.at, at_ms: toMs(u.at), value: u.value === null ? null : decimalText(u.value),
  currency: u.currency, product: u.product, order_id: u.orderId,
});

/** The purchases a WHERE clause on `purchases` (aliased u) selects, by time then id. */
export async function purchasesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Purchase[]> {
  const list = PURCHASE_ROW.names.map((c) => `u.${c}`).join(', ');
  return (await db.rows(`SELECT ${list} FROM purchases u WHERE ${where} ORDER BY u.at, u.id`, params)).map(purchaseFromRow);
}

const INSERT_PURCHASE = insertSql('purchases', PURCHASE_ROW);
const UPDATE_PURCHASE = `UPDATE purchases SET ${PURCHASE_ROW.names.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

export const insertPurchase = async (db: SqlRunner, u: Purchase): Promise<void> => {
  await db.run(INSERT_PURCHASE, rowValues(u));
};

export const updatePurchase = async (db: SqlRunner, u: Purchase): Promise<number> => {
  const [id, ...rest] = rowValues(u);
  return db.run(UPDATE_PURCHASE, [...rest, id]);
};

export const deletePurchase = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM purchases WHERE id = ?', [id]);
};
