// What `store migrate` needs from any backend, written once: loading a dump into an empty store in one
// transaction (counters raised, never lowered, the suppression list with its secret) and the wording of counts.
import { conflictError } from '../domain/errors.js';
import type { IdKind, SuppressionEntry } from '../domain/types.js';
import type { DumpBatch, IdCounters, LoadCheck, StoreCounts, StoreTransaction } from './store.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const describeCounts = (c: StoreCounts): string => [
  count(c.prospects, 'prospect', 'prospects'), count(c.touches, 'touch', 'touches'),
  count(c.surveys, 'survey', 'surveys'), count(c.responses, 'response', 'responses'),
  // Named only when there are some, so a store without them is described as it always was.
  ...(c.purchases ? [count(c.purchases, 'purchase', 'purchases')] : []),
  ...(c.tallies ? [count(c.tallies, 'tally', 'tallies')] : []),
  ...(c.occasions ? [count(c.occasions, 'occasion', 'occasions')] : []),
].join(', ');

/** No records at all (purchases and occasions belong to prospects, so they are never there without one). */
export const isEmpty = (c: StoreCounts): boolean => Object.values(c).every((n) => n === 0);

/** Whether two counts agree on every kind of record. */
export const sameCounts = (a: StoreCounts, b: StoreCounts): boolean => (Object.keys(a) as (keyof StoreCounts)[]).every((k) => a[k] === b[k]);

/** Moves each counter up to the given value (never down: ids are never reused). */
export async function raiseCounters(tx: StoreTransaction, counters: IdCounters): Promise<void> {
  const now = await tx.counters();
  for (const kind of Object.keys(now) as IdKind[]) {
    const gap = (counters[kind] ?? 0) - now[kind];
    if (gap > 0) await tx.takeId(kind, gap);
  }
}

/**
 * The list's hashes are keyed with the source's secret, so it comes along with them. A target that already has a
 * secret of its own (it once kept a list, then lost all its records) cannot take another one: a conflict, exit 4.
 */
async function loadSuppression(tx: StoreTransaction, secret: string, entries: SuppressionEntry[], where: string): Promise<void> {
  if ((await tx.keepSuppressionSecret(secret)) !== secret) {
    throw conflictError(`the store ${where} keeps a suppression list of its own; migrate into an empty one`);
  }
  await tx.putSuppressions(entries);
}

/** The body of Store.load for every backend: refuse a store that holds anything (exit 4), insert, raise the counters, check. */
export async function loadDump(tx: StoreTransaction, batches: AsyncIterable<DumpBatch>, where: string, check?: LoadCheck): Promise<StoreCounts> {
  const before = await tx.counts();
  if (!isEmpty(before)) throw conflictError(`the store ${where} is not empty (${describeCounts(before)}); migrate into an empty one`);
  let purchasesCleared = false;
  for await (const batch of batches) {
    if (batch.kind === 'purchase' && !purchasesCleared) {
      // The prospects' conversions became first purchases with ids of the target's own: the batches bring every
      // purchase with its source id, so those make way (the target was empty, so they are all there is).
      await tx.delete('purchase', (await tx.listPurchases()).map((u) => u.id));
      purchasesCleared = true;
    }
    if (batch.kind === 'counters') await raiseCounters(tx, batch.counters);
    else if (batch.kind === 'suppression') await loadSuppression(tx, batch.secret, batch.entries, where);
    else await tx.insert(batch.kind, batch.records as never[]);
  }
  const written = await tx.counts();
  check?.(written);
  return written;
}
