// Stage rules of docs/CONTRACT.md §1: ordered path, furthest stage reached, and history that only grows.
// The one home of the stage lists: the path (types.ts, with the record), the open and closed stages, the ranks.
import { usageError } from './errors.js';
import { PATH_STAGES, STAGES, type PathStage, type Prospect, type Stage } from './types.js';

/** Before any purchase, still in play: where a new prospect starts, and whom `stale` lists. */
export const OPEN_STAGES = ['aware', 'interested', 'engaged', 'intent'] as const satisfies readonly PathStage[];
/** After a purchase: a customer, and a customer who refers others. */
export const BOUGHT_STAGES = ['customer', 'advocate'] as const satisfies readonly PathStage[];
/** Decided either way: bought, or lost (off the path). */
export const CLOSED_STAGES = [...BOUGHT_STAGES, 'lost'] as const satisfies readonly Stage[];

/** Position on the path (aware = 0 … advocate = 5); `lost` has none. */
export const STAGE_RANK: Readonly<Record<PathStage, number>> = Object.freeze(
  Object.fromEntries(PATH_STAGES.map((s, i) => [s, i])) as Record<PathStage, number>,
);
const RANK: Readonly<Record<string, number>> = STAGE_RANK;

/** Position on the path (aware = 0 … advocate = 5); -1 for `lost`. */
export function stageRank(stage: Stage): number {
  return RANK[stage] ?? -1;
}

export function parseStage(input: string): Stage {
  const s = input.trim().toLowerCase();
  if ((STAGES as readonly string[]).includes(s)) return s as Stage;
  throw usageError(`unknown stage "${input}" (use one of: ${STAGES.join(', ')})`);
}

/** The furthest path stage ever reached, from the history (lost does not count). */
export function furthestStage(p: Pick<Prospect, 'stageHistory'>): PathStage {
  let best = 0;
  for (const h of p.stageHistory) {
    const r = RANK[h.stage];
    if (r !== undefined && r > best) best = r;
  }
  return PATH_STAGES[best]!;
}

/** Moves a prospect to a stage, appending to its history; a no-op when it is already there. */
export function moveToStage(p: Prospect, stage: Stage, at: string): boolean {
  if (p.stage === stage) return false;
  p.stage = stage;
  p.stageHistory.push({ stage, at });
  p.updatedAt = at;
  return true;
}

/**
 * The stages a new prospect may start in: the open ones. Customer and advocate come through a purchase
 * (convert), lost through `prospect lose`. The add prompt offers exactly these.
 */
export const START_STAGES = OPEN_STAGES;

/**
 * Where a new prospect starts unless told: a passer-by known only by a description is `aware` (noticed, not yet
 * met); a person whose name we know is `interested`.
 */
export const defaultStartStage = (named: boolean): Stage => (named ? 'interested' : 'aware');

/** A new prospect's stage; anything else is a usage error naming the ones it can be. */
export function parseStartStage(input: string): Stage {
  const stage = parseStage(input);
  if ((START_STAGES as readonly string[]).includes(stage)) return stage;
  const how = stage === 'lost' ? 'lost is set with precrm prospect lose' : `${stage} comes with a purchase: precrm convert`;
  throw usageError(`a new prospect starts as one of: ${START_STAGES.join(', ')} (${how}, after adding it)`);
}

const OPEN = new Set<Stage>(OPEN_STAGES);
const BOUGHT = new Set<Stage>(BOUGHT_STAGES);
/** An open stage (OPEN_STAGES). */
export const isPreCustomer = (s: Stage): boolean => OPEN.has(s);
/** A stage after a purchase (BOUGHT_STAGES). */
export const isCustomer = (s: Stage): boolean => BOUGHT.has(s);
