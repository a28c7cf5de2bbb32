// `precrm prospect merge <keep> <other>`: the other record of a person moves onto the kept one, in one store
// transaction, after a confirmation.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { candidateDetails } from '../../domain/references.js';
import { label } from '../../domain/referrals.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, written, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import type { MergeResult } from './merge-in.js';

export interface MergeOptions { keep: string; other: string }
/** Declined at the question, or merged: the kept record and what moved onto it from `otherId` (now deleted). */
export type MergeOutcome = { merged: false } | { merged: true; otherId: number; result: MergeResult };

export function register(parent: Command): Command {
  return parent.command('merge <keep> <other>').description('merge a duplicate into the prospect to keep: touches, purchase, responses and referrals move over, empty fields are filled, the duplicate is deleted (asks first)')
    .addHelpText('after', examples(
      'precrm prospect merge 12 13          # 13 goes into 12; 12 stays',
      'precrm prospect merge lucie@example.com 13 --yes',
      'precrm prospect merge 12 13 --yes --json   # the merged record',
    ));
}

export const parse = ([keep, other]: Args): MergeOptions => ({ keep: keep as string, other: other as string });

export async function run(ctx: Pick<Context, 'stores' | 'clock' | 'prompts' | 'term'>, options: MergeOptions): Promise<MergeOutcome> {
  const store = await ctx.stores.open();
  const keep = await findProspect(store, options.keep);
  const other = await findProspect(store, options.other);
  // Loaded when it runs, not at start-up: the merge rules.
  const { mergeIn, refuseImpossibleMerge } = await import('./merge-in.js');
  // Refused before asking: a merge that cannot happen should not cost a confirmation.
  await refuseImpossibleMerge(store, keep, other);
  // Said before the question, which they are part of: the two records it is about.
  ctx.term.info(`keep   ${keep.id}  ${keep.name} (${candidateDetails(keep)})`);
  ctx.term.info(`merge  ${other.id}  ${other.name} (${candidateDetails(other)})`);
  const question = `Merge prospect ${other.id} into ${label(keep)}? Its touches, purchases, responses and referrals move to ${keep.id}; ${other.id} is deleted.`;
  if (!(await ctx.prompts.confirmDestructive(question, 'prospect merge'))) return { merged: false };
  const result = await store.transaction((tx) => mergeIn(tx, keep.id, other.id, ctx.clock.now().toISOString()));
  return { merged: true, otherId: other.id, result };
}

export function show(outcome: MergeOutcome): Shown {
  if (!outcome.merged) return [info('nothing merged')];
  const { otherId, result: { prospect: p, moved: { touches, purchases, responses, referrals } } } = outcome;
  return [
    info(`merged prospect ${otherId} into ${label(p)} (${p.stage}): moved ${touches} touch(es), ${purchases} purchase(s), ${responses} survey response(s), ${referrals} referral(s); prospect ${otherId} is deleted`),
    written([p]),
  ];
}

export const merge: Verb<object, MergeOptions, MergeOutcome> = { register, parse, run, show };
