// What an import came to (counts, rejected rows, a dry run's per-row plan) and how it is shown: problems and the
// summary on stderr, the summary as JSON or the dry run's rows as CSV/TSV on stdout, exit 65 when it was refused.
import { invalidRowsError, problemLine, type Rejection, type RowOutcome } from '../../csv/report.js';
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { fail, info, rows, text, warn, type Part, type Shown } from '../show.js';

export interface ImportResult {
  created: number;
  merged: number;
  skipped: number;
  /** Rows left out for the suppression list (prospects only; absent for the others). */
  suppressed?: number;
  /** People kept without the email another row of the file gave (prospects). */
  shared: number;
  /** Every invalid row, by line. */
  rejected: Rejection[];
  warnings: string[];
  /** Lines whose email no prospect has (survey responses recorded as anonymous). */
  unknownEmails: number[];
  /** A dry run's listing under csv, tsv or json: what each line would do, rejections included, by line. */
  outcomes?: RowOutcome[];
  written: boolean;
  /** Invalid rows without --skip-invalid: nothing was written, and the import ends with exit 65. */
  refused: boolean;
  /** Data rows in the file. */
  rowCount: number;
}

const OUTCOME_COLUMNS: Column<RowOutcome>[] = [
  { key: 'line', type: 'int' },
  { key: 'action', type: 'string' },
  { key: 'id', type: 'int' },
  { key: 'reason', type: 'string' },
];

function warnings(r: ImportResult): string[] {
  const unknown = r.unknownEmails;
  if (unknown.length === 0) return r.warnings;
  return [...r.warnings, `${unknown.length} row(s) give an email no prospect has (line ${unknown.join(', ')}): recorded as anonymous (import those people as prospects first to link their answers)`];
}

/** `created 3, merged 1, skipped 0, rejected 0 (dry run: nothing written)`. */
function summaryLine(r: ImportResult, dryRun: boolean): string {
  const note = dryRun ? ' (dry run: nothing written)' : r.refused ? ' (nothing written)' : r.written ? '' : ' (nothing to change)';
  // "suppressed N" only when there are any, so the line of an import without them reads as it always did.
  const suppressed = r.suppressed ? `, suppressed ${r.suppressed}` : '';
  const shared = r.shared ? `; ${r.shared} shared an email with another row (kept without it, with a note)` : '';
  return `created ${r.created}, merged ${r.merged}, skipped ${r.skipped}${suppressed}, rejected ${r.rejected.length}${shared}${note}`;
}

function summaryJson(r: ImportResult, dryRun: boolean): string {
  const counts = { created: r.created, merged: r.merged, skipped: r.skipped, ...(r.suppressed === undefined ? {} : { suppressed: r.suppressed }) };
  const summary = { ...counts, rejected: r.rejected.length, ...(r.shared ? { shared: r.shared } : {}), written: r.written, dryRun, rejections: r.rejected.map(({ line, reason }) => ({ line, reason })) };
  return `${JSON.stringify(r.outcomes ? { ...summary, rows: r.outcomes } : summary, null, 2)}\n`;
}

export function showImport(r: ImportResult, o: { dryRun: boolean; format: Format }): Shown {
  const parts: Part[] = warnings(r).map(warn);
  if (!r.refused) for (const x of r.rejected) parts.push(warn(`skipped ${problemLine(x)}`));
  parts.push(info(summaryLine(r, o.dryRun)));
  if (o.format === 'json') parts.push(text(summaryJson(r, o.dryRun)));
  else if (r.outcomes && (o.format === 'csv' || o.format === 'tsv')) parts.push(rows(r.outcomes, OUTCOME_COLUMNS));
  if (r.refused) parts.push(fail(invalidRowsError(r.rejected, r.rowCount)));
  return parts;
}
