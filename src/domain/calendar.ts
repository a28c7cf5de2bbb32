// What goes into the calendar a phone subscribes to: one event per due follow-up or cadence, each with a UID that
// stays the same from one run to the next (the store's identity and the record), so a moved follow-up moves its
// event instead of adding a second one.
import { localDay, showDay } from './dates.js';
import type { DueRow } from './due.js';

export interface CalendarEvent {
  uid: string;
  summary: string;
  description: string | null;
  /** The local day (`2026-03-14`): the due list counts in days, so every event is a whole day. */
  day: string;
}

/** The name a calendar shows for a prospect: its name, else `prospect 12`. */
const who = (r: DueRow): string => r.prospect.name ?? `prospect ${r.prospect.id}`;


const SUMMARY: Record<DueRow['reason'], string> = { 'follow-up': 'Follow up', cadence: 'Get in touch' };

/**
 * The events of the due rows; `storeId` makes the UIDs of two stores differ. What is overdue is on today (a past
 * day of a calendar is never looked at), saying since when; the next run moves it, as its UID is the same.
 */
export function calendarEvents(rows: readonly DueRow[], storeId: string, now: Date): CalendarEvent[] {
  const today = localDay(now);
  return rows.map((r) => {
    const due = showDay(r.dueAt);
    const reach = [r.prospect.phone, r.prospect.email].filter((v): v is string => Boolean(v));
    const late = due < today ? `overdue since ${due}` : null;
    const lines = [late, r.note, reach.length ? reach.join(', ') : null].filter((v): v is string => Boolean(v));
    return {
      // One event per prospect and reason: a follow-up that is moved keeps its event.
      uid: `${r.reason}-${r.prospect.id}.${storeId}@precrm`,
      summary: `${SUMMARY[r.reason]}: ${who(r)}`,
      description: lines.length ? lines.join('\n') : null,
      day: due < today ? today : due,
    };
  });
}
