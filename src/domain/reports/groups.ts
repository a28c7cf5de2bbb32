// Grouping keys for `--by`: a prospect's source, owner, tags (one group per tag) or creation month.
import type { CohortMember } from '../queries.js';
import { periodKeyer } from './periods.js';

export const PROSPECT_GROUPS = ['source', 'owner', 'tag', 'month'] as const;
export type ProspectGroup = (typeof PROSPECT_GROUPS)[number];

/** A function giving the groups a prospect belongs to; null is the "none" group (no source, owner or tags). */
export function grouper(by: ProspectGroup): (p: CohortMember, createdMs: number) => (string | null)[] {
  switch (by) {
    case 'source': return (p) => [p.source];
    case 'owner': return (p) => [p.owner];
    case 'tag': return (p) => (p.tags.length ? [...new Set(p.tags)] : [null]);
    default: {
      const monthOf = periodKeyer('month');
      return (_p, createdMs) => [monthOf(createdMs)];
    }
  }
}

/** Alphabetical group order with the "none" group last, so output is stable. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
