// One prospect changed by a domain function in one store transaction: what stage, lose, reopen, follow-up, cadence
// and do-not-contact share.
import type { Context } from '../../context/context.js';
import type { Prospect } from '../../domain/types.js';
import type { StoreTransaction } from '../../store/store.js';
import { findProspect } from '../common/lookup.js';

/** Changes the prospect `ref` names (with `also`, a further write in the same transaction); returns the new record. */
export async function updateProspect(ctx: Pick<Context, 'stores' | 'clock'>, ref: string, change: (p: Prospect, at: string) => Prospect,
  also?: (tx: StoreTransaction, next: Prospect, at: string) => Promise<unknown>): Promise<Prospect> {
  const at = ctx.clock.now().toISOString();
  const store = await ctx.stores.open();
  return store.transaction(async (tx) => {
    const next = change(await findProspect(tx, ref), at);
    await tx.update('prospect', [next]);
    await also?.(tx, next, at);
    return next;
  });
}
