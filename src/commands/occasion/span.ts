// The spans `occasion add --remind` and `occasion list --within` take: 7d, 2w, or 0 for the day itself.
import { parseSpanDays } from '../../domain/dates.js';

/** A span in days; `0` (or `0d`) is the day itself, which parseSpanDays refuses as no span at all. */
export const parseDaysOrZero = (text: string, what: string): number =>
  (/^\s*0+\s*d?\s*$/i.test(text) ? 0 : parseSpanDays(text, what));
