// The injected world every command runs in: store, clock, user, streams, TTY facts, prompts, output settings.
import type { ChalkInstance } from 'chalk';
import { join } from 'node:path';
import { EXIT, PrecrmError, usageError } from './domain/errors.js';
import { FORMATS, type Format } from './output/render.js';
import type { OutStream } from './output/stream.js';
import { forTerminal, sanitizeForTerminal, type TerminalForm } from './output/text.js';
import { Interruption } from './interruption.js';
import { describeLocation, openStore, parseLocation, pgLoginRole, type OpenOptions, type StoreLocation } from './store/open.js';
import type { Store } from './store/store.js';

/** Questions a command may ask; the real one is @inquirer/prompts on stderr, tests inject answers. */
export interface Prompter {
  /** `validate` checks each answer at the prompt: true, or the message shown there while the question is asked again. */
  input(message: string, opts?: { default?: string; validate?: (v: string) => true | string | Promise<true | string> }): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T extends string>(message: string, choices: readonly T[], defaultValue?: T): Promise<T>;
  /** A whole number in [min, max]; undefined when left empty (the question is skipped). */
  number(message: string, opts: { min: number; max: number }): Promise<number | undefined>;
  /** A secret, never echoed (a database password). */
  password?(message: string): Promise<string>;
}

/** What the process (or a test) provides. Only main.ts builds this from `process`. */
export interface World {
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: { isTTY?: boolean; stream?: NodeJS.ReadableStream };
  /** The OS user name, the default for `by` on touches. */
  osUser: string;
  homedir: string;
  cwd: string;
  /** This process's id (temp file names say who left them); main.ts gives it. */
  pid?: number;
  /** Signals received while running (main.ts reports them); tests may pass their own. */
  interruption?: Interruption;
  /** Overrides the clock (tests); otherwise PRECRM_NOW or the real time. */
  clock?: () => Date;
  prompter?: Prompter;
  /**
   * Shows long output through a pager on the terminal: runs `command` (a shell command line) with `text` on its
   * stdin and resolves once it has quit; false when it could not be started. Absent (tests): never pages.
   */
  pager?: (command: string, text: string, env: Record<string, string | undefined>) => Promise<boolean>;
}

export interface GlobalOptions {
  store?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  input?: boolean;
  yes?: boolean;
  pager?: boolean;
  columns?: string;
}

export class Context {
  format: Format = 'table';
  /** The format as asked for, for commands with formats of their own (digest: text, markdown, html, json). */
  formatName = 'table';
  quiet = false;
  yes = false;
  /** `--columns a,b,c` as typed: the columns a listing prints, in that order (commands/common/column-choice.ts reads it). */
  columns: string | undefined;
  private noInput = false;
  private noPager = false;
  private colorOff = false;
  private storePath: string | undefined;
  private storeInstance: Promise<Store> | undefined;
  private storeUsed = false;
  private chalkInstance: ChalkInstance | undefined;
  private fixedNow: Date | undefined;
  /** Shared by the store and every output file: a signal stops whichever write is under way. */
  readonly interruption: Interruption;

  constructor(readonly world: World) {
    this.interruption = world.interruption ?? new Interruption();
  }

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
    this.format = ((FORMATS as readonly string[]).includes(fmt) ? fmt : 'table') as Format;
    this.quiet = Boolean(opts.quiet);
    this.columns = opts.columns;
    this.yes = Boolean(opts.yes);
    this.noInput = opts.input === false;
    this.noPager = opts.pager === false;
    this.colorOff = opts.color === false;
    this.storePath = opts.store ?? env.PRECRM_STORE;
    if (env.PRECRM_NOW !== undefined && !this.world.clock) {
      // Date() alone took "2026-02-30" as March 2 and "03/04" as 2001-03-04: only ISO forms, checked like --at.
      const notIso = () => usageError(`PRECRM_NOW "${env.PRECRM_NOW}" is not an ISO date-time (e.g. 2026-03-05T18:30:00Z)`);
      if (!/^\d{4}-\d{2}-\d{2}/.test(env.PRECRM_NOW.trim())) throw notIso();
      const { parseWhen } = await import('./domain/dates.js');
      try {
        this.fixedNow = parseWhen(env.PRECRM_NOW, new Date(0), 'past', 'PRECRM_NOW');
      } catch {
        throw notIso();
      }
    }
    const { Chalk } = await import('chalk');
    this.chalkInstance = new Chalk({ level: this.colorLevel() });
  }

  now(): Date {
    if (this.world.clock) return this.world.clock();
    return this.fixedNow ? new Date(this.fixedNow) : new Date();
  }

  /** The staff name recorded as `by`: PRECRM_USER, else (on PostgreSQL) the role the store URL logs in as, else the OS user. */
  get user(): string {
    const { env, osUser } = this.world;
    const loc = this.storeLocation;
    return env.PRECRM_USER || (loc.kind === 'postgres' ? pgLoginRole(loc.url, env, osUser) : undefined) || osUser;
  }

  /** Where the data lives: --store / PRECRM_STORE (a path resolved against the working folder, or a URL), else the XDG default. */
  get storeLocation(): StoreLocation {
    if (this.storePath) return parseLocation(this.storePath, this.world.cwd);
    const dataHome = this.world.env.XDG_DATA_HOME || join(this.world.homedir, '.local', 'share');
    return { kind: 'json', path: join(dataHome, 'precrm', 'store.json') };
  }

  /** The location for messages and `store path`: never a password. */
  get storeLabel(): string {
    return describeLocation(this.storeLocation);
  }

  /**
   * Lock and connection timeouts for opening a store (this one, or a migration target), and what a write needs to
   * know of this process: its id (for temp file names) and the signals received meanwhile.
   */
  storeOptions(): OpenOptions {
    const { env, homedir, osUser } = this.world;
    const prompter = this.canPrompt ? this.prompter : undefined;
    const askPassword = prompter?.password?.bind(prompter);
    return {
      lockTimeoutMs: this.milliseconds('PRECRM_LOCK_TIMEOUT', env.PRECRM_LOCK_TIMEOUT, 10_000),
      connectTimeoutMs: this.milliseconds('PRECRM_CONNECT_TIMEOUT', env.PRECRM_CONNECT_TIMEOUT, 10_000),
      server: { env, homedir, osUser, askPassword, warn: (text) => this.warn(text) },
      pid: this.world.pid,
      interruption: this.interruption,
    };
  }

  private milliseconds(name: string, raw: string | undefined, fallback: number): number {
    const ms = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(ms) || ms < 0) throw usageError(`${name} "${raw}" is not a number of milliseconds`);
    return ms;
  }

  /** The store, opened once per command (connects and creates nothing until it is used). */
  openStore(): Promise<Store> {
    this.storeUsed = true;
    this.storeInstance ??= Promise.resolve().then(() => openStore(this.storeLocation, this.storeOptions()));
    return this.storeInstance;
  }

  /**
   * After a command that used the store: a store file that still does not exist means the command read nothing,
   * which is right on a first run but, from a crontab with a typo in --store, would mean "nothing due" forever.
   * Say so on stderr (even with -q); the exit code and stdout stay as they are.
   */
  async warnIfStoreMissing(): Promise<void> {
    const opened = this.storeUsed ? this.storeInstance : undefined;
    const store = await opened?.catch(() => undefined);
    if (!store || !(await store.absent().catch(() => false))) return;
    const what = store.kind === 'postgres' ? `the database ${store.describe()} holds no precrm store` : `the store ${store.describe()} does not exist`;
    this.warn(`${what}, so there was nothing to read (check --store or PRECRM_STORE; it is created by the first write)`);
  }

  /** Closes the store if a command opened it (run.ts calls this once the command ends). */
  async closeStore(): Promise<void> {
    const opened = this.storeInstance;
    this.storeInstance = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }

  /** Prompts only with a terminal on stdin and without --no-input (a prompt without a TTY would hang). */
  get canPrompt(): boolean {
    return Boolean(this.world.stdin.isTTY) && !this.noInput;
  }

  get color(): ChalkInstance {
    if (!this.chalkInstance) throw new PrecrmError('internal: colour requested before the options were applied', EXIT.internal);
    return this.chalkInstance;
  }

  /** Colour for stderr messages follows the same switches, but stderr's own TTY. */
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

  get prompter(): Prompter {
    if (!this.canPrompt) throw new PrecrmError('internal: prompt requested without a terminal', EXIT.internal);
    return this.world.prompter ?? inquirerPrompter(this.world);
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

/** The real prompts, loaded only when a command asks something; they write to stderr so stdout stays data. */
function inquirerPrompter(world: World): Prompter {
  const io = () => ({ input: world.stdin.stream as NodeJS.ReadableStream, output: world.stderr as unknown as NodeJS.WritableStream });
  return {
    async input(message, opts) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, default: opts?.default, validate: opts?.validate }, io());
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue }, io());
    },
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select({ message, choices: choices.map((c) => ({ value: c, name: c })), default: defaultValue }, io());
    },
    async number(message, { min, max }) {
      const { number } = await import('@inquirer/prompts');
      return number({ message, min, max, step: 1, required: false }, io());
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      return password({ message, mask: false }, io());
    },
  };
}
