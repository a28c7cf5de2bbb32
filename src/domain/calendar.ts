// What goes into the calendar a phone subscribes to: one event per due follow-up or cadence and per coming
// occasion, each with a UID that stays the same from one run to the next (the store's identity and the record), so
// a moved follow-up moves its event instead of adding a second one.
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


const SUMMARY: Record<DueRow['reason'], string> = { 'follow-up': 'Follow up', cadence: 'Get in touch', occasion: 'Occasion' };

/**
 * One event per prospect and reason (a follow-up that is moved keeps its event); an occasion has one per year it
 * falls in, so next year's birthday is an event of its own and this year's is never moved onto it.
 */
function uidOf(r: DueRow, storeId: string): string {
  const o = r.occasion;
  if (o) return `occasion-${o.occasion.id}-${o.next.getFullYear()}.${storeId}@precrm`;
  return `${r.reason}-${r.prospect.id}.${storeId}@precrm`;
}

/** `wife's birthday: Ravi Sen`, `Follow up: Ravi Sen`. */
const summaryOf = (r: DueRow): string => `${r.occasion ? r.occasion.occasion.label : SUMMARY[r.reason]}: ${who(r)}`;

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
    // An occasion's note counts the days to it: a calendar shows the day itself, so it keeps only the contact.
    const lines = [late, r.occasion ? null : r.note, reach.length ? reach.join(', ') : null].filter((v): v is string => Boolean(v));
    return {
      uid: uidOf(r, storeId),
      summary: summaryOf(r),
      description: lines.length ? lines.join('\n') : null,
      day: due < today ? today : due,
    };
  });
}
