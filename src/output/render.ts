// Renders rows as a terminal table, RFC 4180 CSV, TSV or JSON; knows columns, not prospects.
import type { ChalkInstance } from 'chalk';
import { guardCell } from '../csv/formula.js';
import { showDateTime, showDay } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';
import { valueOf, type Column } from './columns.js';
import { drawTable, fitTable, type ColumnGive, type TableCell } from './table.js';
import { sanitizeForTerminal } from './text.js';

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  format: Format;
  color: ChalkInstance;
  /** Excel-friendly CSV: UTF-8 BOM and CRLF line ends. */
  excel?: boolean;
  /** JSON output prints these objects instead of the column projection (whole records). */
  jsonRecords?: unknown[];
  /** A terminal's width in cells: a table is fitted to it (columns left out, cells cut). Never set for pipes. */
  width?: number;
  /** Told the headers of the columns a fitted table left out (none: not called). */
  onDropped?: (labels: string[]) => void;
  /** Colours a whole table row (an overdue follow-up, a lost prospect); only tables, only when colour is on. */
  rowStyle?: (record: any) => ((text: string) => string) | undefined;
}

/** A plain value for CSV/TSV: decimals for rates, ISO UTC for instants, the local `YYYY-MM-DD` for days, lists joined with `;`. */
export function csvValue(col: Column<any>, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (col.type) {
    case 'list': return (value as unknown[]).join(';');
    case 'bool': return value ? 'true' : 'false';
    case 'rate':
    case 'number':
    case 'int': return typeof value === 'number' && Number.isFinite(value) ? String(Number(value.toFixed(6))) : '';
    case 'json': return typeof value === 'string' ? value : JSON.stringify(value);
    // A calendar day (a follow-up's, a due date) is the day the user means, not the UTC instant of its local midnight.
    case 'day': return showDay(String(value));
    default: return String(value);
  }
}

/** A value for JSON: numbers stay numbers, days are local `YYYY-MM-DD`, absent values are null, never missing. */
function jsonValue(col: Column<any>, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (col.type === 'day') return showDay(String(value));
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function tableValue(col: Column<any>, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (col.type) {
    case 'rate': return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : '';
    case 'number': return typeof value === 'number' ? value.toFixed(col.decimals ?? 1) : '';
    case 'datetime': return showDateTime(String(value));
    case 'day': return showDay(String(value));
    case 'list': return (value as unknown[]).join(', ');
    case 'bool': return value ? 'yes' : '';
    case 'json': return typeof value === 'string' ? value : JSON.stringify(value);
    default: return String(value);
  }
}

export async function renderRows<R>(rows: readonly R[], columns: readonly Column<R>[], opts: RenderOptions): Promise<string> {
  switch (opts.format) {
    case 'json': {
      const objects = opts.jsonRecords ?? rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, jsonValue(c, valueOf(c, r))])));
      return `${JSON.stringify(objects, null, 2)}\n`;
    }
    case 'csv': {
      const { stringify } = await import('csv-stringify/sync');
      const records = rows.map((r) => columns.map((c) => guardCell(csvValue(c, valueOf(c, r)))));
      // csv-stringify quotes a value holding LF but not a bare CR, which Excel and Python's csv take for a record end.
      const text = stringify([columns.map((c) => c.key), ...records], { delimiter: ',', record_delimiter: opts.excel ? '\r\n' : '\n', quoted_match: /\r/ });
      return opts.excel ? `\ufeff${text}` : text;
    }
    case 'tsv': return renderTsv(rows, columns, opts.excel);
    case 'xlsx':
      throw usageError('--format xlsx writes a spreadsheet file: use it with export or report and -o FILE.xlsx');
    default:
      return renderTable(rows, columns, opts);
  }
}

/**
 * IANA TSV has no quoting: a tab or line break inside a value is written as a space, so every line has the
 * header's field count for `cut` and `awk -F'\t'`. Quotes are written as they are.
 */
function renderTsv<R>(rows: readonly R[], columns: readonly Column<R>[], excel = false): string {
  const cell = (v: string) => guardCell(v.replace(/\r\n|[\t\r\n]/g, ' '));
  const eol = excel ? '\r\n' : '\n';
  const lines = [columns.map((c) => cell(c.key)), ...rows.map((r) => columns.map((c) => cell(csvValue(c, valueOf(c, r)))))];
  const text = lines.map((l) => l.join('\t') + eol).join('');
  return excel ? `\ufeff${text}` : text;
}

/** Text and list cells may be cut down to 10 cells on a narrow terminal; numbers, dates and flags never are. */
function give<R>(col: Column<R>, fill?: (row: number, width: number) => string): ColumnGive {
  const cuttable = col.type === 'string' || col.type === 'list' || col.type === 'json';
  return { priority: col.priority, minWidth: col.minWidth ?? (cuttable ? 10 : Number.POSITIVE_INFINITY), fill, maxWidth: col.maxWidth };
}

async function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[], opts: RenderOptions): Promise<string> {
  const numeric = (c: Column<R>) => c.type === 'int' || c.type === 'number' || c.type === 'rate';
  const styles = rows.map((r) => opts.rowStyle?.(r));
  const style = (i: number, text: string) => (styles[i] && text ? styles[i]!(text) : text);
  const cells: TableCell[][] = rows.map((r, i) => columns.map((c) => ({
    content: c.fill ? '' : style(i, c.show ? c.show(valueOf(c, r), r) : sanitizeForTerminal(tableValue(c, valueOf(c, r)))),
    hAlign: numeric(c) ? ('right' as const) : ('left' as const),
  })));
  const head = columns.map((c) => opts.color.bold(c.label ?? c.key));
  if (opts.width === undefined) {
    const fixed = columns.map((c) => (c.fill ? c.fill : undefined));
    fixed.forEach((fill, k) => {
      if (fill) cells.forEach((row, i) => { row[k]!.content = style(i, fill(valueOf(columns[k]!, rows[i]!), rows[i]!, columns[k]!.maxWidth ?? 0)); });
    });
    return drawTable(head, cells);
  }
  const gives = columns.map((c) => give(c, c.fill ? (i: number, w: number) => style(i, c.fill!(valueOf(c, rows[i]!), rows[i]!, w)) : undefined));
  const fitted = await fitTable(head, cells, gives, opts.width);
  if (fitted.dropped.length) opts.onDropped?.(fitted.dropped.map((i) => columns[i]!.label || columns[i]!.key));
  return drawTable(fitted.head, fitted.rows, fitted.widths);
}
