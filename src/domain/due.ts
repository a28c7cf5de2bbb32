// The daily lists: who is due (follow-up or cadence) and who has gone stale, compared in local calendar days.
import { addDays } from 'date-fns';
import { calendarDaysBetween, endOfLocalDay, startOfLocalDay } from './dates.js';
import { allowedBy, CONTACTABLE } from './contactable.js';
import { isRemindedOf, occasionNote, type Upcoming } from './occasions.js';
import type { ProspectWithLastTouch } from './queries.js';
import type { Prospect, Touch } from './types.js';

type DueReason = 'follow-up' | 'cadence' | 'occasion';

export interface DueRow {
  prospect: Prospect;
  reason: DueReason;
  /** When it fell due: the follow-up's time, or the day the cadence ran out (local midnight). */
  dueAt: string;
  /** Whole days past due (0 = today, negative = ahead, within --within). */
  overdueDays: number;
  lastTouch: Touch | null;
  note: string | null;
  /** The occasion a row of reason `occasion` reminds of, with its day. */
  occasion?: Upcoming;
}

/** An occasion coming up for a prospect `due` may list, with the prospect's last touch. */
export interface OccasionCandidate { upcoming: Upcoming; prospect: Prospect; lastTouch: Touch | null }

export interface StaleRow {
  prospect: Prospect;
  silentDays: number;
  /** The last touch, or null when there never was one (silent since creation). */
  lastTouch: Touch | null;
}

/** The instant up to which due looks (StoreReader.dueCandidates' horizon): the end of the local day `withinDays` ahead. */
export const dueHorizon = (now: Date, withinDays = 0): string => endOfLocalDay(addDays(now, withinDays)).toISOString();

/**
 * The instant a stale prospect's last touch (or creation) is before (StoreReader.staleCandidates): the start of
 * the local day after the one `days` days ago. Beyond any calendar (`--days 999999999999`) nothing is before it: ''.
 */
export function silentBefore(now: Date, days: number): string {
  const day = startOfLocalDay(addDays(now, 1 - days));
  return Number.isNaN(day.getTime()) || day.getUTCFullYear() < 1 ? '' : day.toISOString();
}

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
export function dueList(candidates: readonly ProspectWithLastTouch[], now: Date, withinDays = 0): DueRow[] {
  const horizon = dueHorizon(now, withinDays);
  const rows: DueRow[] = [];
  for (const { prospect: p, lastTouch } of candidates) {
    if (!allowedBy(CONTACTABLE.due, p)) continue;
    const row = (reason: DueReason, dueAt: string, note: string | null): DueRow => ({
      prospect: p, reason, dueAt, note, lastTouch, overdueDays: calendarDaysBetween(new Date(dueAt), now),
    });
    const cadenceAt = cadenceDueAt(p, lastTouch);
    if (p.followUp && p.followUp.at <= horizon) rows.push(row('follow-up', p.followUp.at, p.followUp.note));
    else if (cadenceAt && cadenceAt <= horizon) rows.push(row('cadence', cadenceAt, null));
  }
  return rows.sort(byDue);
}

const REASON_RANK: Record<DueReason, number> = { 'follow-up': 0, cadence: 1, occasion: 2 };

/**
 * due's order: the earliest due first (the longest overdue lead; an occasion is due on its day), then by prospect;
 * a prospect with a follow-up and an occasion on the same day has the follow-up first.
 */
export function byDue(a: DueRow, b: DueRow): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return a.prospect.id - b.prospect.id || REASON_RANK[a.reason] - REASON_RANK[b.reason] || (a.occasion?.occasion.id ?? 0) - (b.occasion?.occasion.id ?? 0);
}

/**
 * The occasions due lists: from the reminder day until the day itself (or, `withinDays` ahead, whose reminder day
 * comes by then); `onDay`: those whose day itself falls within the span (a calendar shows the day, not the
 * reminder). Never for a prospect that may not be contacted or is lost.
 */
export function occasionDueRows(candidates: readonly OccasionCandidate[], now: Date, withinDays = 0, onDay = false): DueRow[] {
  const rows: DueRow[] = [];
  for (const { upcoming: u, prospect: p, lastTouch } of candidates) {
    if (!allowedBy(CONTACTABLE.due, p) || !(onDay ? u.inDays <= withinDays : isRemindedOf(u, withinDays))) continue;
    rows.push({ prospect: p, reason: 'occasion', dueAt: u.next.toISOString(), overdueDays: -u.inDays, lastTouch, note: occasionNote(u), occasion: u });
  }
  return rows.sort(byDue);
}

/** Follow-ups, cadences and occasions in due's one order. */
export const mergeDue = (...lists: DueRow[][]): DueRow[] => lists.flat().sort(byDue);

/**
 * True when a next action is in hand: a follow-up planned for today or later, or a cadence that has not run
 * out yet. Such a prospect is planned, not forgotten, so it is not stale; once the plan slips it can be.
 */
function hasPlannedAction(p: Prospect, lastTouch: Touch | null, now: Date): boolean {
  const today = startOfLocalDay(now).toISOString();
  if (p.followUp && p.followUp.at >= today) return true;
  const cadenceAt = cadenceDueAt(p, lastTouch);
  return cadenceAt !== null && cadenceAt > endOfLocalDay(now).toISOString();
}

/** Pre-customer prospects silent for at least `days` calendar days, with no planned action; longest silent first. */
export function staleList(candidates: readonly ProspectWithLastTouch[], now: Date, days: number): StaleRow[] {
  const rows: StaleRow[] = [];
  for (const { prospect: p, lastTouch } of candidates) {
    if (!allowedBy(CONTACTABLE.stale, p)) continue;
    const silentDays = calendarDaysBetween(new Date(lastTouch?.at ?? p.createdAt), now);
    if (silentDays < days || hasPlannedAction(p, lastTouch, now)) continue;
    rows.push({ prospect: p, silentDays, lastTouch });
  }
  return rows.sort((a, b) => b.silentDays - a.silentDays || a.prospect.id - b.prospect.id);
}
