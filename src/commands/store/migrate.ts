// `precrm store migrate <target>`: everything (ids and counters too) copied into an empty store of any backend, the
// counts then checked on both sides before the target commits.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { dataError, usageError } from '../../domain/errors.js';
import { describeCounts, sameCounts } from '../../store/dump.js';
import { describeLocation, openStore, parseLocation, type StoreLocation } from '../../store/open.js';
import { nulInBatch } from '../../store/nul-bytes.js';
import type { DumpBatch, StoreCounts } from '../../store/store.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { info, text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface MigrateOptions { target: StoreLocation; format: Format }
/** Where from and to (as messages name them) and what was copied. */
export interface Migrated { from: string; to: string; counts: StoreCounts }

export function register(parent: Command): Command {
  return parent.command('migrate <target>').description('copy everything into another, empty store (a JSON file, .db, or postgres:// URL)')
    .addHelpText('after', examples('precrm store migrate shop.db', 'precrm --store shop.db store migrate postgres://precrm@db.example/shop', 'precrm --store shop.db store migrate back.json'));
}

const sameLocation = (a: StoreLocation, b: StoreLocation) => (a.kind === 'postgres' ? a.kind === b.kind && a.url === b.url : b.kind !== 'postgres' && a.path === b.path);

export function parse([where]: Args, _flags: object, ctx: Pick<Context, 'clock' | 'stores' | 'term'>): MigrateOptions {
  const target = parseLocation(where as string, ctx.clock.cwd);
  if (sameLocation(ctx.stores.location, target)) throw usageError(`${describeLocation(target)} is the current store; migrate into another one`);
  return { target, format: ctx.term.format };
}

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

export async function run(ctx: Pick<Context, 'stores'>, o: MigrateOptions): Promise<Migrated> {
  const source = await ctx.stores.open();
  const expected: StoreCounts = { prospects: 0, touches: 0, surveys: 0, responses: 0, purchases: 0, tallies: 0, occasions: 0 };
  const to = describeLocation(o.target);
  const target = await openStore(o.target, ctx.stores.options());
  // Checked inside the target's transaction, before its commit: a target that lost a row keeps nothing.
  const check = (counts: StoreCounts) => {
    if (!sameCounts(counts, expected)) {
      throw dataError(`${to} holds ${describeCounts(counts)} after the migration, but ${ctx.stores.label} holds ${describeCounts(expected)}; nothing was migrated (check both stores: precrm store check)`);
    }
  };
  try {
    return { from: ctx.stores.label, to, counts: await target.load(tally(source.dump(), expected), check) };
  } finally {
    await target.close();
  }
}

/** The target on stdout for scripts; under --json, what was copied. */
export function show(m: Migrated, o: MigrateOptions): Shown {
  const said = info(`migrated ${describeCounts(m.counts)} from ${m.from} to ${m.to}`);
  if (o.format === 'json') return [said, text(`${JSON.stringify({ from: m.from, to: m.to, ...m.counts }, null, 2)}\n`)];
  return [said, text(`${m.to}\n`)];
}

export const migrate: Verb<object, MigrateOptions, Migrated> = { register, parse, run, show };
