// What every export shares: its output flags (-o FILE, --excel) parsed into where and how the rows go, and the
// parts that show them (the rows, then "wrote N … to FILE" when they went to a file).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { addFilterOptions, type FilterFlags } from '../common/prospect-filter.js';
import { fileFormat } from '../common/rows-out.js';
import { info, type Part, type Shown } from '../show.js';

export interface OutputFlags {
  output?: string;
  excel?: boolean;
}

export type ExportFlags = FilterFlags & OutputFlags;

/** Where an export's rows go and in what format. */
export interface ExportOutput {
  format: Format;
  /** `-o FILE`; stdout when absent or `-`. */
  output?: string;
  excel?: boolean;
}

/** The prospect filter, with --since/--until on the exported record's own date, then the output flags. */
export const withFilterFlags = (cmd: Command, dates: string): Command => withOutputFlags(addFilterOptions(cmd, { dates }));

export function withOutputFlags(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout (- is stdout)')
    .option('--excel', 'UTF-8 BOM and CRLF line ends, for spreadsheets');
}

/** Export writes data files: csv (default), tsv, json or xlsx; an explicit --format table is a mistake. */
export function parseOutput(flags: OutputFlags, term: Pick<Context['term'], 'format' | 'formatOption'>): ExportOutput {
  const out = { output: flags.output, excel: flags.excel };
  if (term.format !== 'table') return { format: term.format, ...out };
  if (term.formatOption === 'table') throw usageError('export writes csv, tsv, json or xlsx (use --format csv|tsv|json|xlsx; table is for prospect list)');
  return { format: fileFormat('table', flags.output ?? 'out.csv'), ...out };
}

/** The rows to stdout or the file; a file written is said on stderr ("wrote 3 prospect(s) to p.csv"). */
export function showRows<R>(rows: readonly R[], columns: readonly Column<R>[], out: ExportOutput, what: { noun: string; sheet: string; jsonRecords?: unknown[] }): Shown {
  const part: Part = { kind: 'rows-out', rows, columns, out: { ...out, sheet: what.sheet, jsonRecords: what.jsonRecords } };
  const toFile = out.output !== undefined && out.output !== '-';
  return toFile ? [part, info(`wrote ${rows.length} ${what.noun} to ${out.output}`)] : [part];
}
