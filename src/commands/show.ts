// The one place a command's result is printed: what a verb's `show` returns is a list of parts, written here in order.
import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { Context } from '../context/context.js';
import type { Column } from '../output/columns.js';
import type { TerminalForm } from '../output/text.js';
import { printWritten } from './common/io.js';
import { writeOutput, type OutputTarget } from './common/output-file.js';
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
  | { kind: 'text'; text: string; form?: TerminalForm; paged?: boolean }
  /** Text already rendered (a page) to a target checked before the work (output-file.ts: atomically, mode 0600). */
  | { kind: 'text-out'; text: string; target: OutputTarget }
  /** Text drawn for the terminal it goes to, in its colours and to its width (a record's story), paged when long. */
  | { kind: 'drawn'; draw: (look: Look) => string | Promise<string> }
  /** Ends the command with this error (its message and exit code) once the parts before it are printed. */
  | { kind: 'fail'; error: Error }
  /** A part that needs the terminal's colours (an overdue row in red, a bold name): made when printed. */
  | { kind: 'styled'; make: (color: ChalkInstance) => Part }
  /** Parts made by a module loaded only when they are printed (ical.js, the manual), so start-up never loads it. */
  | { kind: 'loaded'; load: () => Promise<Shown> }
  /** A command's help as commander prints it, with the text added after it (examples). */
  | { kind: 'help'; command: Command };

/** What a drawing knows of the terminal: its colours and its width (undefined for a pipe: lines whole). */
export interface Look { color: ChalkInstance; width: number | undefined }

export type Shown = readonly Part[];

export const info = (text: string): Part => ({ kind: 'info', text });
export const warn = (text: string): Part => ({ kind: 'warn', text });
export const written = (records: readonly { id: number }[]): Part => ({ kind: 'written', records });
export const rows = <R>(list: readonly R[], columns: readonly Column<R>[], print?: PrintOptions<R>): Part =>
  ({ kind: 'rows', rows: list, columns, print });
export const fail = (error: Error): Part => ({ kind: 'fail', error });
export const text = (value: string, form?: TerminalForm, paged = false): Part => ({ kind: 'text', text: value, form, paged });
export const textOut = (value: string, target: OutputTarget): Part => ({ kind: 'text-out', text: value, target });
export const drawn = (draw: (look: Look) => string | Promise<string>): Part => ({ kind: 'drawn', draw });
export const styled = (make: (color: ChalkInstance) => Part): Part => ({ kind: 'styled', make });
export const loaded = (load: () => Promise<Shown>): Part => ({ kind: 'loaded', load });

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
    case 'text-out': return writeOutput(ctx, part.target, part.text);
    case 'drawn': return ctx.term.page(await part.draw({ color: ctx.term.color, width: ctx.term.terminalWidth }), 'styled');
    case 'fail': throw part.error;
    case 'styled': return emitPart(ctx, part.make(ctx.term.color));
    case 'loaded': return emit(ctx, await part.load());
    case 'help': { part.command.outputHelp(); return; }
  }
}
