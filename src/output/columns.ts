// Column declarations shared by table, CSV, TSV and JSON output, so the formats cannot drift apart.

/**
 * `datetime` is an instant (ISO-8601 UTC in csv/tsv/json); `day` is a calendar day (a due date, a follow-up's day),
 * written as the local `YYYY-MM-DD` everywhere.
 */
export type ColumnType = 'string' | 'int' | 'number' | 'rate' | 'datetime' | 'day' | 'list' | 'bool' | 'json';

export interface Column<R = Record<string, unknown>> {
  /** The key in JSON output and the header in CSV. */
  key: string;
  type: ColumnType;
  /** Header in the terminal table (defaults to key). */
  label?: string;
  /** How to take the value from a record (defaults to record[key]). */
  get?: (record: R) => unknown;
  /** Renders a value for a terminal table only (e.g. a bar). */
  show?: (value: unknown, record: R) => string;
  /** Decimals for `number` columns in tables. */
  decimals?: number;
}

export function valueOf<R>(col: Column<R>, record: R): unknown {
  return col.get ? col.get(record) : (record as Record<string, unknown>)[col.key];
}
