// Which purchase is a prospect's conversion: its first by time, then id. Kept apart from purchases.ts so the
// store's quick check can ask it without loading the lifecycle.
import type { Conversion, Purchase } from './types.js';

type Dated = Pick<Purchase, 'id' | 'prospectId' | 'at'>;

/** Whether `a` comes before `b` (by time, then id). */
export const purchasedBefore = (a: Dated, b: Dated): boolean => a.at < b.at || (a.at === b.at && a.id < b.id);

/** Each prospect's first purchase, by prospect id. */
export function firstPurchases<P extends Dated>(purchases: Iterable<P>): Map<number, P> {
  const first = new Map<number, P>();
  for (const u of purchases) {
    const had = first.get(u.prospectId);
    if (!had || purchasedBefore(u, had)) first.set(u.prospectId, u);
  }
  return first;
}

/** Whether a conversion is the copy of this first purchase (both absent counts as agreeing). */
export function conversionIs(c: Conversion | null, u: Conversion | undefined): boolean {
  if (c === null || u === undefined) return c === null && u === undefined;
  return u.at === c.at && u.value === c.value && u.currency === c.currency && u.product === c.product;
}
