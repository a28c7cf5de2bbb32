// report activity: how many touches were made per day, week or month, optionally per type or per staff member.
import type { CohortTouch } from '../queries.js';
import { perPeriod } from './period-cells.js';
import type { Period } from './periods.js';

export const ACTIVITY_GROUPS = ['type', 'staff'] as const;
type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

interface ActivityQuery { period: Period; by?: ActivityGroup }

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
  return perPeriod(touches, q, (): Cell => ({ touches: 0, prospects: new Set() }), (cell, t) => {
    cell.touches++;
    cell.prospects.add(t.prospectId);
  }, (period, cell) => ({ period, touches: cell?.touches ?? 0, prospects: cell?.prospects.size ?? 0 }));
}
