// Where a merged prospect stands: its first purchase, its stage history joined in time order, and its stage.
import { firstPurchases } from './first-purchase.js';
import { stageTime } from './lifecycle.js';
import { conversionOf } from './purchases.js';
import { furthestStage, isCustomer, moveToStage, stageRank } from './stages.js';
import type { Conversion, Prospect, Purchase, Stage, StageChange } from './types.js';

/**
 * The merged record's purchases (both records' own, re-pointed to the kept one) and its conversion: the first of
 * them by time, then id, as on any record. Never a conflict: every purchase happened, so none is dropped.
 */
export function mergedPurchases(keep: Prospect, other: Prospect, purchases: readonly Purchase[]): { moved: Purchase[]; conversion: Conversion | null } {
  const moved = purchases.filter((u) => u.prospectId === other.id).map((u) => ({ ...u, prospectId: keep.id }));
  const first = firstPurchases([...purchases.filter((u) => u.prospectId === keep.id), ...moved]).get(keep.id);
  // A record that holds no purchase row keeps the conversion it carries (the store writes its row).
  return { moved, conversion: first ? conversionOf(first) : keep.conversion ?? other.conversion };
}

/** Both histories, in time order (the kept record's entry first on the same instant); nothing is dropped. */
function joinHistories(keep: Prospect, other: Prospect): StageChange[] {
  const tagged = [...keep.stageHistory, ...other.stageHistory].map((h, i) => ({ h, i }));
  return tagged.sort((a, b) => (a.h.at < b.h.at ? -1 : a.h.at > b.h.at ? 1 : a.i - b.i)).map((x) => ({ ...x.h }));
}

/**
 * The merged stage. A purchase on either record makes a customer (an advocate when either was one or the merged
 * record has referred someone). Otherwise lost when the latest change of stage of the two was a loss; else the
 * further of the two stages, a lost record counting at the stage `prospect reopen` would return it to.
 */
function mergedStage(keep: Prospect, other: Prospect, history: readonly StageChange[], bought: boolean, hasReferred: boolean): Stage {
  if (bought) return keep.stage === 'advocate' || other.stage === 'advocate' || hasReferred ? 'advocate' : 'customer';
  if (history.at(-1)?.stage === 'lost') return 'lost';
  const standing = (p: Prospect): Stage => (p.stage === 'lost' ? furthestStage(p) : p.stage);
  return stageRank(standing(other)) > stageRank(standing(keep)) ? standing(other) : standing(keep);
}

/**
 * Sets `next` (the kept record's working copy, its conversion already chosen) to the joined history and the merged
 * stage; when the history's last entry is not that stage, the move is appended at the merge, as any change is.
 */
export function mergedHistory(next: Prospect, keep: Prospect, other: Prospect, hasReferred: boolean, at: string): void {
  const history = joinHistories(keep, other);
  const bought = next.conversion !== null || isCustomer(keep.stage) || isCustomer(other.stage);
  const stage = mergedStage(keep, other, history, bought, hasReferred);
  next.stageHistory = history;
  next.stage = history.at(-1)?.stage ?? keep.stage;
  moveToStage(next, stage, stageTime(next, at, at));
  const lostOne = [keep, other].find((p) => p.stage === 'lost');
  next.lostReason = stage === 'lost' ? lostOne?.lostReason ?? null : null;
  next.updatedAt = at;
}
