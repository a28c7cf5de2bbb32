// `precrm help [command… | topic]`: a command's help, or a topic of the manual (topics.ts, loaded only then).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { examples } from '../common/examples.js';
import { loaded, text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import type { Topic } from './topics.js';

export const TOPICS = ['stages', 'dates', 'formats', 'exit-codes', 'csv'] as const satisfies readonly Topic[];

/** The command whose help to print, or a topic of the manual wrapped to the width of stdout. */
export type HelpOptions = { kind: 'command'; command: Command } | { kind: 'topic'; topic: Topic; width: number };

export function register(parent: Command): Command {
  return parent.command('help [topic...]').description(`help on a command, or a topic: ${TOPICS.join(', ')}`)
    .addHelpText('after', examples('precrm help stages', 'precrm help dates', 'precrm help touch log', 'precrm help csv'));
}

/** `touch log` → the `log` command under `touch`; no words → the program itself. */
function findCommand(program: Command, words: string[]): Command | undefined {
  let command: Command | undefined = program;
  for (const word of words) command = command?.commands.find((c) => c.name() === word || c.aliases().includes(word));
  return command;
}

/** Words naming no command and no topic are a usage error. */
export function parse(program: Command, [words]: Args, ctx: Pick<Context, 'term'>): HelpOptions {
  const list = (words ?? []) as string[];
  const command = findCommand(program, list);
  if (command) return { kind: 'command', command };
  const topic = TOPICS.find((t) => t === list.join(' ').trim().toLowerCase());
  if (!topic) throw usageError(`no command or help topic "${list.join(' ')}" (topics: ${TOPICS.join(', ')}; commands: precrm --help)`);
  return { kind: 'topic', topic, width: ctx.term.helpWidth('out') };
}

/** Help reads nothing: what to print is decided by parse. */
export const run = async (_ctx: unknown, o: HelpOptions): Promise<HelpOptions> => o;

export function show(o: HelpOptions): Shown {
  if (o.kind === 'command') return [{ kind: 'help', command: o.command }];
  return [loaded(async () => [text((await import('./topics.js')).topicText(o.topic, o.width), undefined, true)])];
}

/** The help verb of `program`: it looks commands up among the program's. */
export function helpOn(program: Command): Verb<object, HelpOptions, HelpOptions> {
  return { register, parse: (args, _flags, ctx) => parse(program, args, ctx), run, show };
}
