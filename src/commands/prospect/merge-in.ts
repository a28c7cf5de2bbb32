// The reads and writes of `prospect merge`: whether two records may merge, and the merge itself inside a store
// transaction. Loaded when the verb runs, so the merge rules stay out of every command's start-up.
import { checkMergeable, mergeProspects, mergedReferrerId, type MergeResult } from '../../domain/merge.js';
import type { ReferrerLink } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { applyChanges } from '../../store/apply.js';
import type { StoreReader, StoreTransaction } from '../../store/store.js';
import { findProspect, referrerChain } from '../common/lookup.js';
import { moveOccasions } from './occasion-links.js';

export type { MergeResult };

/** The referrer the merged record would have, with its chain up (for the no-circle rule). */
async function mergedReferrer(reader: StoreReader, keep: Prospect, other: Prospect): Promise<ReferrerLink | null> {
  const id = mergedReferrerId(keep, other);
  const referrer = id === null ? null : await reader.getProspect(id);
  return referrer && { referrer, chain: await referrerChain(reader, referrer) };
}

/** Throws when the two cannot merge (the same record, a forgotten one, a referral circle). */
export async function refuseImpossibleMerge(reader: StoreReader, keep: Prospect, other: Prospect): Promise<void> {
  checkMergeable(keep, other, await mergedReferrer(reader, keep, other));
}

/** Reads what the merge moves, computes it and writes it: all inside the caller's transaction. */
export async function mergeIn(tx: StoreTransaction, keepId: number, otherId: number, at: string): Promise<MergeResult> {
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
