// `precrm prospect stage <prospect> <stage>`: moves a prospect by hand (customer only through convert).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { checkManualStage, stageProspect } from '../../domain/lifecycle.js';
import { label } from '../../domain/referrals.js';
import { parseStage } from '../../domain/stages.js';
import type { Prospect, Stage } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

export interface StageOptions { ref: string; stage: Stage }

export function register(parent: Command): Command {
  return parent.command('stage <prospect> <stage>').description('move to a stage (customer only through convert)')
    .addHelpText('after', examples('precrm prospect stage ravi engaged', 'precrm prospect stage 12 intent'));
}

export function parse([ref, stage]: Args): StageOptions {
  return { ref: ref as string, stage: checkManualStage(parseStage(stage as string), ref as string) };
}

export const run = (ctx: Pick<Context, 'stores' | 'clock'>, { ref, stage }: StageOptions): Promise<Prospect> =>
  updateProspect(ctx, ref, (target, at) => stageProspect(target, stage, at));

export const show = (p: Prospect): Shown => [info(`${label(p)} is now ${p.stage}`), written([p])];

export const stage: Verb<object, StageOptions, Prospect> = { register, parse, run, show };
