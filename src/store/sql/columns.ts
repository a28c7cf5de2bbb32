// A table's columns by name, for mapping rows to records and back without counting positions: the list for a
// SELECT or INSERT, and where each named column sits in a raw row (drivers return arrays: cheaper than objects).

export interface Columns<C extends string> {
  readonly names: readonly C[];
  /** The names joined for SQL, each prefixed with `alias.` when one is given. */
  readonly list: string;
  /** The position of each column in a row selected with `list`. */
  readonly at: Readonly<Record<C, number>>;
}

export function columns<C extends string>(names: readonly C[], alias?: string): Columns<C> {
  const at = Object.fromEntries(names.map((n, i) => [n, i])) as Record<C, number>;
  return { names, list: names.map((n) => (alias ? `${alias}.${n}` : n)).join(', '), at };
}

/** A row given by name, as values in the columns' order (for `?` placeholders). */
export const valuesOf = <C extends string>(cols: Columns<C>, row: Readonly<Record<C, unknown>>): unknown[] => cols.names.map((c) => row[c]);

/** `?, ?, …` for the columns. */
const placeholdersOf = (cols: Columns<string>): string => cols.names.map(() => '?').join(', ');

/** INSERT INTO table (columns) VALUES (?, …). */
export const insertSql = (table: string, cols: Columns<string>): string => `INSERT INTO ${table} (${cols.list}) VALUES (${placeholdersOf(cols)})`;

/** A JSON column's value: text on SQLite; a driver that parses JSON gives the value itself. */
export const jsonValue = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
