// Form-tool timestamps: read when day and month cannot be confused, refused with a reason otherwise (TZ=UTC).
import { describe, expect, it } from 'vitest';
import { parseFormTimestamp } from '../../src/csv/timestamps.js';

const iso = (text: string) => {
  const d = parseFormTimestamp(text);
  return d instanceof Date ? d.toISOString() : d;
};

describe('parseFormTimestamp', () => {
  it.each([
    ['2026/06/03 6:05:12 PM GMT+1', '2026-06-03T17:05:12.000Z'],
    ['2026/06/03 6:05:12 pm GMT+01:00', '2026-06-03T17:05:12.000Z'],
    ['2026/06/03 12:05:00 AM GMT-5', '2026-06-03T05:05:00.000Z'],
    ['2026/06/03 12:05 PM', '2026-06-03T12:05:00.000Z'],
    ['2026/6/3', '2026-06-03T00:00:00.000Z'],
    ['2026-06-03 18:05:12 UTC', '2026-06-03T18:05:12.000Z'],
    ['2026.06.03 18:05 +0530', '2026-06-03T12:35:00.000Z'],
    ['6/13/2026 18:05:12', '2026-06-13T18:05:12.000Z'],
    ['13/6/2026 18:05:12', '2026-06-13T18:05:12.000Z'],
    ['13.06.2026, 18:05', '2026-06-13T18:05:00.000Z'],
    ['6/6/2026 7:00 AM', '2026-06-06T07:00:00.000Z'],
    // Zone abbreviations as Google Forms and other tools write them.
    ['2026/06/03 6:05:12 PM EST', '2026-06-03T23:05:12.000Z'],
    ['2026/06/03 6:05:12 PM EDT', '2026-06-03T22:05:12.000Z'],
    ['2026/06/03 6:05:12 pm pdt', '2026-06-04T01:05:12.000Z'],
    ['2026/06/03 18:05 CEST', '2026-06-03T16:05:00.000Z'],
    ['2026/01/03 18:05 CET', '2026-01-03T17:05:00.000Z'],
    ['2026/06/03 18:05 BST', '2026-06-03T17:05:00.000Z'],
    ['2026/06/03 18:05 GMT', '2026-06-03T18:05:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['6/3/2026 18:05:12', '"6/3/2026" could be June 3 or March 6 (write 2026-06-03 or 2026-03-06, or give the file\'s order: --date-order mdy or dmy)'],
    ['03/04/2026', '"03/04/2026" could be March 4 or April 3 (write 2026-03-04 or 2026-04-03, or give the file\'s order: --date-order mdy or dmy)'],
    ['13/13/2026', '"13/13/2026" has no month'],
    ['0/5/2026', '"0/5/2026" is not a day of the calendar'],
    ['2026/02/30 10:00', '"2026/02/30 10:00" is not a day of the calendar'],
    ['2026/02/03 13:00 PM', '"2026/02/03 13:00 PM" has no such time of day'],
    ['2026/02/03 24:00', '"2026/02/03 24:00" has no such time of day'],
    ['6/13/26', '"6/13/26" has no four-digit year'],
    ['2026/06/03 18:05 IST', '"2026/06/03 18:05 IST" has the time zone IST, which is India (GMT+5:30), Ireland (GMT+1) or Israel (GMT+2) (write the offset, e.g. GMT+1)'],
    ['2026/06/03 18:05 XYZ', '"2026/06/03 18:05 XYZ" has the time zone XYZ, which is not one precrm knows (write the offset, e.g. GMT+1)'],
  ])('%s is refused: %s', (text, reason) => {
    expect(parseFormTimestamp(text)).toBe(reason);
  });

  it('reads a time without a zone as UTC when the column\'s header says so', () => {
    const d = parseFormTimestamp('2026-02-14 10:03:12', undefined, true);
    expect(d instanceof Date ? d.toISOString() : d).toBe('2026-02-14T10:03:12.000Z');
    const zoned = parseFormTimestamp('2026-02-14 10:03:12 CET', undefined, true);
    expect(zoned instanceof Date ? zoned.toISOString() : zoned).toBe('2026-02-14T09:03:12.000Z');
  });

  it('is not this shape: null, so the caller says what forms it accepts', () => {
    expect(parseFormTimestamp('next tuesday')).toBeNull();
    expect(parseFormTimestamp('2026/06/03 6:05:12 PM Europe/Paris')).toBeNull();
  });
});
