// What the store hands a report, computed from a hand-built document with the store's own definitions
// (prospectMatcher, time order, the touches-before-conversion rule), so report tests pin the maths alone.
import { touchedBeforeConversion } from '../../../src/domain/lifecycle.js';
import { byTouchTime, prospectMatcher, type CohortMember } from '../../../src/domain/queries.js';
import { conversionInstants } from '../../../src/domain/reports/journey.js';
import type { Prospect, Touch } from '../../../src/domain/types.js';

export interface CohortFlags { since?: string; until?: string; source?: string; owner?: string; tags?: string[] }

export const cohortOf = (prospects: readonly Prospect[], q: CohortFlags = {}): Prospect[] =>
  prospects.filter(prospectMatcher({ createdSince: q.since, createdUntil: q.until, source: q.source, owner: q.owner, tags: q.tags }));

export function touchesOf(doc: { prospects: Prospect[]; touches: Touch[] }, q: CohortFlags = {}): Touch[] {
  const ids = new Set(cohortOf(doc.prospects, q).map((p) => p.id));
  return doc.touches.filter((t) => ids.has(t.prospectId)).sort(byTouchTime);
}

export function touchesBefore(doc: { prospects: Prospect[]; touches: Touch[] }, cohort: readonly CohortMember[]): Map<number, number> {
  return new Map(conversionInstants(cohort).map(({ prospectId, at }) =>
    [prospectId, doc.touches.filter((t) => t.prospectId === prospectId && touchedBeforeConversion(t.at, at)).length]));
}

export const namesOf = (prospects: readonly Prospect[]) => new Map(prospects.map((p) => [p.id, p.name]));
