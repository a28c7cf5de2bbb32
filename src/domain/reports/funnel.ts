// report funnel: how far the cohort got along aware → advocate, per stage (docs/CONTRACT.md §3).
import type { CohortMember } from '../queries.js';
import { PATH_STAGES, type PathStage } from '../types.js';
import { compareGroups, grouper, type ProspectGroup } from './groups.js';
import { journeyOf, type Journey } from './journey.js';
import { daysBetweenMs } from './instants.js';
import { median, rate } from './stats.js';
import { STAGE_RANK } from '../stages.js';

interface FunnelQuery { by?: ProspectGroup }

export interface FunnelRow {
  /** The group value with `--by` (null = no source/owner/tag); undefined without `--by`. */
  group?: string | null;
  stage: PathStage;
  /** Prospects whose furthest stage is this one or beyond. */
  reached: number;
  /** Prospects in this stage now. */
  current: number;
  /** Lost prospects whose furthest stage was this one. */
  lost: number;
  /** reached / reached of the previous stage (the cohort size for aware); null over zero. */
  step_rate: number | null;
  /** reached / cohort size; null for an empty cohort. */
  overall_rate: number | null;
  /** Median fractional days from creation to first reaching this stage (or beyond). */
  median_days: number | null;
}

const RANK: Readonly<Record<string, number>> = STAGE_RANK;

interface Tally { cohort: number; reached: number[]; current: number[]; lost: number[]; days: number[][] }

const newTally = (): Tally => ({
  cohort: 0,
  reached: PATH_STAGES.map(() => 0),
  current: PATH_STAGES.map(() => 0),
  lost: PATH_STAGES.map(() => 0),
  days: PATH_STAGES.map(() => []),
});

function count(t: Tally, p: CohortMember, j: Journey): void {
  t.cohort++;
  for (let r = 0; r <= j.furthest; r++) {
    t.reached[r]!++;
    // A history entry dated before creation (backfilled) counts as reached at creation.
    t.days[r]!.push(Math.max(0, daysBetweenMs(j.createdMs, j.firstMs[r]!)));
  }
  const now = RANK[p.stage];
  if (now !== undefined) t.current[now]!++;
  else t.lost[j.furthest]!++;
}

/**
 * The funnel's figures of one cohort, per path rank (aware = 0 … advocate = 5): what the rows are made of. A store
 * may aggregate these in its database (Store.funnelCounts); tallyFunnel is their definition.
 */
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

const countsOf = (t: Tally): FunnelCounts => ({ cohort: t.cohort, reached: t.reached, current: t.current, lost: t.lost, medianDays: t.days.map(median) });

/** The funnel's figures of a cohort, counted one prospect at a time. */
export function tallyFunnel(cohort: readonly CohortMember[]): FunnelCounts {
  const t = newTally();
  for (const p of cohort) count(t, p, journeyOf(p));
  return countsOf(t);
}

/** The six rows of a cohort's figures (with `group` first under `--by`). */
export function funnelRows(c: FunnelCounts, group?: string | null): FunnelRow[] {
  return PATH_STAGES.map((stage, r) => ({
    ...(group === undefined ? {} : { group }),
    stage,
    reached: c.reached[r]!,
    current: c.current[r]!,
    lost: c.lost[r]!,
    step_rate: rate(c.reached[r]!, r === 0 ? c.cohort : c.reached[r - 1]!),
    overall_rate: rate(c.reached[r]!, c.cohort),
    median_days: c.medianDays[r]!,
  }));
}

/** One row per path stage; with `by`, the six rows repeat per group (groups in alphabetical order, none last). */
export function funnelReport(cohort: readonly CohortMember[], q: FunnelQuery = {}): FunnelRow[] {
  if (!q.by) return funnelRows(tallyFunnel(cohort));
  const groupsOf = grouper(q.by);
  const tallies = new Map<string | null, Tally>();
  for (const p of cohort) {
    const j = journeyOf(p);
    for (const g of groupsOf(p, j.createdMs)) {
      let t = tallies.get(g);
      if (!t) tallies.set(g, (t = newTally()));
      count(t, p, j);
    }
  }
  return [...tallies.keys()].sort(compareGroups).flatMap((g) => funnelRows(countsOf(tallies.get(g)!), g));
}
