// A purchase: who bought what, when, for how much. A prospect's first purchase is its conversion, which the
// prospect record carries as a group of the same fields (the JSON store keeps only that one for now).
import { ID, INSTANT, MONEY, TEXT, type Fields, type KindDecl } from './declare.js';

/** What a conversion records: the fields a purchase shares with it, in the same order. */
export const CONVERSION = {
  at: { column: 'at', value: INSTANT },
  value: { column: 'value', value: MONEY, nullable: true },
  currency: { column: 'currency', value: TEXT, nullable: true },
  product: { column: 'product', value: TEXT, nullable: true },
} as const satisfies Fields;

export const PURCHASE = {
  kind: 'purchase',
  table: 'purchases',
  fields: {
    id: { column: 'id', value: ID },
    prospectId: { column: 'prospect_id', value: ID, references: 'prospect' },
    ...CONVERSION,
    orderId: { column: 'order_id', value: TEXT, nullable: true },
  },
} as const satisfies KindDecl;
