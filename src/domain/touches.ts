// Recording a touch: the interaction itself plus its rules — an inbound touch makes an aware prospect
// interested, a stage can move in the same step, and a touch on or after a follow-up's day completes it.
import { endOfLocalDay, startOfLocalDay } from './dates.js';
import { changeStage, stageTime } from './lifecycle.js';
import { copyProspect } from './prospect.js';
import { moveToStage } from './stages.js';
import type { Direction, FollowUp, Outcome, Prospect, Stage, Touch, TouchType } from './types.js';

export interface TouchInput {
  type: TouchType;
  at: string;
  note?: string | null;
  outcome?: Outcome | null;
  direction?: Direction | null;
  by?: string | null;
  /** What it cost, with its currency (both or neither). */
  cost?: { value: number; currency: string } | null;
  /** Move to this stage in the same step (the rules of `prospect stage` apply). */
  stage?: Stage;
  /** Plan the next action: replaces the follow-up (null clears it); undefined leaves the follow-up rule alone. */
  followUp?: FollowUp | null;
}

/** Types whose direction is never in doubt: a website visit is always theirs. Others stay null unless given. */
export const DEFAULT_DIRECTION: Partial<Record<TouchType, Direction>> = { website: 'in' };

/**
 * A touch is something that happened: any time today is fine, a later day is a plan (a follow-up), not a touch.
 * `touch log --at` and `import touches` both refuse a touch on a later day.
 */
export const isLaterDay = (at: string, now: Date): boolean => at > endOfLocalDay(now).toISOString();

/** True when a touch at `at` falls on or after the local calendar day the follow-up was planned for. */
export function completesFollowUp(followUp: FollowUp | null, at: string): boolean {
  return followUp !== null && at >= startOfLocalDay(new Date(followUp.at)).toISOString();
}

/**
 * A new touch with id `id` and the prospect's record after its rules; the caller has resolved and validated
 * everything. A forgotten prospect's touch keeps no note, so no personal text comes back through the back door.
 */
export function recordTouch(prospect: Prospect, id: number, input: TouchInput, now: string): { touch: Touch; prospect: Prospect } {
  const p = copyProspect(prospect);
  const touch: Touch = {
    id,
    prospectId: p.id,
    type: input.type,
    at: input.at,
    note: p.forgottenAt ? null : input.note ?? null,
    outcome: input.outcome ?? null,
    direction: input.direction === undefined ? DEFAULT_DIRECTION[input.type] ?? null : input.direction,
    by: input.by ?? null,
    cost: input.cost?.value ?? null,
    currency: input.cost?.currency ?? null,
  };
  const stageAt = stageTime(p, input.at, now);
  if (input.stage !== undefined) changeStage(p, input.stage, stageAt);
  else if (touch.direction === 'in' && p.stage === 'aware') moveToStage(p, 'interested', stageAt);
  if (completesFollowUp(p.followUp, touch.at)) p.followUp = null;
  if (input.followUp !== undefined) p.followUp = input.followUp;
  p.updatedAt = now;
  return { touch, prospect: p };
}

/** Identity of a touch for idempotent imports: same prospect, type and time. */
export const touchKey = (t: Pick<Touch, 'prospectId' | 'type' | 'at'>): string => `${t.prospectId}|${t.type}|${t.at}`;
