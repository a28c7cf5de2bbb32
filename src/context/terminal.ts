// Streams and terminal: the output format, colour, stdout (sanitised on a terminal, exact in a pipe), the pager, messages on stderr.
import type { ChalkInstance } from 'chalk';
import { EXIT, PrecrmError, usageError } from '../domain/errors.js';
import { FORMATS, type Format } from '../output/render.js';
import { forTerminal, sanitizeForTerminal, type TerminalForm } from '../output/text.js';
import type { OutStream } from '../output/stream.js';
import type { GlobalOptions, World } from './world.js';

export class Terminal {
  format: Format = 'table';
  /** The format as asked for, for commands with formats of their own (digest: text, markdown, html, json). */
  formatName = 'table';
  /** `--format` as typed, undefined when not given (export refuses an explicit table, yet defaults to csv). */
  formatOption: string | undefined;
  quiet = false;
  /** `--columns a,b,c` as typed: the columns a listing prints, in that order (commands/common/column-choice.ts reads it). */
  columns: string | undefined;
  private noPager = false;
  private colorOff = false;
  private chalkInstance: ChalkInstance | undefined;

  constructor(private readonly world: World) {}

  /** Applies the global options once commander has parsed them; loads chalk, which only commands need. */
  async configure(opts: GlobalOptions, formats: readonly string[] = FORMATS): Promise<void> {
    const env = this.world.env;
    // PRECRM_FORMAT is a default for the commands that take it: a cron digest is not broken by PRECRM_FORMAT=csv.
    const fromEnv = env.PRECRM_FORMAT !== undefined && (formats === FORMATS || formats.includes(env.PRECRM_FORMAT.toLowerCase())) ? env.PRECRM_FORMAT : undefined;
    const fmt = opts.json ? 'json' : (opts.format ?? fromEnv ?? formats[0]!).toLowerCase();
    if (!formats.includes(fmt)) {
      throw usageError(`unknown format "${opts.format ?? env.PRECRM_FORMAT}" (use one of: ${formats.join(', ')})`);
    }
    this.formatName = fmt;
    this.formatOption = opts.format;
    this.format = ((FORMATS as readonly string[]).includes(fmt) ? fmt : 'table') as Format;
    this.quiet = Boolean(opts.quiet);
    this.columns = opts.columns;
    this.noPager = opts.pager === false;
    this.colorOff = opts.color === false;
    const { Chalk } = await import('chalk');
    this.chalkInstance = new Chalk({ level: this.colorLevel() });
  }

  get color(): ChalkInstance {
    if (!this.chalkInstance) throw new PrecrmError('internal: colour requested before the options were applied', EXIT.internal);
    return this.chalkInstance;
  }

  /** The stderr stream itself, for what draws on it in place (a progress bar); messages go through info/warn/err. */
  get stderr(): OutStream {
    return this.world.stderr;
  }

  /** Standard input: whether it is a terminal, and the stream `import -` reads. */
  get stdin(): World['stdin'] {
    return this.world.stdin;
  }

  get stdoutIsTTY(): boolean {
    return Boolean(this.world.stdout.isTTY);
  }

  private colorLevel(): 0 | 1 | 2 | 3 {
    const env = this.world.env;
    if (this.colorOff || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
      if (force === '' || force === 'true' || force === '1') return 1;
      if (force === 'false' || force === '0') return 0;
      const n = Number(force);
      return n >= 3 ? 3 : n === 2 ? 2 : 1;
    }
    if (!this.world.stdout.isTTY || env.TERM === 'dumb') return 0;
    return 1;
  }

  /**
   * Data: stdout, for every command and for commander's help. On a terminal no stored text reaches it raw in any
   * format: `form` says what the data holds (JSON by default under --format json, else text; `styled` for precrm's own
   * colour). A pipe or a file gets the bytes exactly as rendered.
   */
  out(text: string, form?: TerminalForm): void {
    this.world.stdout.write(this.forStdout(text, form));
  }

  private forStdout(text: string, form: TerminalForm = this.format === 'json' ? 'json' : 'text'): string {
    if (!this.world.stdout.isTTY) return text;
    // Without colour there is no sequence of precrm's own to keep.
    return forTerminal(text, form === 'styled' && !this.chalkInstance?.level ? 'text' : form);
  }

  /**
   * The width a table on stdout must fit, or undefined when stdout is not a terminal (pipes and files get every
   * value in full). COLUMNS wins over the window's own size, as in git and ls.
   */
  get terminalWidth(): number | undefined {
    return this.world.stdout.isTTY ? terminalSize(this.world.env.COLUMNS, this.world.stdout.columns, 80) : undefined;
  }

  /** Help wraps to the terminal it is printed on, else to 80 columns. */
  helpWidth(stream: 'out' | 'err'): number {
    const s = stream === 'out' ? this.world.stdout : this.world.stderr;
    return s.isTTY ? terminalSize(this.world.env.COLUMNS, s.columns, 80) : 80;
  }

  /**
   * Data that may be longer than the screen: through a pager on a terminal (PRECRM_PAGER, then PAGER, default
   * `less -FRX`; `--no-pager`, an empty value or `cat` turn it off), straight to stdout otherwise.
   */
  async page(text: string, form?: TerminalForm): Promise<void> {
    const out = this.world.stdout;
    const env = this.world.env;
    const command = (env.PRECRM_PAGER ?? env.PAGER ?? 'less -FRX').trim();
    const rows = terminalSize(env.LINES, out.rows, 24);
    const long = countLines(text) >= rows;
    if (!out.isTTY || this.noPager || !this.world.pager || !long || command === '' || command === 'cat') {
      this.out(text, form);
      return;
    }
    // The pager prints on the terminal, so it gets what the terminal would (less -R passes OSC 8 links through).
    const safe = this.forStdout(text, form);
    // As git does: less gets -FRX unless the user set LESS, so colour passes and short output does not clear the screen.
    const paged = await this.world.pager(command, safe, { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' });
    if (!paged) out.write(safe);
  }

  /** Informational message on stderr; silenced by -q. */
  info(text: string): void {
    if (!this.quiet) this.world.stderr.write(`${sanitizeForTerminal(text)}\n`);
  }

  /** A warning on stderr; shown even with -q, since it asks for attention. */
  warn(text: string): void {
    this.world.stderr.write(`warning: ${sanitizeForTerminal(text)}\n`);
  }

  /** Raw bytes on stderr (a progress line, commander's own messages): the caller has made them safe. */
  err(text: string): void {
    this.world.stderr.write(text);
  }
}

/** A size from the environment (COLUMNS, LINES) when it is a positive whole number, else the terminal's, else a default. */
function terminalSize(fromEnv: string | undefined, fromTerminal: number | undefined, fallback: number): number {
  const n = fromEnv !== undefined && /^\d+$/.test(fromEnv.trim()) ? Number(fromEnv) : 0;
  if (n > 0) return n;
  return fromTerminal && fromTerminal > 0 ? fromTerminal : fallback;
}

const countLines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};
