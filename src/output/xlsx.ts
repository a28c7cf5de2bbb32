// Renders rows as an .xlsx workbook with typed cells, so a spreadsheet keeps what CSV cannot say: `+49…`, `07700…`
// and `01067` stay text, a cohort `2026-01` stays text, counts, rates and money are numbers, instants are dates.
// write-excel-file (and its zip library) load only when this format is asked for.
import type { Cell, Feature, Row } from 'write-excel-file/node';
import { valueOf, type Column, type ColumnType } from './columns.js';

/** Number formats by column type; a rate is a fraction 0..1 shown as a percentage, as in the tables. */
const NUMBER_FORMAT: Partial<Record<ColumnType, string>> = { int: '0', rate: '0.0%', number: '0.######' };
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DAY_FORMAT = 'yyyy-mm-dd';
/** Identifiers are labels, not quantities: text, like phones and zips, so nothing sums or reformats them. */
const ID_COLUMN = /^(id|.*_id|referred_by)$/;

/**
 * A spreadsheet cell has no time zone: an instant is written as the local wall-clock time (as tables show it),
 * by handing the library a Date whose UTC fields are the local ones.
 */
function wallClock(iso: string): Date {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/** A plain text value for string-like columns: lists joined with `;`, objects as JSON (as in CSV). */
function text(type: ColumnType, value: unknown): string {
  if (type === 'list') return (value as unknown[]).join(';');
  if (type === 'json' && typeof value !== 'string') return JSON.stringify(value);
  return String(value);
}

function xlsxCell(col: Column<any>, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (ID_COLUMN.test(col.key)) return { type: String, value: String(value) };
  switch (col.type) {
    case 'int':
    case 'number':
    case 'rate':
      return typeof value === 'number' && Number.isFinite(value) ? { type: Number, value, format: NUMBER_FORMAT[col.type] } : null;
    case 'datetime': return { type: Date, value: wallClock(String(value)), format: DATETIME_FORMAT };
    case 'day': return { type: Date, value: wallClock(String(value)), format: DAY_FORMAT };
    case 'bool': return { type: Boolean, value: Boolean(value) };
    default: return { type: String, value: text(col.type, value) };
  }
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The header row's filter buttons: write-excel-file freezes rows itself but has no autofilter, so this feature
 * (its documented extension point) adds `<autoFilter ref="A1:F9"/>` to the sheet in the place the schema wants.
 */
async function autoFilter(ref: string): Promise<Feature<any>> {
  const { insertElementMarkupAccordingToOrderOfSiblings, getOrderOfSiblings } = await import('write-excel-file/utility');
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml: string) => insertElementMarkupAccordingToOrderOfSiblings(
            xml, `<autoFilter ref="${ref}"/>`, getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [], 'worksheet'),
        },
      },
    },
  };
}

/** Width in characters: the longest header or value, within reason. */
function widths(header: readonly string[], body: readonly Row[]): { width: number }[] {
  return header.map((h, i) => {
    let w = h.length + 3;
    for (const row of body.slice(0, 1000)) {
      const c = row[i] as { value?: unknown } | null;
      const v = c?.value;
      const len = v instanceof Date ? 16 : v === undefined ? 0 : String(v).length;
      if (len + 1 > w) w = len + 1;
    }
    return { width: Math.min(w, 60) };
  });
}

/** One sheet named `sheet`: a bold, frozen, filtered header row, then one typed row per record. */
export async function renderXlsx<R>(rows: readonly R[], columns: readonly Column<R>[], sheet: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = columns.map((c) => c.key);
  const body: Row[] = rows.map((r) => columns.map((c) => xlsxCell(c, valueOf(c, r))));
  const data: Row[] = [header.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...body];
  const ref = `A1:${columnLetter(Math.max(columns.length - 1, 0))}${Math.max(rows.length + 1, 2)}`;
  const out = await writeXlsxFile(data, { sheet, stickyRowsCount: 1, columns: widths(header, body) }, { features: [await autoFilter(ref)] }).toBuffer();
  return out as Buffer;
}
