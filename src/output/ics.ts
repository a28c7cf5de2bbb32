// iCalendar (RFC 5545) text of calendar events, written by ical.js (which precrm already uses to read vCards): it
// escapes text, folds long lines at 75 octets and ends lines with CRLF as the RFC requires.
import ICAL from 'ical.js';
import type { CalendarEvent } from '../domain/calendar.js';

const utc = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true);

function eventOf(e: CalendarEvent, stamp: string): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', e.uid);
  vevent.addPropertyWithValue('dtstamp', utc(stamp));
  // An all-day event: DTSTART as a DATE, DTEND the day after (exclusive).
  const day = ICAL.Time.fromDateString(e.day);
  vevent.addPropertyWithValue('dtstart', day);
  const next = day.clone();
  next.adjust(1, 0, 0, 0);
  vevent.addPropertyWithValue('dtend', next);
  vevent.addPropertyWithValue('summary', e.summary);
  if (e.description !== null) vevent.addPropertyWithValue('description', e.description);
  // A reminder list, not busy time: the phone shows the day as free.
  vevent.addPropertyWithValue('transp', 'TRANSPARENT');
  return vevent;
}

/** The calendar as text; `now` stamps every event (DTSTAMP), `name` is what a calendar app calls it. */
export function renderIcs(events: readonly CalendarEvent[], now: Date, name: string): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//precrm//due//EN');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('x-wr-calname', name);
  for (const e of events) cal.addSubcomponent(eventOf(e, now.toISOString()));
  return `${cal.toString()}\r\n`;
}
