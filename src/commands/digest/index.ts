// `precrm digest`, a top-level command: the week (or day) in figures, for cron mail.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { digest } from './digest.js';

export { DIGEST_FORMATS } from './digest.js';

export function registerDigest(program: Command, ctx: Context): void {
  attach(program, ctx, digest);
}
