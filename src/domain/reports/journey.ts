// What every report needs to know about one prospect's path, read from its stage history in one pass.
import { PATH_STAGES, type Prospect, type Touch } from '../types.js';

const RANK: Record<string, number> = Object.fromEntries(PATH_STAGES.map((s, i) => [s, i]));
export const CUSTOMER_RANK = RANK.customer!;

export interface Journey {
  /** Rank of the furthest path stage ever reached (aware = 0 … advocate = 5); lost does not count. */
  furthest: number;
  /** firstAt[r]: when the prospect first reached rank r or beyond (null if never). */
  firstAt: (string | null)[];
  /** When the first purchase happened, or null for a prospect who has not converted. */
  convertedAt: string | null;
}

/**
 * Reads a prospect's history. A skipped stage counts as reached when a later one is (aware → intent
 * reaches interested and engaged at the same moment); backwards moves never lower the furthest stage.
 * Everyone is at least aware from creation, so aware falls back to createdAt.
 */
export function journeyOf(p: Prospect): Journey {
  const firstAt: (string | null)[] = PATH_STAGES.map(() => null);
  let furthest = 0;
  for (const h of p.stageHistory) {
    const r = RANK[h.stage];
    if (r === undefined) continue;
    if (r > furthest) furthest = r;
    for (let i = 0; i <= r; i++) if (firstAt[i] === null || Date.parse(h.at) < Date.parse(firstAt[i]!)) firstAt[i] = h.at;
  }
  firstAt[0] ??= p.createdAt;
  if (p.conversion && furthest < CUSTOMER_RANK) {
    // A conversion is a purchase even if the history lacks its entry (hand-edited data).
    furthest = CUSTOMER_RANK;
    for (let i = 1; i <= CUSTOMER_RANK; i++) firstAt[i] ??= p.conversion.at;
  }
  const convertedAt = p.conversion?.at ?? (furthest >= CUSTOMER_RANK ? firstAt[CUSTOMER_RANK]! : null);
  return { furthest, firstAt, convertedAt };
}

/** Touches grouped by prospect id, built once per report (no per-prospect scans). */
export function touchesByProspect(touches: readonly Touch[]): Map<number, Touch[]> {
  const byProspect = new Map<number, Touch[]>();
  for (const t of touches) {
    const list = byProspect.get(t.prospectId);
    if (list) list.push(t);
    else byProspect.set(t.prospectId, [t]);
  }
  return byProspect;
}

/** Touches on or before the conversion instant (the one that closed the sale counts). */
export function touchesBefore(touches: readonly Touch[] | undefined, convertedAt: string): Touch[] {
  if (!touches) return [];
  const limit = Date.parse(convertedAt);
  return touches.filter((t) => Date.parse(t.at) <= limit);
}
