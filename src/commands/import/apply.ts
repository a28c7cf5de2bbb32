// Applying an import's plan: at once for a file that fits one batch (as read), or batch by batch in one transaction
// for a larger one, each batch planned against what the earlier ones wrote; all or nothing either way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { StoreDoc } from '../../domain/types.js';
import type { ImportRow } from '../../csv/load.js';
import { openStore } from '../../store/open.js';
import type { Store, StoreReader, StoreTransaction } from '../../store/store.js';
import { addTally, emptyTally, type Tally } from './counts.js';
import type { ImportContext, ImportOptions } from './flags.js';
import type { ReadRows } from './read.js';
import { sliceSnapshot, writeSlice } from './slice.js';

/** How one kind of import plans its rows against the part of the store they can touch, and applies the plan. */
export interface Planner<R, P> {
  /** Called as each batched transaction (or its rerun) begins: forget what an earlier attempt learnt. */
  start?(tx: StoreReader): Promise<void>;
  /** A batch's rows as the batches before it leave them to be read (a referral by a file id that was renumbered), in parts planned one after the other. */
  prepare?(rows: ImportRow<R>[]): ImportRow<R>[][];
  slice(reader: StoreReader, rows: readonly ImportRow<R>[]): Promise<StoreDoc>;
  plan(doc: StoreDoc, rows: readonly ImportRow<R>[]): P;
  changes(p: P): boolean;
  apply(doc: StoreDoc, p: P): void;
  tally(p: P): Tally;
  /** Writes what the plan implies beyond the slice (the suppression list), in the same transaction. */
  also?(tx: StoreTransaction, p: P): Promise<void>;
  /** Rows of a batch that must wait until every other row is in (a referral to a row further down the file). */
  holdBack?(doc: StoreDoc, rows: readonly ImportRow<R>[]): ImportRow<R>[];
  /** A batch planned and written by the store itself when it can (set-based on a database); undefined: slice, plan, apply. */
  direct?(tx: StoreTransaction, rows: readonly ImportRow<R>[]): Promise<DirectBatch | undefined>;
}

/** A batch the store planned: its tally, and the write of what it planned (called only when the import keeps it). */
export interface DirectBatch {
  tally: Tally;
  /** Whether the batch changes the store (a batch of repeats writes nothing). */
  changes: boolean;
  write(): Promise<void>;
}

/** Plans and writes a batch in the transaction, directly or through the slice; whether something was written. */
async function writeBatch<R, P>(tx: StoreTransaction, rows: readonly ImportRow<R>[], planner: Planner<R, P>, keep: (t: Tally) => boolean): Promise<{ tally: Tally; written: boolean }> {
  const direct = await planner.direct?.(tx, rows);
  if (direct) {
    const written = keep(direct.tally) && direct.changes;
    if (written) await direct.write();
    return { tally: direct.tally, written };
  }
  const doc = await planner.slice(tx, rows);
  const planned = planner.plan(doc, rows);
  const tally = planner.tally(planned);
  if (!keep(tally) || !planner.changes(planned)) return { tally, written: false };
  const before = sliceSnapshot(doc);
  planner.apply(doc, planned);
  await writeSlice(tx, before, doc);
  await planner.also?.(tx, planned);
  return { tally, written: true };
}

/**
 * Plans against the part of the store the rows can touch (`slice`): read as it is for --dry-run or invalid rows,
 * else inside one transaction, where `apply` changes the slice only when every row is acceptable and something
 * changes — and what it changed is written. A transaction that writes nothing leaves the store as it was.
 */
async function applyOnce<R, P>(ctx: ImportContext, options: ImportOptions, rowRejects: number, rows: ImportRow<R>[], planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const store = await ctx.stores.open();
  if (options.dryRun || (rowRejects > 0 && !options.skipInvalid)) return { tally: planner.tally(planner.plan(await planner.slice(store, rows), rows)), written: false };
  return store.transaction((tx) => writeBatch(tx, rows, planner, (t) => t.rejected.length === 0 || options.skipInvalid));
}

/** Thrown to end a batched dry run (or a refused import) with everything it wrote rolled back. */
class RolledBack extends Error {
  constructor(readonly tally: Tally) {
    super('rolled back');
  }
}

/**
 * A file of several batches: each is planned against the store as the batches before it left it, inside one
 * transaction, so duplicates across batches are found in the store and a failure anywhere writes nothing. A dry
 * run, or a file with invalid rows not skipped, runs the same way and is rolled back — against an empty scratch
 * store when the store does not exist yet, so that nothing is created.
 */
async function applyBatches<R, P>(ctx: ImportContext, options: ImportOptions, read: ReadRows<R>, planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const keep = !options.dryRun && (read.rejected.length === 0 || options.skipInvalid);
  const store = await ctx.stores.open();
  const scratch = !keep && (await store.absent()) ? await scratchStore(ctx) : undefined;
  try {
    return await (scratch?.store ?? store).transaction(async (tx) => {
      const total = emptyTally();
      let written = false;
      const later: ImportRow<R>[] = [];
      await planner.start?.(tx);
      const step = async (batch: ImportRow<R>[], last: boolean) => {
        for (const rows of planner.prepare?.(batch) ?? [batch]) await stepRows(rows, last);
      };
      const stepRows = async (rows: ImportRow<R>[], last: boolean) => {
        const direct = await planner.direct?.(tx, rows);
        if (direct) {
          addTally(total, direct.tally);
          if (direct.changes) await direct.write();
          written ||= direct.changes;
          return;
        }
        const doc = await planner.slice(tx, rows);
        const held = new Set(last || !planner.holdBack ? [] : planner.holdBack(doc, rows));
        for (const r of held) later.push(r);
        const planned = planner.plan(doc, held.size ? rows.filter((r) => !held.has(r)) : rows);
        addTally(total, planner.tally(planned));
        if (!planner.changes(planned)) return;
        const before = sliceSnapshot(doc);
        planner.apply(doc, planned);
        await writeSlice(tx, before, doc);
        await planner.also?.(tx, planned);
        written = true;
      };
      for await (const rows of read.batches()) {
        await step(rows, false);
        // A signal during a long import ends it at the next batch (nothing written), not after the last.
        ctx.interruption.check();
        collectGarbage();
      }
      if (later.length) await step(later, true);
      if (!keep || (total.rejected.length > 0 && !options.skipInvalid)) throw new RolledBack(total);
      return { tally: total, written };
    });
  } catch (err) {
    if (err instanceof RolledBack) return { tally: err.tally, written: false };
    throw err;
  } finally {
    await scratch?.dispose();
  }
}

let gc: (() => void) | undefined;
/** The heap in use after the last collection. */
let heldBytes = 0;
/** What a batch may leave behind before the next collection (a batch of touches leaves a few MB). */
const GARBAGE_BYTES = 32 << 20;

/**
 * Between batches, a full garbage collection once the batches since the last one left more than GARBAGE_BYTES:
 * V8 otherwise lets the garbage of many batches pile up before it collects (it sizes the heap by how fast a program
 * allocates, and an import allocates fast), and the resident memory of a long import grows to several times what it
 * holds. A collection after every batch cost a 1M-row touch import a fifth of its time.
 */
function collectGarbage(): void {
  if (getHeapStatistics().used_heap_size - heldBytes < GARBAGE_BYTES) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  heldBytes = getHeapStatistics().used_heap_size;
}

/** An empty SQLite store in a private temporary folder, removed afterwards. */
async function scratchStore(ctx: ImportContext): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'precrm-dry-run-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'scratch.db') }, ctx.stores.options());
  return { store, dispose: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Plans and applies the rows: at once when the first pass kept them all, else batch by batch. Rejections come first-pass first. */
export async function importRows<R, P>(ctx: ImportContext, options: ImportOptions, read: ReadRows<R>, planner: Planner<R, P>): Promise<{ tally: Tally; written: boolean }> {
  const result = read.whole ? await applyOnce(ctx, options, read.rejected.length, read.whole, planner) : await applyBatches(ctx, options, read, planner);
  result.tally.rejected = [...read.rejected, ...result.tally.rejected];
  return result;
}
