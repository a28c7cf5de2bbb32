// `precrm prospect reopen <prospect>`: a lost prospect is back, at the furthest stage it had reached.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { reopenProspect } from '../../domain/lifecycle.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

export interface ReopenOptions { ref: string }

export function register(parent: Command): Command {
  return parent.command('reopen <prospect>').description('a lost prospect is back: return to the furthest stage reached before')
    .addHelpText('after', examples('precrm prospect reopen tomas', 'precrm prospect reopen 12 --json'));
}

export const parse = ([ref]: Args): ReopenOptions => ({ ref: ref as string });

export const run = (ctx: Pick<Context, 'stores' | 'clock'>, { ref }: ReopenOptions): Promise<Prospect> => updateProspect(ctx, ref, reopenProspect);

export const show = (p: Prospect): Shown => [info(`${label(p)} is reopened at ${p.stage}, the furthest stage it had reached`), written([p])];

export const reopen: Verb<object, ReopenOptions, Prospect> = { register, parse, run, show };
