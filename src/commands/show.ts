// The one place a command's result is printed: what a verb's `show` returns is a list of parts, written here in order.
import type { Context } from '../context/context.js';
import type { Column } from '../output/columns.js';
import type { TerminalForm } from '../output/text.js';
import { printWritten } from './common/io.js';
import { printRows, type PrintOptions } from './common/print.js';
import { emitRows, type EmitOptions } from './common/rows-out.js';

export type Part =
  /** A message on stderr, silenced by -q ("logged 40 greeting (tally #3)"). */
  | { kind: 'info'; text: string }
  /** A warning on stderr, shown even with -q. */
  | { kind: 'warn'; text: string }
  /** Written records: their ids one per line, or the records as JSON under --format json. */
  | { kind: 'written'; records: readonly { id: number }[] }
  /** Rows on stdout in the chosen format, fitted to a terminal and paged when long. */
  | { kind: 'rows'; rows: readonly unknown[]; columns: readonly Column<any>[]; print?: PrintOptions }
  /** Rows to stdout or to `-o FILE` (any format, xlsx included). */
  | { kind: 'rows-out'; rows: readonly unknown[]; columns: readonly Column<any>[]; out: EmitOptions }
  /** Text already rendered (a document, a calendar); paged when `paged`. */
  | { kind: 'text'; text: string; form?: TerminalForm; paged?: boolean };

export type Shown = readonly Part[];

export const info = (text: string): Part => ({ kind: 'info', text });
export const warn = (text: string): Part => ({ kind: 'warn', text });
export const written = (records: readonly { id: number }[]): Part => ({ kind: 'written', records });
export const rows = <R>(list: readonly R[], columns: readonly Column<R>[], print?: PrintOptions<R>): Part =>
  ({ kind: 'rows', rows: list, columns, print });
export const text = (value: string, form?: TerminalForm, paged = false): Part => ({ kind: 'text', text: value, form, paged });

export async function emit(ctx: Context, shown: Shown): Promise<void> {
  for (const part of shown) await emitPart(ctx, part);
}

async function emitPart(ctx: Context, part: Part): Promise<void> {
  switch (part.kind) {
    case 'info': return ctx.term.info(part.text);
    case 'warn': return ctx.term.warn(part.text);
    case 'written': return printWritten(ctx, part.records);
    case 'rows': return printRows(ctx, part.rows, part.columns, part.print);
    case 'rows-out': { await emitRows(ctx, part.rows, part.columns, part.out); return; }
    case 'text': return part.paged ? ctx.term.page(part.text, part.form) : ctx.term.out(part.text, part.form);
  }
}
