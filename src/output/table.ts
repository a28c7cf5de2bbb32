// Terminal tables through cli-table3, rendered in slices: its layout costs grow faster than the row count
// (20,000 prospects took over a minute as one table), so the column widths are measured once, each slice is
// drawn with those fixed widths, and the slices are stitched together without their inner borders.
// On a terminal the widths can also be fitted to the window (fit.ts); cli-table3 cuts longer cells with `…`.
import { fitColumns } from './fit.js';

export interface TableCell { content: string; hAlign: 'left' | 'right' }

/** How one column may give way on a narrow terminal (see Column.priority / minWidth / fill). */
export interface ColumnGive {
  priority?: number;
  /** Narrowest width the cells may be cut to; Infinity: never cut. */
  minWidth: number;
  /** Draws row `row`'s cell at the given width (the cells passed in for this column are ignored). */
  fill?: (row: number, width: number) => string;
  maxWidth?: number;
}

interface FittedTable { head: string[]; rows: TableCell[][]; widths: number[]; dropped: number[] }

const SLICE = 250;
export type Strlen = (s: string) => number;

let strlenFn: Strlen | undefined;
/** cli-table3's own width function (ANSI-aware, wide characters count double), so our widths match its layout. */
export async function strlen(): Promise<Strlen> {
  if (!strlenFn) {
    // @ts-expect-error: an internal module without type declarations
    const utils = (await import('cli-table3/src/utils.js')) as { strlen?: Strlen; default?: { strlen: Strlen } };
    strlenFn = (utils.strlen ?? utils.default!.strlen) as Strlen;
  }
  return strlenFn;
}

async function naturalWidths(head: string[], rows: TableCell[][]): Promise<number[]> {
  const len = await strlen();
  const widths = head.map((h) => len(h));
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i]!, len(cell.content)); });
  return widths;
}

/** Chooses the columns and widths that fit `width` terminal cells; fill columns are drawn at their final width. */
export async function fitTable(head: string[], rows: TableCell[][], give: ColumnGive[], width: number): Promise<FittedTable> {
  const len = await strlen();
  const natural = await naturalWidths(head, rows);
  const specs = give.map((g, i) => {
    const headWidth = len(head[i]!);
    const full = g.fill ? Math.max(headWidth, g.maxWidth ?? g.minWidth) : natural[i]!;
    return { natural: full, min: Math.min(full, Math.max(headWidth, g.minWidth)), priority: g.priority };
  });
  const { kept, widths } = fitColumns(specs, width);
  const cellsOf = (row: TableCell[], r: number) => kept.map((i, k) => {
    const fill = give[i]!.fill;
    return fill ? { ...row[i]!, content: fill(r, widths[k]!) } : row[i]!;
  });
  return {
    head: kept.map((i) => head[i]!),
    rows: rows.map(cellsOf),
    widths,
    dropped: give.map((_, i) => i).filter((i) => !kept.includes(i)),
  };
}

/**
 * The table as cli-table3 draws it, drawn directly when every cell fits its column on one line (nearly always: the
 * widths were measured from the cells, or fitted and the long ones cut by fit.ts): cli-table3 merges its options
 * into every cell, ~1 ms a row, a tenth of `due` on a large store. Null when a cell needs cutting or has a line
 * break: cli-table3 draws those. test/output/table.test.ts checks the two drawings are the same bytes.
 */
function drawFitting(head: string[], rows: TableCell[][], widths: number[], len: Strlen): string | null {
  if (head.length === 0 || head.length !== widths.length) return null;
  const fits = (content: string, i: number) => widths[i] !== undefined && !/[\r\n]/.test(content) && len(content) <= widths[i]!;
  if (!head.every(fits) || !rows.every((row) => row.length === widths.length && row.every((c, i) => fits(c.content, i)))) return null;
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const line = (cells: TableCell[]) => `│${cells.map((c, i) => {
    const pad = ' '.repeat(widths[i]! - len(c.content));
    return ` ${c.hAlign === 'right' ? pad + c.content : c.content + pad} `;
  }).join('│')}│`;
  // No rule under the heading: precrm's tables set cli-table3's mid chars to '' (see drawTable's options).
  const lines = [rule('┌', '┬', '┐'), line(head.map((content) => ({ content, hAlign: 'left' })))];
  for (const row of rows) lines.push(line(row));
  lines.push(rule('└', '┴', '┘'));
  return `${lines.join('\n')}\n`;
}

/** Draws the table; `widths` (content widths) fixes the columns, and longer cells are cut with `…`. */
export async function drawTable(head: string[], rows: TableCell[][], widths?: number[]): Promise<string> {
  const contentWidths = widths ?? await naturalWidths(head, rows);
  const drawn = drawFitting(head, rows, contentWidths, await strlen());
  if (drawn !== null) return drawn;
  const { default: Table } = await import('cli-table3');
  const options = {
    colWidths: contentWidths.map((w) => w + 2),
    style: { head: [], border: [], compact: false },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  };
  if (rows.length <= SLICE) {
    const table = new Table({ ...options, head });
    table.push(...rows);
    return `${table.toString()}\n`;
  }
  const parts: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE) {
    const table = new Table(start === 0 ? { ...options, head } : options);
    table.push(...rows.slice(start, start + SLICE));
    const lines = table.toString().split('\n');
    if (start > 0) lines.shift(); // the top border continues the previous slice
    if (start + SLICE < rows.length) lines.pop(); // the bottom border comes with the last slice
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n')}\n`;
}

/** Cuts each line of `text` to `width` terminal cells with `…` (colour codes kept intact), as table cells are cut. */
export async function cutLines(text: string, width: number): Promise<string> {
  // @ts-expect-error: an internal module without type declarations
  const utils = (await import('cli-table3/src/utils.js')) as { truncate?: Cut; default?: { truncate: Cut } };
  const truncate = (utils.truncate ?? utils.default!.truncate) as Cut;
  return text.split('\n').map((line) => truncate(line, width, '…')).join('\n');
}
type Cut = (s: string, width: number, mark: string) => string;
