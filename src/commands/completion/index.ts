// `precrm completion`, a top-level command: the shell scripts that complete precrm's command lines.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { completion } from './completion.js';

export function registerCompletion(program: Command, ctx: Context): void {
  attach(program, ctx, completion);
}
