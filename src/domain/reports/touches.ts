// report touches: which kinds of touch reach people, and which ones come first or last before a purchase.
import { TOUCH_TYPES, type Prospect, type Touch, type TouchType } from '../types.js';
import { cohortFilter, type CohortQuery } from './cohort-filter.js';
import { journeyOf, touchesByProspect } from './journey.js';
import { rate } from './stats.js';

export interface TouchRow {
  type: TouchType;
  touches: number;
  /** Distinct prospects touched this way. */
  prospects: number;
  /** Share of those prospects who converted after (or at) a touch of this type. */
  conversion_rate: number | null;
  /** Conversions whose earliest touch (on or before the conversion) was of this type. */
  first_touch_conversions: number;
  /** Conversions whose latest touch on or before the conversion was of this type. */
  last_touch_conversions: number;
}

interface Tally { touches: number; prospects: number; converted: number; first: number; last: number }

/** Earlier touch first; the same instant is ordered by id (the order they were logged). */
const earlier = (a: Touch, b: Touch): boolean => {
  const d = Date.parse(a.at) - Date.parse(b.at);
  return d < 0 || (d === 0 && a.id < b.id);
};

function tallyProspect(tallies: Map<TouchType, Tally>, list: readonly Touch[], convertedAt: string | null): void {
  const limit = convertedAt === null ? NaN : Date.parse(convertedAt);
  const seen = new Set<TouchType>();
  const before = new Set<TouchType>();
  let first: Touch | undefined;
  let last: Touch | undefined;
  for (const t of list) {
    tallies.get(t.type)!.touches++;
    seen.add(t.type);
    if (!(Date.parse(t.at) <= limit)) continue;
    before.add(t.type);
    if (!first || earlier(t, first)) first = t;
    if (!last || earlier(last, t)) last = t;
  }
  for (const type of seen) tallies.get(type)!.prospects++;
  for (const type of before) tallies.get(type)!.converted++;
  if (first) tallies.get(first.type)!.first++;
  if (last) tallies.get(last.type)!.last++;
}

/** One row per touch type, every type listed (zeros included) so columns and rows stay fixed. */
export function touchesReport(prospects: readonly Prospect[], touches: readonly Touch[], q: CohortQuery): TouchRow[] {
  const keep = cohortFilter(q);
  const byProspect = touchesByProspect(touches);
  const tallies = new Map<TouchType, Tally>(TOUCH_TYPES.map((t) => [t, { touches: 0, prospects: 0, converted: 0, first: 0, last: 0 }]));
  for (const p of prospects) {
    const list = byProspect.get(p.id);
    if (!list || !keep(p)) continue;
    tallyProspect(tallies, list, journeyOf(p).convertedAt);
  }
  return TOUCH_TYPES.map((type) => {
    const t = tallies.get(type)!;
    return {
      type,
      touches: t.touches,
      prospects: t.prospects,
      conversion_rate: rate(t.converted, t.prospects),
      first_touch_conversions: t.first,
      last_touch_conversions: t.last,
    };
  });
}
