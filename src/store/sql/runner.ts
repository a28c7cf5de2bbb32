// What the shared SQL layer needs of a database: run a statement with `?` placeholders and get raw rows or a
// change count, and the few spellings in which SQLite and PostgreSQL differ. Everything else in src/store/sql/ is
// written once for both.

/** A connection (or a transaction on one) that statements run on. */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** The rows a statement returns, each as an array of column values in SELECT order. */
  rows(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Runs a statement that returns nothing; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Many rows into a table, if the engine has a faster way than multi-row INSERTs (PostgreSQL's COPY). */
  copyRows?(table: string, columns: string, rows: Iterable<unknown[]>): Promise<void>;
}

type ListType = 'int' | 'text';

/** The spellings that differ between SQLite and PostgreSQL. */
export interface SqlDialect {
  /** `<expr> ${inList(t)}`: membership in a list given as one parameter (made by `list`). */
  inList(type: ListType): string;
  /** A list as one parameter for inList / listTable. */
  list(values: readonly unknown[]): unknown;
  /** A FROM item over a list parameter, as `j` with one column `value`. */
  listTable(type: ListType): string;
  /** The larger of two values: SQLite's two-argument max, PostgreSQL's greatest. */
  greatest: 'max' | 'greatest';
  /**
   * Empties a temporary table that is filled again (each batch of an import): PostgreSQL's DELETE would leave dead
   * rows that every later scan reads (nothing vacuums a temporary table), SQLite's DELETE without WHERE truncates.
   */
  empty: (table: string) => string;
  /** Gathers a filled temporary table's statistics, where the planner has none otherwise (PostgreSQL). */
  analyze?: (table: string) => string;
  /** Column types of a temporary table, as the store's own tables keep text (compared byte by byte) and instants. */
  text: 'TEXT' | 'TEXT COLLATE "C"';
  instant: 'TEXT' | 'timestamptz';
  /** An exact decimal amount (money.ts): its canonical text on SQLite, numeric on PostgreSQL. */
  money: 'TEXT' | 'numeric';
  /** A FROM item over (id, instant) pairs, as `j` with columns `id` and `at`, and its parameters. */
  pairTable(pairs: readonly (readonly [number, string])[]): { from: string; params: unknown[] };
}

export const SQLITE_DIALECT: SqlDialect = {
  inList: () => 'IN (SELECT value FROM json_each(?))',
  list: (values) => JSON.stringify(values),
  listTable: () => 'json_each(?) j',
  greatest: 'max',
  empty: (table) => `DELETE FROM ${table}`,
  text: 'TEXT',
  instant: 'TEXT',
  money: 'TEXT',
  pairTable: (pairs) => ({
    from: "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS at FROM json_each(?)) j",
    params: [JSON.stringify(pairs)],
  }),
};

/**
 * Many rows into a table inside the caller's transaction: one COPY where the engine has it, else one prepared INSERT
 * run per row (SQLite runs it in-process: cheaper than multi-row statements, which it would parse and bind anew).
 */
export async function loadRows(db: SqlRunner, table: string, columnList: string, rows: Iterable<unknown[]>): Promise<void> {
  if (db.copyRows) return db.copyRows(table, columnList, rows);
  const insert = `INSERT INTO ${table} (${columnList}) VALUES (${columnList.split(',').map(() => '?').join(', ')})`;
  for (const row of rows) await db.run(insert, row);
}
