// What happens to a prospect's occasions when the prospect goes: removed or forgotten, they go too (a label such as
// "wife's birthday" is personal data); merged, they move to the prospect kept.
import type { StoreTransaction } from '../../store/store.js';

/** Deletes the prospect's occasions; returns how many there were. */
export async function dropOccasions(tx: StoreTransaction, prospectId: number): Promise<number> {
  const ids = (await tx.listOccasions([prospectId])).map((o) => o.id);
  await tx.delete('occasion', ids);
  return ids.length;
}

/** Moves the occasions of `fromId` to `toId` (a merge), before `fromId` is deleted. */
export async function moveOccasions(tx: StoreTransaction, fromId: number, toId: number): Promise<void> {
  const moved = (await tx.listOccasions([fromId])).map((o) => ({ ...o, prospectId: toId }));
  await tx.update('occasion', moved);
}
