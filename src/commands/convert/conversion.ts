// What `convert` and a first `purchase log` share: the facts a conversion is decided on, and what it tells the user.
import type { ConversionContext, ConversionResult } from '../../domain/lifecycle.js';
import { label } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import type { StoreReader } from '../../store/store.js';
import { info, type Part } from '../show.js';

/** Whether the buyer referred anyone, who referred them, and their touches up to the sale. */
export async function conversionFacts(reader: StoreReader, buyer: Prospect, at: string): Promise<ConversionContext> {
  const [referred, referrer, counts] = await Promise.all([
    reader.referralsOf(buyer.id),
    buyer.referredBy === null ? null : reader.getProspect(buyer.referredBy),
    reader.countTouchesUpTo([{ prospectId: buyer.id, at }]),
  ]);
  return { hasReferred: referred.length > 0, referrer, touchesUpToSale: counts.get(buyer.id) ?? 0 };
}

/** The buyer is a customer (how long and how many touches it took), and who became an advocate by it. */
export const conversionParts = (r: ConversionResult): Part[] => [
  info(`${label(r.prospect)} is a customer: ${r.calendarDaysToConvert} day(s) after being added, ${r.touchesBeforeConversion} touch(es) before the purchase`),
  ...r.promoted.map((a) => info(`${label(a)} is now an advocate (a customer who referred someone)`)),
];
