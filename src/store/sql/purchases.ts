// Purchases on any SQL backend: read by a WHERE clause in time order (the index purchases_prospect), written as
// rows by column name (from the declaration, with the instant's milliseconds beside it). A prospect's first
// purchase is also written with the prospect (prospects.ts writeConversion).
import { PURCHASE } from '../../domain/records/purchase.js';
import { toMs } from '../../domain/reports/instants.js';
import type { Conversion, Purchase } from '../../domain/types.js';
import { kindTable } from './kind-table.js';
import type { SqlRunner } from './runner.js';

export const PURCHASES = kindTable(PURCHASE, { alias: 'u', derived: { at_ms: (u) => toMs(u.at) } });

/** The purchase a conversion is: a prospect's first purchase, with no order id. */
export const purchaseOf = (id: number, prospectId: number, c: Conversion): Purchase => ({ id, prospectId, ...c, orderId: null });

/** The purchases a WHERE clause on `purchases` (aliased u) selects, by time then id. */
export async function purchasesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Purchase[]> {
  return (await db.rows(`SELECT ${PURCHASES.read.list} FROM purchases u WHERE ${where} ORDER BY u.at, u.id`, params)).map((r) => PURCHASES.fromRow(r, {}));
}

export const insertPurchase = async (db: SqlRunner, u: Purchase): Promise<void> => {
  await db.run(PURCHASES.insert, PURCHASES.values(u, undefined));
};

export const updatePurchase = (db: SqlRunner, u: Purchase): Promise<number> => db.run(PURCHASES.update, PURCHASES.updateValues(u, undefined));

export const deletePurchase = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM purchases WHERE id = ?', [id]);
};
