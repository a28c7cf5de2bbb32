// Where a command's rows go: stdout (also `-o -`), or `-o FILE` in any format (through output-file.ts: a file
// atomically, 0600, never onto the store; a device or FIFO in place). xlsx is a binary workbook, so never stdout.
import { extname } from 'node:path';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import type { Column } from '../../output/columns.js';
import { renderRows, type Format } from '../../output/render.js';
import { writeOutputFile } from './output-file.js';
import { columnsToPrint, printRows } from './print.js';

export interface EmitOptions {
  format: Format;
  /** `-o FILE`; stdout when absent. */
  output?: string;
  excel?: boolean;
  jsonRecords?: unknown[];
  /** A line under a table on stdout (print.ts); files and other formats never get it. */
  footing?: string;
  /** The worksheet's name in an xlsx file (`prospects`, `funnel` …). */
  sheet: string;
}

const BY_EXTENSION: Record<string, Format> = { '.xlsx': 'xlsx', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json', '.csv': 'csv' };

/** The format of a file output: the one asked for, else the file's extension (`-o funnel.xlsx`), else csv. */
export function fileFormat(asked: Format, output: string | undefined): Format {
  if (asked !== 'table' || output === undefined) return asked;
  return BY_EXTENSION[extname(output).toLowerCase()] ?? 'csv';
}

/** Renders the rows in the format and writes them to stdout or the file; true when a file was written. */
export async function emitRows<R>(ctx: Context, rows: readonly R[], columns: readonly Column<R>[], opts: EmitOptions): Promise<boolean> {
  const toStdout = opts.output === undefined || opts.output === '-'; // `-o -` is stdout
  if (opts.format === 'xlsx' && toStdout) {
    throw usageError('--format xlsx writes a spreadsheet file, not text: add -o FILE.xlsx');
  }
  if (toStdout) {
    // stdout: a table fits the terminal and long output is paged (print.ts).
    await printRows(ctx, rows, columns, { excel: opts.excel, jsonRecords: opts.jsonRecords, format: opts.format, footing: opts.footing });
    return false;
  }
  // A file gets the columns --columns names too, as stdout would.
  const chosen = columnsToPrint(ctx, columns, undefined, opts.jsonRecords);
  const data = opts.format === 'xlsx'
    ? await (await import('../../output/xlsx.js')).renderXlsx(rows, chosen.columns, opts.sheet)
    : await renderRows(rows, chosen.columns, { format: opts.format, color: ctx.term.color, excel: opts.excel, jsonRecords: chosen.jsonRecords });
  await writeOutputFile(ctx, opts.output!, 'the output file', data);
  return true;
}
