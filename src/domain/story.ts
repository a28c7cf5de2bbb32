// The whole story of one relationship, as data: what `prospect show` prints and what its JSON holds.
import { cadenceDueAt } from './due.js';
import { daysToConvert, touchesBeforeConversion } from './lifecycle.js';
import { furthestStage } from './stages.js';
import type { PathStage, Prospect, Stage, StoreDoc, Touch } from './types.js';

export interface PersonRef { id: number; name: string | null; stage: Stage }

export interface ProspectStory extends Prospect {
  furthestStage: PathStage;
  /** Newest first. */
  touches: Touch[];
  lastTouchAt: string | null;
  /** When the cadence runs out next (null without a cadence). */
  cadenceDueAt: string | null;
  referrer: PersonRef | null;
  referrals: PersonRef[];
  daysToConvert: number | null;
  touchesBeforeConversion: number | null;
}

const ref = (p: Prospect): PersonRef => ({ id: p.id, name: p.name, stage: p.stage });

export function prospectStory(doc: StoreDoc, p: Prospect): ProspectStory {
  const touches = doc.touches.filter((t) => t.prospectId === p.id)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  const referrer = p.referredBy === null ? undefined : doc.prospects.find((x) => x.id === p.referredBy);
  return {
    ...p,
    furthestStage: furthestStage(p),
    touches,
    lastTouchAt: touches[0]?.at ?? null,
    cadenceDueAt: cadenceDueAt(p, touches[0]),
    referrer: referrer ? ref(referrer) : null,
    referrals: doc.prospects.filter((x) => x.referredBy === p.id).map(ref),
    daysToConvert: daysToConvert(p),
    touchesBeforeConversion: touchesBeforeConversion(p, doc.touches),
  };
}
