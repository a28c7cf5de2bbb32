// `precrm help`, a top-level command in place of commander's own: a command's help or a topic of the manual.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { helpOn } from './help.js';

export { TOPICS } from './help.js';

export function registerHelp(program: Command, ctx: Context): void {
  program.helpCommand(false);
  attach(program, ctx, helpOn(program));
}
