// Recording a touch: the interaction itself plus the stage rule that an inbound touch makes an aware prospect interested.
import { moveToStage } from './stages.js';
import { takeId, type Direction, type Outcome, type Prospect, type StoreDoc, type Touch, type TouchType } from './types.js';

export interface TouchInput {
  type: TouchType;
  at: string;
  note?: string | null;
  outcome?: Outcome | null;
  direction?: Direction | null;
  by?: string | null;
}

/** Appends a touch to the store and applies its stage rule; the caller has resolved and validated everything. */
export function recordTouch(doc: StoreDoc, p: Prospect, input: TouchInput, now: string): Touch {
  const touch: Touch = {
    id: takeId(doc, 'touch'),
    prospectId: p.id,
    type: input.type,
    at: input.at,
    note: input.note ?? null,
    outcome: input.outcome ?? null,
    direction: input.direction ?? null,
    by: input.by ?? null,
  };
  doc.touches.push(touch);
  if (touch.direction === 'in' && p.stage === 'aware') moveToStage(p, 'interested', input.at > now ? now : input.at);
  p.updatedAt = now;
  return touch;
}

/** Identity of a touch for idempotent imports: same prospect, type and time. */
export const touchKey = (t: Pick<Touch, 'prospectId' | 'type' | 'at'>): string => `${t.prospectId}|${t.type}|${t.at}`;
