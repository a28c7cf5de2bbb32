// `precrm prospect follow-up <prospect> [when] [note]`: plans the next action (a date and a short note), or --clear it.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDay } from '../../domain/dates.js';
import { usageError } from '../../domain/errors.js';
import { checkText } from '../../domain/prospect.js';
import { planFollowUp } from '../../domain/prospect-changes.js';
import { label } from '../../domain/referrals.js';
import type { FollowUp, Prospect } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { parseDateOption } from '../common/options.js';
import { info, warn, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { updateProspect } from './update.js';

export interface FollowUpOptions { ref: string; followUp: FollowUp | null }
/** The record; `passed` when the planned date is already behind us (then it is due now). */
export interface FollowUpResult { prospect: Prospect; passed: boolean }

export function register(parent: Command): Command {
  return parent.command('follow-up <prospect> [when] [note]').description('plan the next action (a date and a short note), or --clear it')
    .option('--clear', 'remove the planned follow-up')
    .addHelpText('after', examples('precrm prospect follow-up ravi friday "offer a slice of the new cake"', 'precrm prospect follow-up 12 3d', 'precrm prospect follow-up 12 --clear'));
}

export function parse([ref, when, note]: Args, flags: { clear?: boolean }, ctx: Pick<Context, 'clock'>): FollowUpOptions {
  if (flags.clear && (when !== undefined || note !== undefined)) throw usageError('give either a date (and note) or --clear, not both');
  if (!flags.clear && when === undefined) throw usageError('missing date (usage: precrm prospect follow-up <prospect> <when> [note], or --clear)');
  const followUp = flags.clear ? null : {
    at: parseDateOption(when as string, ctx.clock.now(), 'future', 'follow-up date'),
    note: note === undefined || (note as string).trim() === '' ? null : checkText('note', (note as string).trim()),
  };
  return { ref: ref as string, followUp };
}

export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, followUp }: FollowUpOptions): Promise<FollowUpResult> {
  const prospect = await updateProspect(ctx, ref, (target, at) => planFollowUp(target, followUp, at));
  return { prospect, passed: followUp !== null && followUp.at < ctx.clock.now().toISOString() };
}

export function show({ prospect: p, passed }: FollowUpResult, { followUp }: FollowUpOptions): Shown {
  return [
    info(followUp ? `follow-up for ${label(p)} on ${showDay(followUp.at)}` : `follow-up for ${label(p)} cleared`),
    ...(passed ? [info('that date has passed: the follow-up is due now')] : []),
    ...(followUp && p.doNotContact ? [warn(`${label(p)} asked not to be contacted; the follow-up will not appear in \`precrm due\``)] : []),
    written([p]),
  ];
}

export const followUp: Verb<{ clear?: boolean }, FollowUpOptions, FollowUpResult> = { register, parse, run, show };
