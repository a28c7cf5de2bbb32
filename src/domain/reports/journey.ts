// What every report needs to know about one prospect's path, read from its stage history in one pass.
import { touchedBeforeConversion } from '../lifecycle.js';
import type { CohortMember, CohortTouch } from '../queries.js';
import { toMs } from './instants.js';
import { STAGE_RANK } from '../stages.js';

const RANK: Readonly<Record<string, number>> = STAGE_RANK;
const CUSTOMER_RANK = RANK.customer!;

export interface Journey {
  createdMs: number;
  /** Rank of the furthest path stage ever reached (aware = 0 … advocate = 5); lost does not count. */
  furthest: number;
  /** firstMs[r]: when the prospect first reached rank r or beyond, in ms (NaN if never). */
  firstMs: number[];
  /** When the first purchase happened (ms), or null for a prospect who has not converted. */
  convertedMs: number | null;
  /** The same instant as stored (ISO), for the touches-before-conversion rule. */
  convertedAt: string | null;
}

/**
 * Reads a prospect's history. A skipped stage counts as reached when a later one is (aware → intent
 * reaches interested and engaged at the same moment); backwards moves never lower the furthest stage.
 * Everyone is at least aware from creation, so aware falls back to createdAt.
 */
export function journeyOf(p: Pick<CohortMember, 'stageHistory' | 'createdAt' | 'conversion'>): Journey {
  const firstMs = [NaN, NaN, NaN, NaN, NaN, NaN];
  let customerAt: string | null = null;
  let furthest = 0;
  for (const h of p.stageHistory) {
    const r = RANK[h.stage];
    if (r === undefined) continue;
    if (r > furthest) furthest = r;
    const at = toMs(h.at);
    if (r >= CUSTOMER_RANK && !(firstMs[CUSTOMER_RANK]! <= at)) customerAt = h.at;
    // `!(x <= at)` is also true for NaN, the "not yet" value.
    for (let i = 0; i <= r; i++) if (!(firstMs[i]! <= at)) firstMs[i] = at;
  }
  const createdMs = toMs(p.createdAt);
  if (Number.isNaN(firstMs[0])) firstMs[0] = createdMs;
  let convertedMs: number | null = null;
  let convertedAt: string | null = null;
  if (p.conversion) {
    convertedMs = toMs(p.conversion.at);
    convertedAt = p.conversion.at;
    // A conversion is a purchase even if the history lacks its entry (hand-edited data).
    if (furthest < CUSTOMER_RANK) {
      furthest = CUSTOMER_RANK;
      for (let i = 1; i <= CUSTOMER_RANK; i++) if (Number.isNaN(firstMs[i])) firstMs[i] = convertedMs;
    }
  } else if (furthest >= CUSTOMER_RANK) {
    convertedMs = firstMs[CUSTOMER_RANK]!;
    convertedAt = customerAt;
  }
  return { createdMs, furthest, firstMs, convertedMs, convertedAt };
}

/** Touches grouped by prospect id, built once per report (no per-prospect scans). */
export function touchesByProspect<T extends CohortTouch>(touches: readonly T[]): Map<number, T[]> {
  const byProspect = new Map<number, T[]>();
  for (const t of touches) {
    const list = byProspect.get(t.prospectId);
    if (list) list.push(t);
    else byProspect.set(t.prospectId, [t]);
  }
  return byProspect;
}

/** The instants to count touches up to (StoreReader.countTouchesUpTo) for the converted members of a cohort. */
export function conversionInstants(members: readonly CohortMember[]): { prospectId: number; at: string }[] {
  const out: { prospectId: number; at: string }[] = [];
  for (const p of members) {
    const at = journeyOf(p).convertedAt;
    if (at !== null) out.push({ prospectId: p.id, at });
  }
  return out;
}

export { touchedBeforeConversion };
