// report touches: which kinds of touch reach people, and which ones come first or last before a purchase.
import { byTouchTime, type CohortMember, type CohortTouch } from '../queries.js';
import { TOUCH_TYPES, type TouchType } from '../types.js';
import { journeyOf, touchedBeforeConversion, touchesByProspect } from './journey.js';
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

const TYPE_INDEX: Record<string, number> = Object.fromEntries(TOUCH_TYPES.map((t, i) => [t, i]));

/** Counters per touch type, indexed like TOUCH_TYPES. */
interface Tally { touches: number[]; prospects: number[]; converted: number[]; first: number[]; last: number[] }

/** Adds one prospect's touches; types seen are kept as bit masks (13 types fit in one number). */
function tallyProspect(t: Tally, list: readonly CohortTouch[], convertedAt: string | null): void {
  let seen = 0;
  let before = 0;
  // First and last touch on or before the purchase; the same instant is ordered by id (the order logged).
  let first: CohortTouch | undefined;
  let last: CohortTouch | undefined;
  for (const touch of list) {
    const i = TYPE_INDEX[touch.type]!;
    t.touches[i]!++;
    seen |= 1 << i;
    if (convertedAt === null || !touchedBeforeConversion(touch.at, convertedAt)) continue;
    before |= 1 << i;
    if (!first || byTouchTime(touch, first) < 0) first = touch;
    if (!last || byTouchTime(touch, last) > 0) last = touch;
  }
  for (let i = 0; i < TOUCH_TYPES.length; i++) {
    if (seen & (1 << i)) t.prospects[i]!++;
    if (before & (1 << i)) t.converted[i]!++;
  }
  if (first) t.first[TYPE_INDEX[first.type]!]!++;
  if (last) t.last[TYPE_INDEX[last.type]!]!++;
}

/** One row per touch type, every type listed (zeros included) so columns and rows stay fixed. */
/** `touches`: those of the cohort's prospects (StoreReader.cohortTouches). */
export function touchesReport(cohort: readonly CohortMember[], touches: readonly CohortTouch[]): TouchRow[] {
  const byProspect = touchesByProspect(touches);
  const zeros = () => TOUCH_TYPES.map(() => 0);
  const t: Tally = { touches: zeros(), prospects: zeros(), converted: zeros(), first: zeros(), last: zeros() };
  for (const p of cohort) {
    const list = byProspect.get(p.id);
    // A purchase on an unknown day has no touches known to come before it.
    if (list) tallyProspect(t, list, p.conversion === null ? null : journeyOf(p).convertedAt);
  }
  return TOUCH_TYPES.map((type, i) => ({
    type,
    touches: t.touches[i]!,
    prospects: t.prospects[i]!,
    conversion_rate: rate(t.converted[i]!, t.prospects[i]!),
    first_touch_conversions: t.first[i]!,
    last_touch_conversions: t.last[i]!,
  }));
}
