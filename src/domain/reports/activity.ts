// report activity: how many touches were made per day, week or month, optionally per type or per staff member.
import type { CohortTouch } from '../queries.js';
import { compareGroups } from './groups.js';
import { toMs } from './instants.js';
import { periodKeyer, periodsBetween, type Period } from './periods.js';

export const ACTIVITY_GROUPS = ['type', 'staff'] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

export interface ActivityQuery { period: Period; by?: ActivityGroup }

export interface ActivityRow {
  /** The touch type or staff member (`by`; null = not recorded) with `by`, else undefined. */
  group?: string | null;
  /** `2026-03-05`, ISO week `2026-W10` or `2026-03`, local time. */
  period: string;
  touches: number;
  /** Distinct prospects touched in the period. */
  prospects: number;
}

interface Cell { touches: number; prospects: Set<number> }

/**
 * Touches of the cohort's prospects per period, from the first touch to the last with empty periods
 * filled in; with `by`, each group gets its full run of periods (groups alphabetical, none last).
 */
/** `touches`: those of the cohort's prospects (StoreReader.cohortTouches). */
export function activityReport(touches: readonly CohortTouch[], q: ActivityQuery): ActivityRow[] {
  const keyOf = periodKeyer(q.period);
  const cells = new Map<string | null, Map<string, Cell>>();
  let first = Infinity;
  let last = -Infinity;
  for (const t of touches) {
    const at = toMs(t.at);
    if (at < first) first = at;
    if (at > last) last = at;
    const group = q.by === 'type' ? t.type : q.by === 'staff' ? t.by : null;
    let periods = cells.get(group);
    if (!periods) cells.set(group, (periods = new Map()));
    const key = keyOf(at);
    let cell = periods.get(key);
    if (!cell) periods.set(key, (cell = { touches: 0, prospects: new Set() }));
    cell.touches++;
    cell.prospects.add(t.prospectId);
  }
  if (cells.size === 0) return [];
  const run = periodsBetween(first, last, q.period);
  return [...cells.keys()].sort(compareGroups).flatMap((group) => run.map((period) => {
    const cell = cells.get(group)!.get(period);
    const row = { period, touches: cell?.touches ?? 0, prospects: cell?.prospects.size ?? 0 };
    return q.by ? { group, ...row } : row;
  }));
}
