// report velocity: how long each observed move between stages takes (forward, backward, to lost and back).
import type { CohortMember } from '../queries.js';
import { STAGES, type Stage } from '../types.js';
import { daysBetweenMs, toMs } from './instants.js';
import { median, p90 } from './stats.js';

export interface VelocityRow {
  from: Stage;
  to: Stage;
  count: number;
  median_days: number | null;
  p90_days: number | null;
}

const ORDER: Record<string, number> = Object.fromEntries(STAGES.map((s, i) => [s, i]));

/**
 * One row per transition seen in the cohort's stage histories (consecutive entries, in the order
 * recorded), ordered by from-stage then to-stage along the path with lost last.
 */
export function velocityReport(cohort: readonly CohortMember[]): VelocityRow[] {
  // Durations per transition, keyed by from × to stage index (no string keys in the loop).
  const days = new Map<number, number[]>();
  for (const p of cohort) {
    const h = p.stageHistory;
    let previousMs = h.length ? toMs(h[0]!.at) : 0;
    for (let i = 1; i < h.length; i++) {
      const atMs = toMs(h[i]!.at);
      if (h[i]!.stage !== h[i - 1]!.stage) {
        const key = ORDER[h[i - 1]!.stage]! * STAGES.length + ORDER[h[i]!.stage]!;
        let list = days.get(key);
        if (!list) days.set(key, (list = []));
        // Backfilled entries can be out of time order; a move never takes negative time.
        list.push(Math.max(0, daysBetweenMs(previousMs, atMs)));
      }
      previousMs = atMs;
    }
  }
  return [...days.entries()]
    .map(([key, list]) => {
      const from = STAGES[Math.floor(key / STAGES.length)]!;
      const to = STAGES[key % STAGES.length]!;
      return { from, to, count: list.length, median_days: median(list), p90_days: p90(list) };
    })
    .sort((a, b) => ORDER[a.from]! - ORDER[b.from]! || ORDER[a.to]! - ORDER[b.to]!);
}
