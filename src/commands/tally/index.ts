// `precrm tally`: counts of anonymous touches (people greeted, samples handed out); one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { log } from './log.js';

export function registerTally(program: Command, ctx: Context): void {
  const tally = program.command('tally').description('counts of anonymous touches: people greeted, samples handed out')
    .addHelpText('after', examples('precrm tally log greeting 40', 'precrm tally log sample 60 --note "market stall" --cost 900 --currency INR'));
  attach(tally, ctx, log);
}
