// From a parsed table to typed rows: header matching, formula-guard stripping, per-row validation with line numbers.
// Generic over the record type, so prospects, touches and survey responses share it.
import { unguardCell } from './formula.js';
import { matchHeaders, rowValues, type HeaderMatch, type HeaderSpec, type ValueMaps } from './headers.js';
import type { RowContext, RowResult } from './row-reader.js';
import type { CsvTable } from './read.js';
import { cellCountProblem, type Rejection } from './report.js';

/** A cell as imported: the export's `'` guard removed, surrounding spaces trimmed. */
export const cleanCell = (cell: string): string => unguardCell(cell).trim();

/** A valid row: its physical line, its cells as read (for a rejects file), and its typed value. */
export interface ImportRow<T> { line: number; cells: readonly string[]; row: T }

export interface LoadedRows<T> {
  match: HeaderMatch;
  rows: ImportRow<T>[];
  rejected: Rejection[];
}

export type RowParser<T> = (values: ReadonlyMap<string, string>, ctx: RowContext) => RowResult<T>;

export interface LoadOptions {
  /** `--map "Header=field"`, normalised header → field (null: ignore the column). */
  overrides: ReadonlyMap<string, string | null>;
  /** `--map-value`, by column index. */
  values?: ValueMaps;
}

export function loadRows<T>(table: CsvTable, spec: HeaderSpec, opts: LoadOptions, parse: RowParser<T>, ctx: RowContext): LoadedRows<T> {
  const match = matchHeaders(table.header, spec, opts.overrides);
  const rows: ImportRow<T>[] = [];
  const rejected: Rejection[] = [];
  const first = new Map<string, string>();
  for (const i of match.order) if (!first.has(match.targets[i]!)) first.set(match.targets[i]!, table.header[i]!);
  const rowCtx: RowContext = { ...ctx, columnOf: (field) => first.get(field) };
  for (const rec of table.rows) {
    const countProblem = cellCountProblem(rec, table.header.length);
    const result = parse(rowValues(rec.cells, match, cleanCell, opts.values), rowCtx);
    if (result.ok && countProblem === null) rows.push({ line: rec.line, cells: rec.cells, row: result.row });
    else {
      const reasons = [...(countProblem ? [countProblem] : []), ...(result.ok ? [] : result.reasons)];
      rejected.push({ line: rec.line, cells: rec.cells, reason: reasons.join('; ') });
    }
  }
  return { match, rows, rejected };
}

/** Which of `needs` (alternatives per entry) no column provides, for a clear "map a column" error. */
export function missingColumns(match: HeaderMatch, needs: readonly (readonly string[])[]): string[] {
  const have = new Set(match.targets.filter((t): t is string => t !== null));
  return needs.filter((alts) => !alts.some((a) => have.has(a))).map((alts) => alts.join(' or '));
}
