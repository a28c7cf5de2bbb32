// What an import says about its rows: `line N: reason` problems, the exit-65 error, and the rejects file
// (the original columns plus a `reason` column, guarded like every CSV precrm writes).
import { dataError, type PrecrmError } from '../domain/errors.js';
import { guardCell, unguardCell } from './formula.js';
import type { CsvRecord } from './record.js';

export interface Rejection {
  line: number;
  reason: string;
  /** The row as read, so it can be written to the rejects file. */
  cells: readonly string[];
}

/** What became (or would become) of one input row; `id` is the prospect it created or matched. */
export interface RowOutcome {
  line: number;
  action: 'created' | 'merged' | 'skipped' | 'suppressed' | 'rejected';
  id: number | null;
  reason: string | null;
}

export const problemLine = (r: Pick<Rejection, 'line' | 'reason'>): string => `line ${r.line}: ${r.reason}`;

/** Sorted by line, so the listing reads like the file. */
export const byLine = (rs: readonly Rejection[]): Rejection[] => [...rs].sort((a, b) => a.line - b.line);

export function invalidRowsError(rejections: readonly Rejection[], rowCount: number): PrecrmError {
  const n = rejections.length;
  return dataError(
    `${n} of ${rowCount} row(s) are invalid; nothing was written (fix them, or rerun with --skip-invalid [--rejects FILE])`,
    byLine(rejections).map(problemLine),
  );
}

/** A row whose cell count does not fit the header loses data silently if imported: refuse it. */
export function cellCountProblem(record: CsvRecord, headerLength: number): string | null {
  const extra = record.cells.slice(headerLength).filter((c) => c.trim() !== '').length;
  return extra > 0 ? `has ${record.cells.length} cells but the header has ${headerLength} (a missing quote or delimiter?)` : null;
}

/** The rejects file: rejected rows with the input's header plus `reason` (written 0600: rows hold personal data). */
export async function rejectsCsv(header: readonly string[], rejections: readonly Rejection[], delimiter: string): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const width = header.length;
  const rows = byLine(rejections).map((r) => [
    ...Array.from({ length: width }, (_, i) => guardCell(unguardCell(r.cells[i] ?? ''))),
    guardCell(r.reason),
  ]);
  return stringify([[...header, 'reason'], ...rows], { delimiter });
}
