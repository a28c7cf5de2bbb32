// `--referred-by <prospect>` of add and edit: the referrer it names, with its chain up (for the no-circle rule).
import type { ReferrerLink } from '../../domain/referrals.js';
import type { StoreReader } from '../../store/store.js';
import { findProspect, referrerChain } from '../common/lookup.js';

/** The referrer a reference names, with its chain; null for an empty reference (edit clears the link). */
export async function referrerLink(reader: StoreReader, ref: string): Promise<ReferrerLink | null> {
  if (ref.trim() === '') return null;
  const referrer = await findProspect(reader, ref);
  return { referrer, chain: await referrerChain(reader, referrer) };
}
