// `precrm convert`: a top-level verb, attached to the program.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { convert } from './convert.js';

export function registerConvert(program: Command, ctx: Context): void {
  attach(program, ctx, convert);
}
