// `precrm touch`: the interactions of a relationship (greetings, visits, samples, calls …); one file per verb.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { list } from './list.js';
import { log } from './log.js';
import { remove } from './remove.js';

export function registerTouch(program: Command, ctx: Context): void {
  const touch = program.command('touch').description('interactions: greetings, visits, samples, calls, messages …')
    .addHelpText('after', examples('precrm touch log ravi greeting "waved back"', 'precrm touch list ravi', 'precrm touch remove 42'));
  attach(touch, ctx, log);
  attach(touch, ctx, list);
  attach(touch, ctx, remove);
}
