// `precrm prospect lose <prospect> --reason …`: the relationship ended without a purchase (the furthest stage is kept).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { loseProspect } from '../../domain/lifecycle.js';
import { checkText } from '../../domain/prospect.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

export interface LoseOptions { ref: string; reason: string }
/** The lost record; `wasLost` when it already was (then only the reason changed). */
export interface LoseResult { prospect: Prospect; wasLost: boolean }

export function register(parent: Command): Command {
  return parent.command('lose <prospect>').description('the relationship ended without a purchase (keeps the furthest stage reached)')
    .requiredOption('--reason <text>', 'why, in a few words')
    .addHelpText('after', examples('precrm prospect lose tomas --reason "moved to Madrid"', 'precrm prospect lose 12 --reason "chose another bakery"'));
}

export function parse([ref]: Args, flags: { reason: string }): LoseOptions {
  const reason = checkText('--reason', flags.reason.trim());
  if (!reason) throw usageError('--reason is empty (say why, e.g. --reason "moved away")');
  return { ref: ref as string, reason };
}

export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, reason }: LoseOptions): Promise<LoseResult> {
  let wasLost = false;
  const prospect = await updateProspect(ctx, ref, (target, at) => {
    const lost = loseProspect(target, reason, at);
    wasLost = lost.wasLost;
    return lost.prospect;
  });
  return { prospect, wasLost };
}

export function show({ prospect: p, wasLost }: LoseResult): Shown {
  return [info(wasLost ? `${label(p)} was already lost; reason updated` : `${label(p)} is lost (reopen with: precrm prospect reopen ${p.id})`), written([p])];
}

export const lose: Verb<{ reason: string }, LoseOptions, LoseResult> = { register, parse, run, show };
