// The last step of every listing command: rows → the chosen format, fitted to the terminal, paged when long.
import type { ForegroundColorName } from 'chalk';
import type { Context } from '../../context/context.js';
import type { Column } from '../../output/columns.js';
import { renderRows, type Format, type RenderOptions } from '../../output/render.js';
import { sanitizeForTerminal, wrapWords } from '../../output/text.js';
import { chooseColumns } from './column-choice.js';

export interface PrintOptions<R = any> extends Pick<RenderOptions, 'jsonRecords' | 'rowStyle' | 'excel'> {
  /** The format when it is not ctx.term.format (export's csv default). */
  format?: Format;
  /** Lines printed above a table (terminal only), cut to the window like the table. */
  heading?: string;
  /** A line printed under a table (a report's reading of it), wrapped to a terminal's width; other formats never get it. */
  footing?: string;
  /** Columns `--columns` may name besides those printed by default (a table's compact set leaves some out). */
  more?: readonly Column<R>[];
  /** A colour for a whole row, by name (a verb's `show` has no terminal to take a style from): grey for lost prospects. */
  rowColor?: (record: R) => ForegroundColorName | undefined;
}

/**
 * The columns and JSON records to print: the command's own, or those `--columns` names, in its order. Then JSON
 * holds just those keys (the column projection, not the whole records).
 */
export function columnsToPrint<R>(ctx: Context, columns: readonly Column<R>[], more: readonly Column<R>[] | undefined, jsonRecords?: unknown[]): { columns: readonly Column<R>[]; jsonRecords?: unknown[] } {
  const chosen = chooseColumns(ctx.term.columns, columns, more);
  return chosen === undefined ? { columns, jsonRecords } : { columns: chosen };
}

/**
 * Prints rows on stdout. A table on a terminal fits the window: the columns left out are named on stderr with how
 * to see them; pipes and files get every column and every value in full.
 */
export async function printRows<R>(ctx: Context, rows: readonly R[], shown: readonly Column<R>[], extra: PrintOptions<R> = {}): Promise<void> {
  const { heading, footing, format = ctx.term.format, more, rowColor, ...render } = extra;
  if (rowColor) render.rowStyle ??= (r: R) => { const name = rowColor(r); return name && ctx.term.color[name]; };
  const { columns, jsonRecords } = columnsToPrint(ctx, shown, more, render.jsonRecords);
  const width = format === 'table' ? ctx.term.terminalWidth : undefined;
  let dropped: string[] = [];
  const text = await renderRows(rows, columns, {
    format, color: ctx.term.color, width, onDropped: (labels) => { dropped = labels; }, ...render, jsonRecords,
  });
  // A table carries colour of its own around cells already made safe; every other format is plain data on a terminal.
  const form = format === 'table' ? 'styled' : format === 'json' ? 'json' : 'text';
  const head = heading === undefined || format !== 'table' ? '' : await fitLines(ctx, heading);
  const foot = footing === undefined || format !== 'table' ? '' : `${wrapWords(sanitizeForTerminal(footing), width ?? Infinity)}\n`;
  await ctx.term.page(`${head}${text}${foot}`, form);
  if (dropped.length) {
    const note = `left out to fit ${width} columns: ${dropped.join(', ')} (to see them: a wider window, --columns to choose, or --format csv)`;
    ctx.term.info(wrapWords(note, ctx.term.helpWidth('err')));
  }
}

/** Text for a terminal cut to its width (every line ends with `…` where it was cut); pipes get it whole. */
export async function fitLines(ctx: Context, text: string): Promise<string> {
  const width = ctx.term.terminalWidth;
  if (width === undefined) return text;
  const { cutLines } = await import('../../output/table.js');
  return cutLines(text, width);
}
