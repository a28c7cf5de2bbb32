// The whole story of one relationship, as data: what `prospect show` prints and what its JSON holds.
import { cadenceDueAt } from './due.js';
import { calendarDaysToConvert, touchedBeforeConversion } from './lifecycle.js';
import { furthestStage } from './stages.js';
import type { PathStage, Prospect, Purchase, Stage, Touch } from './types.js';

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
  /** Calendar days to convert (calendarDaysToConvert), under the JSON key users know. */
  daysToConvert: number | null;
  touchesBeforeConversion: number | null;
  /** Every purchase, oldest first (the first is the conversion); the last key, after those the JSON always had. */
  purchases: Purchase[];
}

const ref = (p: Prospect): PersonRef => ({ id: p.id, name: p.name, stage: p.stage });

/** The story of `p` from its touches (any order), its referrer, the prospects it referred and its purchases (by time, then id). */
export function prospectStory(p: Prospect, ownTouches: readonly Touch[], referrer: Prospect | null, referred: readonly Prospect[],
  purchases: readonly Purchase[] = []): ProspectStory {
  const touches = ownTouches.filter((t) => t.prospectId === p.id)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  const convertedAt = p.conversion?.at;
  return {
    ...p,
    furthestStage: furthestStage(p),
    touches,
    lastTouchAt: touches[0]?.at ?? null,
    cadenceDueAt: cadenceDueAt(p, touches[0]),
    referrer: referrer ? ref(referrer) : null,
    referrals: referred.map(ref),
    daysToConvert: calendarDaysToConvert(p),
    touchesBeforeConversion: convertedAt === undefined ? null : touches.filter((t) => touchedBeforeConversion(t.at, convertedAt)).length,
    purchases: purchases.filter((u) => u.prospectId === p.id),
  };
}
