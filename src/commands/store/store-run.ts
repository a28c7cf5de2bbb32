// The work of `precrm store check|backup|upgrade|migrate` (commands/store.ts declares them), loaded only when one runs.
import type { Context } from '../../context/context.js';
import { EXIT, PrecrmError, dataError, usageError } from '../../domain/errors.js';
import { describeCounts, sameCounts } from '../../store/dump.js';
import { describeLocation, openStore, type StoreLocation } from '../../store/open.js';
import { nulInBatch } from '../../store/nul-bytes.js';
import { snapshotText } from '../../store/snapshot.js';
import type { DumpBatch, Store, StoreCounts } from '../../store/store.js';
import { inPlace, outputTarget, refuseExisting, writeOutput, type OutputTarget } from '../common/output-file.js';

export async function checkRun(ctx: Context): Promise<void> {
  const s = await ctx.stores.open();
  const problems = await s.check();
  if (problems.length) throw dataError(problems[0]!, problems.slice(1));
  for (const stray of await s.strays()) ctx.term.warn(`${stray} was left by an interrupted write (the store itself is whole); the next write removes it`);
  ctx.term.info(`${ctx.stores.label}: ok (${describeCounts(await s.counts())})`);
}

/** `store upgrade`: says what it did (and where the backup is), or that the store is current already. */
export async function upgradeRun(ctx: Context): Promise<void> {
  const store = await ctx.stores.open();
  const done = await ctx.interruption.during(() => store.upgrade());
  if (done.from === done.to) {
    ctx.term.info(`${ctx.stores.label} is already at schema ${done.to}; nothing to do`);
    return;
  }
  ctx.interruption.markCommitted(`${ctx.stores.label} was upgraded to schema ${done.to}`);
  const kept = done.backup ? `; the schema-${done.from} store is kept as ${done.backup}` : '';
  ctx.term.info(`upgraded ${ctx.stores.label} from schema ${done.from} to schema ${done.to}${kept}`);
}

/**
 * A backup to a device, a FIFO or stdout: the JSON snapshot, streamed. A SQLite backup is a database file that
 * SQLite fills page by page and that cannot be renamed into such a place: refused, saying what to do instead.
 */
async function backupInPlace(ctx: Context, store: Store, target: OutputTarget): Promise<void> {
  if (store.kind === 'sqlite') {
    throw new PrecrmError(`a SQLite backup must be a regular file (SQLite writes it page by page), not ${target.shown}; back up to a file (precrm store backup copy.db), then copy that`, EXIT.cantCreate);
  }
  await writeOutput(ctx, target, await snapshotText(store));
}

/** A copy of the store: never onto the store's own files, never over an existing file without --yes (outputs rule). */
export async function backupRun(ctx: Context, opts: { file?: string }): Promise<void> {
  const store = await ctx.stores.open();
  let written: string;
  if (opts.file === undefined) {
    written = await ctx.interruption.during(() => store.backup(undefined, ctx.clock.now()));
  } else {
    const target = await outputTarget(ctx, opts.file, 'the backup');
    await refuseExisting(ctx, target);
    if (inPlace(target)) {
      await backupInPlace(ctx, store, target);
      // stdout (or a pipe behind /dev/stdout) carries the snapshot itself: no file name after it.
      ctx.term.info(`backed up to ${target.shown}`);
      return;
    }
    await ctx.interruption.during(() => store.backup(target.real, ctx.clock.now(), { replace: ctx.prompts.yes }));
    written = opts.file;
  }
  ctx.interruption.markCommitted(`the backup ${written} was written`);
  ctx.term.info(`backed up to ${written}`);
  ctx.term.out(`${written}\n`);
}

const sameLocation = (a: StoreLocation, b: StoreLocation) => (a.kind === 'postgres' ? a.kind === b.kind && a.url === b.url : b.kind !== 'postgres' && a.path === b.path);

const COUNT_OF = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses', purchase: 'purchases', tally: 'tallies', occasion: 'occasions' } as const;

/** Passes the batches on, counting the records in `counts`. */
async function* tally(batches: AsyncIterable<DumpBatch>, counts: StoreCounts): AsyncIterable<DumpBatch> {
  for await (const batch of batches) {
    // A NUL byte (left by a release that imported them) is refused on every target alike, never half-copied.
    const nul = nulInBatch(batch);
    if (nul !== null) throw dataError(`${nul} holds a NUL byte (\\0), which not every backend can store; nothing was migrated (remove it from that field, e.g. with precrm prospect edit, then migrate again)`);
    if (batch.kind !== 'counters' && batch.kind !== 'suppression') {
      // Every kind is counted, purchases and occasions too: a row the target lost is caught by the comparison.
      counts[COUNT_OF[batch.kind]] += batch.records.length;
    }
    yield batch;
  }
}

/** docs/CONTRACT.md §7: copies everything (ids and counters too) into an empty target, then checks the counts on both sides. */
export async function migrateRun(ctx: Context, opts: { target: StoreLocation }): Promise<void> {
  if (sameLocation(ctx.stores.location, opts.target)) throw usageError(`${describeLocation(opts.target)} is the current store; migrate into another one`);
  const source = await ctx.stores.open();
  const expected: StoreCounts = { prospects: 0, touches: 0, surveys: 0, responses: 0, purchases: 0, tallies: 0, occasions: 0 };
  const target = await openStore(opts.target, ctx.stores.options());
  let written: StoreCounts;
  // Checked inside the target's transaction, before its commit: a target that lost a row keeps nothing.
  const check = (counts: StoreCounts) => {
    if (!sameCounts(counts, expected)) {
      throw dataError(`${describeLocation(opts.target)} holds ${describeCounts(counts)} after the migration, but ${ctx.stores.label} holds ${describeCounts(expected)}; nothing was migrated (check both stores: precrm store check)`);
    }
  };
  try {
    written = await target.load(tally(source.dump(), expected), check);
  } finally {
    await target.close();
  }
  ctx.term.info(`migrated ${describeCounts(written)} from ${ctx.stores.label} to ${describeLocation(opts.target)}`);
  if (ctx.term.format === 'json') ctx.term.out(`${JSON.stringify({ from: ctx.stores.label, to: describeLocation(opts.target), ...written }, null, 2)}\n`);
  else ctx.term.out(`${describeLocation(opts.target)}\n`);
}
