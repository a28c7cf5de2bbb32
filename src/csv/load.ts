// From CSV records to typed rows: header matching, formula-guard stripping, per-row validation with line numbers.
// Generic over the record type, so prospects, touches and survey responses share it; fed a batch at a time, so a
// file of any size is checked without holding it.
import { dataError } from '../domain/errors.js';
import { unguardCell } from './formula.js';
import { matchHeaders, rowValues, saysUtc, type HeaderMatch, type HeaderSpec, type ValueMaps } from './headers.js';
import type { RowContext, RowResult } from './row-reader.js';
import type { CsvRecord } from './record.js';
import { cellCountProblem, type Rejection } from './report.js';

/** A cell as imported: the export's `'` guard removed, surrounding spaces trimmed. */
const cleanCell = (cell: string): string => unguardCell(cell).trim();

/** A valid row: its physical line, its cells as read (for a rejects file), and its typed value. */
export interface ImportRow<T> { line: number; cells: readonly string[]; row: T }

interface LoadedRows<T> {
  rows: ImportRow<T>[];
  rejected: Rejection[];
}

export type RowParser<T> = (values: ReadonlyMap<string, string>, ctx: RowContext) => RowResult<T>;

interface LoadOptions {
  /** `--map "Header=field"`, normalised header → field (null: ignore the column). */
  overrides: ReadonlyMap<string, string | null>;
  /** `--map-value`, by column index. */
  values?: ValueMaps;
}

/**
 * PostgreSQL cannot store U+0000 in text, and a C library reading a SQLite or JSON value stops at it: a NUL byte is
 * refused at the boundary, on every backend alike, naming the column it is in.
 */
function nulProblem(cells: readonly string[], header: readonly string[]): string | null {
  const i = cells.findIndex((c) => c.includes('\0'));
  if (i === -1) return null;
  const column = header[i] === undefined ? `column ${i + 1}` : `column "${header[i]}"`;
  return `${column} holds a NUL byte (\\0), which is not text; remove it (a file saved as UTF-16 or binary data?)`;
}

/** Checks rows against one header: `load` sorts a batch of records into valid rows and rejections. */
export class RowLoader<T> {
  readonly match: HeaderMatch;
  private readonly rowCtx: RowContext;

  constructor(private readonly header: readonly string[], spec: HeaderSpec, private readonly opts: LoadOptions,
    private readonly parse: RowParser<T>, ctx: RowContext) {
    const nul = header.findIndex((h) => h.includes('\0'));
    if (nul !== -1) throw dataError(`the header's column ${nul + 1} holds a NUL byte (\\0), which is not text; nothing was written (is the file UTF-16 or binary data?)`);
    this.match = matchHeaders(header, spec, opts.overrides);
    const first = new Map<string, string>();
    for (const i of this.match.order) if (!first.has(this.match.targets[i]!)) first.set(this.match.targets[i]!, header[i]!);
    const utcFields = new Set([...first].filter(([, h]) => saysUtc(h)).map(([field]) => field));
    this.rowCtx = { ...ctx, columnOf: (field) => first.get(field), utcFields };
  }

  load(records: readonly CsvRecord[]): LoadedRows<T> {
    const rows: ImportRow<T>[] = [];
    const rejected: Rejection[] = [];
    for (const rec of records) {
      const nul = nulProblem(rec.cells, this.header);
      if (nul !== null) {
        rejected.push({ line: rec.line, cells: rec.cells, reason: nul });
        continue;
      }
      const countProblem = cellCountProblem(rec, this.header.length);
      const result = this.parse(rowValues(rec.cells, this.match, cleanCell, this.opts.values), this.rowCtx);
      if (result.ok && countProblem === null) rows.push({ line: rec.line, cells: rec.cells, row: result.row });
      else {
        const reasons = [...(countProblem ? [countProblem] : []), ...(result.ok ? [] : result.reasons)];
        rejected.push({ line: rec.line, cells: rec.cells, reason: reasons.join('; ') });
      }
    }
    return { rows, rejected };
  }
}

/** Which of `needs` (alternatives per entry) no column provides, for a clear "map a column" error. */
export function missingColumns(match: HeaderMatch, needs: readonly (readonly string[])[]): string[] {
  const have = new Set(match.targets.filter((t): t is string => t !== null));
  return needs.filter((alts) => !alts.some((a) => have.has(a))).map((alts) => alts.join(' or '));
}
