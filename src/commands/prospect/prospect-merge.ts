// prospect merge: the other record of a person moves onto the kept one, in one store transaction, after a confirmation.
import type { Context } from '../../context/context.js';
import { checkMergeable, mergeProspects, mergedReferrerId, type MergeResult } from '../../domain/merge.js';
import { candidateDetails } from '../../domain/references.js';
import { label, type ReferrerLink } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreReader, StoreTransaction } from '../../store/store.js';
import { confirmDestructive, printWritten } from '../common/io.js';
import { findProspect, referrerChain } from '../common/lookup.js';
import { moveOccasions } from './occasion-links.js';

/** The referrer the merged record would have, with its chain up (for the no-circle rule). */
async function mergedReferrer(reader: StoreReader, keep: Prospect, other: Prospect): Promise<ReferrerLink | null> {
  const id = mergedReferrerId(keep, other);
  const referrer = id === null ? null : await reader.getProspect(id);
  return referrer && { referrer, chain: await referrerChain(reader, referrer) };
}

/** Reads what the merge moves, computes it and writes it: all inside the caller's transaction. */
async function mergeIn(tx: StoreTransaction, keepId: number, otherId: number, at: string): Promise<MergeResult> {
  const [keep, other] = [await findProspect(tx, String(keepId)), await findProspect(tx, String(otherId))];
  const [touches, responses, purchases, referredByOther, keepReferred] = await Promise.all([
    tx.listTouches({ prospectId: other.id }), tx.listResponses({ prospectId: other.id }), tx.purchasesOf([keep.id, other.id]),
    tx.referralsOf(other.id), tx.referralsOf(keep.id),
  ]);
  const referrer = await mergedReferrer(tx, keep, other);
  checkMergeable(keep, other, referrer);
  const keepHasReferred = keepReferred.some((p) => p.id !== other.id);
  const merged = mergeProspects({ keep, other, touches, responses, purchases, referredByOther, keepHasReferred, referrer }, at);
  await moveOccasions(tx, other.id, keep.id);
  await applyChanges(tx, merged.changes);
  return merged;
}

export async function mergeRun(ctx: Context, keepRef: string, otherRef: string): Promise<void> {
  const store = await ctx.stores.open();
  const keep = await findProspect(store, keepRef);
  const other = await findProspect(store, otherRef);
  // Refused before asking: a merge that cannot happen should not cost a confirmation.
  checkMergeable(keep, other, await mergedReferrer(store, keep, other));
  ctx.term.info(`keep   ${keep.id}  ${keep.name} (${candidateDetails(keep)})`);
  ctx.term.info(`merge  ${other.id}  ${other.name} (${candidateDetails(other)})`);
  const question = `Merge prospect ${other.id} into ${label(keep)}? Its touches, purchases, responses and referrals move to ${keep.id}; ${other.id} is deleted.`;
  if (!(await confirmDestructive(ctx, question, 'prospect merge'))) {
    ctx.term.info('nothing merged');
    return;
  }
  const done = await store.transaction((tx) => mergeIn(tx, keep.id, other.id, ctx.clock.now().toISOString()));
  const { touches, purchases, responses, referrals } = done.moved;
  ctx.term.info(`merged prospect ${other.id} into ${label(done.prospect)} (${done.prospect.stage}): moved ${touches} touch(es), ${purchases} purchase(s), ${responses} survey response(s), ${referrals} referral(s); prospect ${other.id} is deleted`);
  printWritten(ctx, [done.prospect]);
}
