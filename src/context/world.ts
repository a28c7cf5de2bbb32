// What the process (or a test) hands a run: environment, streams, TTY facts, clock, prompts. Only main.ts builds one from `process`.
import type { OutStream } from '../output/stream.js';
import type { Interruption } from '../interruption.js';

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

/** The global options as commander parsed them. */
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
