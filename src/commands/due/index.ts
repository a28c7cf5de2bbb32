// `precrm due`, a top-level command: the daily list of who to get in touch with.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { due } from './due.js';

export { DUE_FORMATS } from './due.js';

export function registerDue(program: Command, ctx: Context): void {
  attach(program, ctx, due);
}
