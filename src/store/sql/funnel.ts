// The funnel's figures aggregated inside the database, from the journey columns every write keeps (furthest_rank,
// reach_ms_<r>, computed by the domain's journeyOf): counts by one GROUP BY over the (stage, furthest_rank) index,
// medians by stepping to the middle of each reach_ms_<r> index — no prospect row is read into JavaScript.
import { DAY_MS } from '../../domain/reports/instants.js';
import { median } from '../../domain/reports/stats.js';
import { PATH_STAGES } from '../../domain/types.js';
import type { SqlRunner } from './runner.js';

/** What the funnel counts of a cohort, per path rank (aware = 0 … advocate = 5). */
export interface FunnelCounts {
  cohort: number;
  /** Furthest rank at or beyond r. */
  reached: number[];
  /** Now in stage r. */
  current: number[];
  /** Lost with r as the furthest rank. */
  lost: number[];
  /** Median days from creation to first reaching rank r (or beyond); null when nobody did. */
  medianDays: (number | null)[];
}

const RANK: Record<string, number> = Object.fromEntries(PATH_STAGES.map((s, i) => [s, i]));

/** The funnel of the prospects a WHERE clause on prospects (aliased p) selects; the clause must be exact. */
export async function funnelCounts(db: SqlRunner, where: string, params: readonly unknown[]): Promise<FunnelCounts> {
  const counts: FunnelCounts = {
    cohort: 0, reached: PATH_STAGES.map(() => 0), current: PATH_STAGES.map(() => 0), lost: PATH_STAGES.map(() => 0), medianDays: [],
  };
  const groups = await db.rows(`SELECT stage, furthest_rank, count(*) FROM prospects p WHERE ${where} GROUP BY stage, furthest_rank`, params);
  for (const [stage, f, count] of groups) {
    const [furthest, n] = [Number(f), Number(count)];
    counts.cohort += n;
    for (let r = 0; r <= furthest; r++) counts.reached[r]! += n;
    const now = RANK[stage as string];
    if (now !== undefined) counts.current[now]! += n;
    else counts.lost[furthest]! += n;
  }
  for (let r = 0; r < PATH_STAGES.length; r++) counts.medianDays.push(await middleDays(db, where, params, r, counts.reached[r]!));
  return counts;
}

/**
 * The median of the days to rank r over the n prospects that reached it: the middle value, or the two middle ones
 * averaged by the domain's own median (so the figure is the same double the JSON backend computes).
 */
async function middleDays(db: SqlRunner, where: string, params: readonly unknown[], r: number, n: number): Promise<number | null> {
  if (n === 0) return null;
  const column = `reach_ms_${r}`;
  const middle = await db.rows(`SELECT ${column} FROM prospects p WHERE ${where} AND ${column} IS NOT NULL ORDER BY ${column} LIMIT ? OFFSET ?`,
    [...params, n % 2 === 1 ? 1 : 2, (n - 1) >> 1]);
  return median(middle.map((row) => Number(row[0]) / DAY_MS));
}
