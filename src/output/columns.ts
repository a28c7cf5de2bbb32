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
  /**
   * How readily a terminal table that is too wide for the window leaves this column out: higher numbers go
   * first; a column without one goes last. Pipes and files always get every column.
   */
  priority?: number;
  /**
   * The narrowest a terminal table may cut this column's cells to (with `…`). Text and list columns default to
   * 10; other types, and `WHOLE` columns (stages, phone numbers, dates), are never cut — they are left out instead.
   */
  minWidth?: number;
  /** Draws the cell at the width the table gives it (a bar that shrinks with the window); `minWidth`..`maxWidth`. */
  fill?: (value: unknown, record: R, width: number) => string;
  maxWidth?: number;
}

/** `minWidth` of a text column whose cells must never be cut (a stage name, a phone number). */
export const WHOLE = Number.POSITIVE_INFINITY;

export function valueOf<R>(col: Column<R>, record: R): unknown {
  return col.get ? col.get(record) : (record as Record<string, unknown>)[col.key];
}
