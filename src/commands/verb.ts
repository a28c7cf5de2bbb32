// The shape of every command (gh's): a verb module registers its flags, parses them into typed options, runs, and
// says what to show; `attach` wires the four to commander, and show.ts is the one place that prints.
import type { Command } from 'commander';
import type { Context } from '../context/context.js';
import { emit, type Shown } from './show.js';

/** Positional arguments as commander hands them: a string, a list for `<file...>`, undefined when left out. */
export type Args = readonly (string | string[] | undefined)[];

export interface Verb<Flags, Options, Result> {
  /** The command on its parent: name, arguments, description, flags, help examples. No action, no work. */
  register(parent: Command): Command;
  /**
   * Arguments and flags → typed options, before anything is opened: a bad value is a usage error (exit 2). It may
   * read the clock and the environment (`--at yesterday`, PRECRM_CURRENCY) and ask at a terminal (prompts).
   */
  parse(args: Args, flags: Flags, ctx: Context): Options | Promise<Options>;
  /** The work: reads and writes the store through ctx.stores, returns its result (rows, records, a summary). */
  run(ctx: Context, options: Options): Promise<Result>;
  /** What the user sees of the result, printed by show.ts's `emit`: never written by the verb itself. */
  show(result: Result, options: Options): Shown;
}

const attached = new WeakSet<Command>();

/** True for a command that `attach` wired (test/command-shape.test.ts checks every leaf command is one). */
export const isVerb = (command: Command): boolean => attached.has(command);

/** Registers the verb under `parent` and runs parse → run → show → emit when commander calls it. */
export function attach<F, O, R>(parent: Command, ctx: Context, verb: Verb<F, O, R>): Command {
  const command = verb.register(parent);
  attached.add(command);
  return command.action(async (...params: unknown[]) => {
    const self = params.at(-1) as Command;
    const options = await verb.parse(self.processedArgs as Args, self.opts() as F, ctx);
    const result = await verb.run(ctx, options);
    await emit(ctx, verb.show(result, options));
  });
}
