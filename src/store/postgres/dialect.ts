// The few spellings PostgreSQL needs where SQLite's differ (store/sql/runner.ts SqlDialect): lists as array
// parameters, and instants compared as timestamptz, never as text.
import type { SqlDialect } from '../sql/runner.js';

export const POSTGRES_DIALECT: SqlDialect = {
  inList: (type) => `= ANY(?::${type === 'int' ? 'bigint' : 'text'}[])`,
  list: (values) => values,
  listTable: (type) => `unnest(?::${type === 'int' ? 'bigint' : 'text'}[]) AS j(value)`,
  greatest: 'greatest',
  empty: (table) => `TRUNCATE ${table}`,
  text: 'TEXT COLLATE "C"',
  instant: 'timestamptz',
  money: 'numeric',
  // The pairs' second halves are instants: compared with timestamptz columns as instants.
  pairTable: (pairs) => ({ from: 'unnest(?::bigint[], ?::timestamptz[]) AS j(id, at)', params: [pairs.map((p) => p[0]), pairs.map((p) => p[1])] }),
};
