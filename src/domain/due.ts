// The daily lists: who is due (follow-up or cadence) and who has gone stale, compared in local calendar days.
import { addDays } from 'date-fns';
import { calendarDaysBetween, endOfLocalDay, startOfLocalDay } from './dates.js';
import { isPreCustomer } from './stages.js';
import { lastTouches } from './touches.js';
import type { Prospect, Touch } from './types.js';

export type DueReason = 'follow-up' | 'cadence';

export interface DueRow {
  prospect: Prospect;
  reason: DueReason;
  /** When it fell due: the follow-up's time, or the day the cadence ran out (local midnight). */
  dueAt: string;
  /** Whole days past due (0 = today, negative = ahead, within --within). */
  overdueDays: number;
  lastTouch: Touch | null;
  note: string | null;
}

export interface StaleRow {
  prospect: Prospect;
  silentDays: number;
  /** The last touch, or null when there never was one (silent since creation). */
  lastTouch: Touch | null;
}

/** Lost, do-not-contact and forgotten prospects are never on a list that asks someone to get in touch. */
const contactable = (p: Prospect): boolean => p.stage !== 'lost' && !p.doNotContact && !p.forgottenAt;

/** The day a cadence runs out: the local day of the last touch (or creation) plus the cadence. */
export function cadenceDueAt(p: Pick<Prospect, 'cadenceDays' | 'createdAt'>, lastTouch: Touch | null | undefined): string | null {
  if (!p.cadenceDays) return null;
  const base = startOfLocalDay(new Date(lastTouch?.at ?? p.createdAt));
  return addDays(base, p.cadenceDays).toISOString();
}

/**
 * Follow-ups and cadences due by the end of the local day `withinDays` after now (0 = today), oldest first.
 * A prospect appears once: a due follow-up (the planned action, with its note) wins over its cadence.
 */
export function dueList(prospects: readonly Prospect[], touches: readonly Touch[], now: Date, withinDays = 0): DueRow[] {
  const horizon = endOfLocalDay(addDays(now, withinDays)).toISOString();
  const last = lastTouches(touches);
  const rows: DueRow[] = [];
  for (const p of prospects) {
    if (!contactable(p)) continue;
    const lastTouch = last.get(p.id) ?? null;
    const row = (reason: DueReason, dueAt: string, note: string | null): DueRow => ({
      prospect: p, reason, dueAt, note, lastTouch, overdueDays: calendarDaysBetween(new Date(dueAt), now),
    });
    const cadenceAt = cadenceDueAt(p, lastTouch);
    if (p.followUp && p.followUp.at <= horizon) rows.push(row('follow-up', p.followUp.at, p.followUp.note));
    else if (cadenceAt && cadenceAt <= horizon) rows.push(row('cadence', cadenceAt, null));
  }
  return rows.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.prospect.id - b.prospect.id));
}

/**
 * True when a next action is in hand: a follow-up planned for today or later, or a cadence that has not run
 * out yet. Such a prospect is planned, not forgotten, so it is not stale; once the plan slips it can be.
 */
export function hasPlannedAction(p: Prospect, lastTouch: Touch | null, now: Date): boolean {
  const today = startOfLocalDay(now).toISOString();
  if (p.followUp && p.followUp.at >= today) return true;
  const cadenceAt = cadenceDueAt(p, lastTouch);
  return cadenceAt !== null && cadenceAt > endOfLocalDay(now).toISOString();
}

/** Pre-customer prospects silent for at least `days` calendar days, with no planned action; longest silent first. */
export function staleList(prospects: readonly Prospect[], touches: readonly Touch[], now: Date, days: number): StaleRow[] {
  const last = lastTouches(touches);
  const rows: StaleRow[] = [];
  for (const p of prospects) {
    if (!contactable(p) || !isPreCustomer(p.stage)) continue;
    const lastTouch = last.get(p.id) ?? null;
    const silentDays = calendarDaysBetween(new Date(lastTouch?.at ?? p.createdAt), now);
    if (silentDays < days || hasPlannedAction(p, lastTouch, now)) continue;
    rows.push({ prospect: p, silentDays, lastTouch });
  }
  return rows.sort((a, b) => b.silentDays - a.silentDays || a.prospect.id - b.prospect.id);
}
