// The work of `precrm store check|backup|migrate` (commands/store.ts declares them), loaded only when one runs.
import type { Context } from '../context.js';
import { dataError, usageError } from '../domain/errors.js';
import { describeCounts } from '../store/dump.js';
import { describeLocation, openStore, type StoreLocation } from '../store/open.js';
import { nulInBatch } from '../store/nul-bytes.js';
import type { DumpBatch, StoreCounts } from '../store/store.js';
import { outputTarget, refuseExisting } from './output-file.js';

export async function checkRun(ctx: Context): Promise<void> {
  const s = await ctx.openStore();
  const problems = await s.check();
  if (problems.length) throw dataError(problems[0]!, problems.slice(1));
  for (const stray of await s.strays()) ctx.warn(`${stray} was left by an interrupted write (the store itself is whole); the next write removes it`);
  ctx.info(`${ctx.storeLabel}: ok (${describeCounts(await s.counts())})`);
}

/** A copy of the store: never onto the store's own files, never over an existing file without --yes (outputs rule). */
export async function backupRun(ctx: Context, opts: { file?: string }): Promise<void> {
  const store = await ctx.openStore();
  let written: string;
  if (opts.file === undefined) {
    written = await ctx.interruption.during(() => store.backup(undefined, ctx.now()));
  } else {
    const target = await outputTarget(ctx, opts.file, 'the backup');
    await refuseExisting(ctx, target);
    await ctx.interruption.during(() => store.backup(target.real, ctx.now(), { replace: ctx.yes }));
    written = opts.file;
  }
  ctx.interruption.markCommitted(`the backup ${written} was written`);
  ctx.info(`backed up to ${written}`);
  ctx.out(`${written}\n`);
}

const sameLocation = (a: StoreLocation, b: StoreLocation) => (a.kind === 'postgres' ? a.kind === b.kind && a.url === b.url : b.kind !== 'postgres' && a.path === b.path);

const COUNT_OF = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses' } as const;

/** Passes the batches on, counting the records in `counts`. */
async function* tally(batches: AsyncIterable<DumpBatch>, counts: StoreCounts): AsyncIterable<DumpBatch> {
  for await (const batch of batches) {
    // A NUL byte (left by a release that imported them) is refused on every target alike, never half-copied.
    const nul = nulInBatch(batch);
    if (nul !== null) throw dataError(`${nul} holds a NUL byte (\\0), which not every backend can store; nothing was migrated (remove it from that field, e.g. with precrm prospect edit, then migrate again)`);
    if (batch.kind !== 'counters') counts[COUNT_OF[batch.kind]] += batch.records.length;
    yield batch;
  }
}

/** SPEC §7: copies everything (ids and counters too) into an empty target, then checks the counts on both sides. */
export async function migrateRun(ctx: Context, opts: { target: StoreLocation }): Promise<void> {
  if (sameLocation(ctx.storeLocation, opts.target)) throw usageError(`${describeLocation(opts.target)} is the current store; migrate into another one`);
  const source = await ctx.openStore();
  const expected: StoreCounts = { prospects: 0, touches: 0, surveys: 0, responses: 0 };
  const target = await openStore(opts.target, ctx.storeOptions());
  let written: StoreCounts;
  try {
    written = await target.load(tally(source.dump(), expected));
    const after = await target.counts();
    if (describeCounts(after) !== describeCounts(expected) || describeCounts(written) !== describeCounts(expected)) {
      throw dataError(`${describeLocation(opts.target)} holds ${describeCounts(after)} after the migration, but ${ctx.storeLabel} holds ${describeCounts(expected)}; check both stores (precrm store check)`);
    }
  } finally {
    await target.close();
  }
  ctx.info(`migrated ${describeCounts(written)} from ${ctx.storeLabel} to ${describeLocation(opts.target)}`);
  if (ctx.format === 'json') ctx.out(`${JSON.stringify({ from: ctx.storeLabel, to: describeLocation(opts.target), ...written }, null, 2)}\n`);
  else ctx.out(`${describeLocation(opts.target)}\n`);
}
