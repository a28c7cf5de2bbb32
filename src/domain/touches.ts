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
const DEFAULT_DIRECTION: Partial<Record<TouchType, Direction>> = { website: 'in' };

/** The direction a touch is recorded with: the one given (null included), else its type's own. */
export const touchDirection = (input: Pick<TouchInput, 'type' | 'direction'>): Direction | null =>
  input.direction === undefined ? DEFAULT_DIRECTION[input.type] ?? null : input.direction;

/**
 * Whether recording a touch of this direction (touchDirection), without a stage or follow-up of its own (an imported
 * one), can change more of this prospect than its updatedAt, or keep less of the touch than it was given: an aware
 * prospect becomes interested by an inbound touch, a follow-up may be completed, a forgotten prospect's touch keeps
 * no note. For everyone else the touch is stored as given and only updatedAt moves, which lets a database record
 * many such touches at once (store/sql/touch-import.ts).
 */
export const touchMayChange = (p: Pick<Prospect, 'stage' | 'followUp' | 'forgottenAt'>, direction: Direction | null): boolean =>
  (direction === MOVING_DIRECTION && TOUCH_MOVES_FROM.includes(p.stage)) || p.followUp !== null || p.forgottenAt !== null;

/** The direction of a touch that moves a prospect on. */
export const MOVING_DIRECTION: Direction = 'in';

/** The stages an inbound touch moves a prospect on from (to interested). */
export const TOUCH_MOVES_FROM: readonly Stage[] = ['aware'];

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
    direction: touchDirection(input),
    by: input.by ?? null,
    cost: input.cost?.value ?? null,
    currency: input.cost?.currency ?? null,
  };
  const stageAt = stageTime(p, input.at, now);
  if (input.stage !== undefined) changeStage(p, input.stage, stageAt);
  else if (touch.direction === MOVING_DIRECTION && TOUCH_MOVES_FROM.includes(p.stage)) moveToStage(p, 'interested', stageAt);
  if (completesFollowUp(p.followUp, touch.at)) p.followUp = null;
  if (input.followUp !== undefined) p.followUp = input.followUp;
  p.updatedAt = now;
  return { touch, prospect: p };
}

/** Identity of a touch for idempotent imports: same prospect, type and time. */
export const touchKey = (t: Pick<Touch, 'prospectId' | 'type' | 'at'>): string => `${t.prospectId}|${t.type}|${t.at}`;
