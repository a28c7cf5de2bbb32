// Where a merged prospect stands: its first purchase, its stage history joined in time order, and its stage.
import { stageTime } from './lifecycle.js';
import { furthestStage, isCustomer, moveToStage, stageRank } from './stages.js';
import type { Conversion, Prospect, Stage, StageChange, Touch } from './types.js';

/** A first purchase that lost its place to an earlier one, with the record it was recorded on. */
export interface LaterPurchase { conversion: Conversion; from: Prospect }

/**
 * The conversion is the first purchase: of two, the earlier stays the conversion (the kept record's on the same
 * instant) and the later one becomes a purchase touch, as later purchases are logged. Never a conflict: both happened.
 */
export function pickConversion(keep: Prospect, other: Prospect): { conversion: Conversion | null; later: LaterPurchase | null } {
  if (keep.conversion === null || other.conversion === null) return { conversion: keep.conversion ?? other.conversion, later: null };
  const otherFirst = other.conversion.at < keep.conversion.at;
  return otherFirst
    ? { conversion: other.conversion, later: { conversion: keep.conversion, from: keep } }
    : { conversion: keep.conversion, later: { conversion: other.conversion, from: other } };
}

/** The later purchase as an inbound visit on the kept record, its note saying what was bought and where it was recorded. */
export function purchaseTouch(id: number, keepId: number, { conversion: c, from }: LaterPurchase): Touch {
  const value = c.value === null ? '' : ` of ${c.value}${c.currency ? ` ${c.currency}` : ''}`;
  const product = c.product ? `: ${c.product}` : '';
  const note = `purchase${value}${product} (the first purchase recorded on prospect ${from.id} before the merge)`;
  return { id, prospectId: keepId, type: 'visit', at: c.at, note, outcome: null, direction: 'in', by: null, cost: null, currency: null };
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
export function mergedStage(keep: Prospect, other: Prospect, history: readonly StageChange[], bought: boolean, hasReferred: boolean): Stage {
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
