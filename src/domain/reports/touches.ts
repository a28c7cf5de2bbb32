// report touches: which kinds of touch reach people, which ones come first or last before a purchase, and what
// each kind cost against the revenue of the customers it touched before they bought (per currency).
import { byTouchTime, type CohortMember, type CohortTouch } from '../queries.js';
import { TOUCH_TYPES, type Tally, type TouchType } from '../types.js';
import { addCost, moneyCurrencies, moneyFigures, newGroupMoney, type GroupMoney, type MoneyFigures } from './cost.js';
import type { MoneyQuery } from './currencies.js';
import { journeyOf, touchedBeforeConversion, touchesByProspect } from './journey.js';
import { rate } from './stats.js';

/**
 * Revenue of a type: the conversion values (first purchases) of the customers touched this way on or before buying
 * (a customer counts for each type that touched them, so the rows do not add up). Cost: the costs of the touches
 * of the type, and of `tallies` of the type (the anonymous counts of the window, which belong to no prospect).
 */
export interface TouchRow extends MoneyFigures {
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
interface Counts { touches: number[]; prospects: number[]; converted: number[]; first: number[]; last: number[] }

/** Adds one prospect's touches; types seen are kept as bit masks (13 types fit in one number). */
function tallyProspect(t: Counts, list: readonly CohortTouch[], convertedAt: string | null): number {
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
  return before;
}

interface TouchesQuery extends MoneyQuery { tallies?: readonly Tally[] }

/** Each type's money: its touches' and tallies' costs, and the revenue of the customers it touched before they bought. */
function moneyOfTypes(cohort: readonly CohortMember[], touches: readonly CohortTouch[], before: ReadonlyMap<number, number>, q: TouchesQuery): GroupMoney[] {
  const money = TOUCH_TYPES.map(() => newGroupMoney(q.currency));
  for (const t of [...touches, ...(q.tallies ?? [])]) addCost(money[TYPE_INDEX[t.type]!]!, t);
  for (const p of cohort) {
    const mask = before.get(p.id) ?? 0;
    for (let i = 0; i < TOUCH_TYPES.length; i++) if (mask & (1 << i)) money[i]!.revenue.add(p.conversion?.value, p.conversion?.currency);
  }
  return money;
}

/** One row per touch type, every type listed (zeros included) so columns and rows stay fixed. */
/** `touches`: those of the cohort's prospects (StoreReader.cohortTouches). */
export function touchesReport(cohort: readonly CohortMember[], touches: readonly CohortTouch[], q: TouchesQuery = {}): TouchRow[] {
  const byProspect = touchesByProspect(touches);
  const zeros = () => TOUCH_TYPES.map(() => 0);
  const t: Counts = { touches: zeros(), prospects: zeros(), converted: zeros(), first: zeros(), last: zeros() };
  const before = new Map<number, number>();
  for (const p of cohort) {
    const list = byProspect.get(p.id);
    // A purchase on an unknown day has no touches known to come before it.
    if (list) before.set(p.id, tallyProspect(t, list, p.conversion === null ? null : journeyOf(p).convertedAt));
  }
  const money = moneyOfTypes(cohort, touches, before, q);
  const currencies = moneyCurrencies(money, q.currency);
  return TOUCH_TYPES.map((type, i) => ({
    type,
    touches: t.touches[i]!,
    prospects: t.prospects[i]!,
    conversion_rate: rate(t.converted[i]!, t.prospects[i]!),
    first_touch_conversions: t.first[i]!,
    last_touch_conversions: t.last[i]!,
    ...moneyFigures(money[i]!, currencies),
  }));
}
