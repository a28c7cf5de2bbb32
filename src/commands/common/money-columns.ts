// Money columns of the reports that had one money column before currencies were kept apart: with the report's
// money in one currency (or one picked with --currency) the column is as it always was (`revenue`, a number);
// with several, one column per currency (`revenue_EUR`, `revenue_INR`, by code) in tables, CSV, TSV and
// spreadsheets, and in JSON the same key holding an object keyed by currency. Never a sum across currencies.
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';

/** What one money column reads and how a table shows it. */
export interface MoneySpec<R> {
  key: string;
  get: (r: R) => Record<string, number | null>;
  label?: string;
  decimals?: number;
  priority?: number;
  /** The value when the report has no money at all (no currency seen): 0 for sums, null for ratios. */
  none: number | null;
}

/** The column(s) of one money figure for `currencies` (the report's, sorted) in `format`. */
export function moneyColumns<R>(spec: MoneySpec<R>, currencies: readonly string[], format: Format): Column<R>[] {
  const { key, get, none, decimals = 2, priority = 3 } = spec;
  if (currencies.length <= 1) {
    const only = currencies[0];
    return [{ key, label: spec.label, type: 'number', decimals, priority, get: (r) => (only === undefined ? none : get(r)[only] ?? none) }];
  }
  if (format === 'json') return [{ key, type: 'json', get }];
  return currencies.map((c) => ({ key: `${key}_${c}`, label: spec.label && `${spec.label}_${c}`, type: 'number', decimals, priority, get: (r) => get(r)[c] ?? none }));
}

/** The currencies of a report's rows: the keys of a money figure of its first row (every row carries them all). */
export function rowCurrencies<R>(rows: readonly R[], get: (r: R) => Record<string, unknown>): string[] {
  return rows.length === 0 ? [] : Object.keys(get(rows[0]!)).sort();
}
