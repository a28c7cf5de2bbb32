// A tally: a count of anonymous touches no prospect can hold ("greeted 40 passers-by", "60 samples at the
// market"), when, by whom, and what it cost. It belongs to no prospect.
import { ID, INSTANT, MONEY, TEXT, type KindDecl } from './declare.js';
import { TOUCH_TYPES } from './touch.js';

export const TALLY = {
  kind: 'tally',
  table: 'tallies',
  fields: {
    id: { column: 'id', value: ID },
    type: { column: 'type', value: { kind: 'enum', values: TOUCH_TYPES } },
    count: { column: 'count', value: { kind: 'integer', min: 1 } },
    at: { column: 'at', value: INSTANT },
    note: { column: 'note', value: TEXT, nullable: true },
    // `by` is a reserved word in SQL.
    by: { column: 'logged_by', value: TEXT, nullable: true },
    cost: { column: 'cost', value: MONEY, nullable: true },
    currency: { column: 'currency', value: TEXT, nullable: true },
  },
} as const satisfies KindDecl;
