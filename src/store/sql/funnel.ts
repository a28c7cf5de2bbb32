// The funnel's figures aggregated inside the database from funnel_reach (one row per path rank a prospect
// reached, with the milliseconds it took, from the domain's journeyOf on every write): counts by GROUP BY, medians
// by stepping to the middle of the (rank, ms) index — no prospect row is read into JavaScript.
import type { FunnelCounts } from '../../domain/reports/funnel.js';
import { DAY_MS } from '../../domain/reports/instants.js';
import { median } from '../../domain/reports/stats.js';
import { PATH_STAGES, STAGES } from '../../domain/types.js';
import { compileProspectFilter, EVERY_PROSPECT, type SqlCondition } from './filter.js';
import type { SqlRunner } from './runner.js';

const RANK: Record<string, number> = Object.fromEntries(PATH_STAGES.map((s, i) => [s, i]));
/** The stages off the path (lost): a prospect there counts as lost at its furthest rank. */
const OFF_PATH = compileProspectFilter({ stages: STAGES.filter((s) => RANK[s] === undefined) });

/** Counts per rank from rows of (rank, count). */
function perRank(rows: unknown[][]): number[] {
  const counts = PATH_STAGES.map(() => 0);
  for (const [rank, n] of rows) counts[Number(rank)] = Number(n);
  return counts;
}

/**
 * The funnel's figures (domain/reports/funnel.ts tallyFunnel defines them) of the prospects a condition on
 * prospects (aliased p, from compileProspectFilter) selects.
 */
export async function funnelCounts(db: SqlRunner, cohort: SqlCondition): Promise<FunnelCounts> {
  const { where, params } = cohort;
  // Unfiltered, the reach rows are counted as they are (no set of 100,000 ids to build).
  const of = (column: string) => (where === EVERY_PROSPECT ? '' : ` AND ${column} IN (SELECT p.id FROM prospects p WHERE ${where})`);
  const reached = perRank(await db.rows(`SELECT f.rank, count(*) FROM funnel_reach f WHERE 1 = 1${of('f.prospect_id')} GROUP BY f.rank`, params));
  const current = PATH_STAGES.map(() => 0);
  let size = 0;
  for (const [stage, n] of await db.rows(`SELECT p.stage, count(*) FROM prospects p WHERE ${where} GROUP BY p.stage`, params)) {
    size += Number(n);
    const now = RANK[stage as string];
    if (now !== undefined) current[now] = Number(n);
  }
  const lostReached = perRank(await db.rows(
    `SELECT f.rank, count(*) FROM funnel_reach f WHERE f.prospect_id IN (SELECT p.id FROM prospects p WHERE ${OFF_PATH.where} AND (${where})) GROUP BY f.rank`,
    [...OFF_PATH.params, ...params],
  ));
  // Lost with r as the furthest rank: those that reached r but not r + 1 (a prospect reaches every rank up to its furthest).
  const lost = lostReached.map((n, r) => n - (lostReached[r + 1] ?? 0));
  const medianDays: (number | null)[] = [];
  for (let r = 0; r < PATH_STAGES.length; r++) medianDays.push(await middleDays(db, of('f.prospect_id'), params, r, reached[r]!));
  return { cohort: size, reached, current, lost, medianDays };
}

/**
 * The median of the days to rank r over the n prospects that reached it: the middle value, or the two middle ones
 * averaged by the domain's own median (so the figure is the same double the JSON backend computes).
 */
async function middleDays(db: SqlRunner, inCohort: string, params: readonly unknown[], r: number, n: number): Promise<number | null> {
  if (n === 0) return null;
  const middle = await db.rows(`SELECT f.ms FROM funnel_reach f WHERE f.rank = ?${inCohort} ORDER BY f.ms LIMIT ? OFFSET ?`,
    [r, ...params, n % 2 === 1 ? 1 : 2, (n - 1) >> 1]);
  return median(middle.map((row) => Number(row[0]) / DAY_MS));
}
