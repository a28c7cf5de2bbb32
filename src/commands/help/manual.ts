// `precrm help [command… | topic]`: a command's help, or a topic of the manual (help-topics.ts, loaded only then).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { examples } from '../common/examples.js';
import type { Topic } from './help-topics.js';

export const TOPICS = ['stages', 'dates', 'formats', 'exit-codes', 'csv'] as const satisfies readonly Topic[];

export function registerHelp(program: Command, ctx: Context): void {
  program.helpCommand(false);
  program.command('help [topic...]').description(`help on a command, or a topic: ${TOPICS.join(', ')}`)
    .addHelpText('after', examples('precrm help stages', 'precrm help dates', 'precrm help touch log', 'precrm help csv'))
    .action(async (words: string[]) => {
      const command = findCommand(program, words);
      if (command) {
        command.outputHelp();
        return;
      }
      const topic = TOPICS.find((t) => t === words.join(' ').trim().toLowerCase());
      if (!topic) {
        throw usageError(`no command or help topic "${words.join(' ')}" (topics: ${TOPICS.join(', ')}; commands: precrm --help)`);
      }
      const { topicText } = await import('./help-topics.js');
      await ctx.term.page(topicText(topic, ctx.term.helpWidth('out')));
    });
}

/** `touch log` → the `log` command under `touch`; no words → the program itself. */
function findCommand(program: Command, words: string[]): Command | undefined {
  let command: Command | undefined = program;
  for (const word of words) command = command?.commands.find((c) => c.name() === word || c.aliases().includes(word));
  return command;
}
