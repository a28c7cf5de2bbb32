// The cohort every report starts from: prospects created in a window, optionally of one source, owner or tag.
import type { Prospect } from '../types.js';
import { toMs } from './instants.js';

export interface CohortQuery {
  /** ISO instant; prospects created at or after it (the command passes the start of the local day). */
  since?: string;
  /** ISO instant; prospects created at or before it (the command passes the end of the local day). */
  until?: string;
  source?: string;
  owner?: string;
  /** Every tag must be present (case-insensitive). */
  tags?: string[];
}

/** A predicate selecting the cohort; text filters compare case-insensitively. */
export function cohortFilter(q: CohortQuery): (p: Prospect) => boolean {
  const source = q.source?.toLowerCase();
  const owner = q.owner?.toLowerCase();
  const tags = q.tags?.map((t) => t.toLowerCase());
  const since = q.since === undefined ? undefined : Date.parse(q.since);
  const until = q.until === undefined ? undefined : Date.parse(q.until);
  return (p) => {
    if (source !== undefined && p.source?.toLowerCase() !== source) return false;
    if (owner !== undefined && p.owner?.toLowerCase() !== owner) return false;
    if (tags && !tags.every((t) => p.tags.some((x) => x.toLowerCase() === t))) return false;
    if (since !== undefined || until !== undefined) {
      const created = toMs(p.createdAt);
      if (since !== undefined && created < since) return false;
      if (until !== undefined && created > until) return false;
    }
    return true;
  };
}
