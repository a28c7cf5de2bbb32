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
  ])('%s is refused: %s', (text, reason) => {
    expect(parseFormTimestamp(text)).toBe(reason);
  });

  it('is not this shape: null, so the caller says what forms it accepts', () => {
    expect(parseFormTimestamp('next tuesday')).toBeNull();
    expect(parseFormTimestamp('2026/06/03 6:05:12 PM Europe/Paris')).toBeNull();
  });
});
