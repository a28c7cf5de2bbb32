// `precrm stale`, a top-level command: who has gone quiet.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { attach } from '../verb.js';
import { stale } from './stale.js';

export function registerStale(program: Command, ctx: Context): void {
  attach(program, ctx, stale);
}
