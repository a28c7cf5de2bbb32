// showDay/showDateTime write local dates by hand (date-fns' format and its locale tables no longer load at every
// start-up): they must write exactly what format(d, 'yyyy-MM-dd HH:mm') wrote, whatever the instant.
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, localTime, showDateTime, showDay } from '../../src/domain/dates.js';

describe('showDay / showDateTime', () => {
  it('match date-fns format for any instant from 2000 BC to AD 9999', () => {
    fc.assert(fc.property(fc.date({ min: new Date('-002000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString();
      expect(showDay(iso)).toBe(format(d, 'yyyy-MM-dd'));
      expect(showDateTime(iso)).toBe(format(d, 'yyyy-MM-dd HH:mm'));
      expect(`${localDay(d)} ${localTime(d, true)}`).toBe(format(d, 'yyyy-MM-dd HH:mm:ss'));
    }), { numRuns: 2000 });
  });

  it('show nothing for no date and refuse an invalid one as format did', () => {
    expect(showDay(null)).toBe('');
    expect(showDateTime('')).toBe('');
    expect(() => showDay('not a date')).toThrow(RangeError);
  });
});
