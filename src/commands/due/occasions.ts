// The occasions `due` and `digest` may remind of: read from the store with their prospects (who must match the
// filter and may be contacted) and the prospects' last touches.
import { allowedBy, CONTACTABLE } from '../../domain/contactable.js';
import type { OccasionCandidate } from '../../domain/due.js';
import { upcoming, type Upcoming } from '../../domain/occasions.js';
import { prospectMatcher, type ProspectFilter } from '../../domain/queries.js';
import type { StoreReader } from '../../store/store.js';

/** The coming occasions `wanted` keeps (the domain's isRemindedOf, or a span of days), with their prospects. */
export async function occasionCandidates(reader: StoreReader, filter: ProspectFilter, now: Date, wanted: (u: Upcoming) => boolean): Promise<OccasionCandidate[]> {
  const coming = (await reader.listOccasions()).map((o) => upcoming(o, now)).filter((u): u is Upcoming => u !== null && wanted(u));
  if (coming.length === 0) return [];
  const keep = prospectMatcher(filter);
  const prospects = new Map((await reader.getProspects([...new Set(coming.map((u) => u.occasion.prospectId))]))
    .filter((p) => keep(p) && allowedBy(CONTACTABLE.due, p)).map((p) => [p.id, p]));
  const last = await reader.lastTouches([...prospects.keys()]);
  return coming.filter((u) => prospects.has(u.occasion.prospectId)).map((u) => {
    const prospect = prospects.get(u.occasion.prospectId)!;
    return { upcoming: u, prospect, lastTouch: last.get(prospect.id) ?? null };
  });
}
