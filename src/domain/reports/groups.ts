// Grouping keys for `--by`: a prospect's source, owner, tags (one group per tag) or creation month.
import type { Prospect } from '../types.js';
import { periodKey } from './periods.js';

export const PROSPECT_GROUPS = ['source', 'owner', 'tag', 'month'] as const;
export type ProspectGroup = (typeof PROSPECT_GROUPS)[number];

/** The groups a prospect belongs to; null is the "none" group (no source, no owner, no tags). */
export function groupsOf(p: Prospect, by: ProspectGroup): (string | null)[] {
  switch (by) {
    case 'source': return [p.source];
    case 'owner': return [p.owner];
    case 'tag': return p.tags.length ? [...new Set(p.tags)] : [null];
    default: return [periodKey(p.createdAt, 'month')];
  }
}

/** Alphabetical group order with the "none" group last, so output is stable. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
