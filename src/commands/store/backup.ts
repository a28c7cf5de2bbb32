// `precrm store backup [file]`: a copy of the store, never onto the store's own files, never over an existing file
// without --yes.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import type { Store } from '../../store/store.js';
import { inPlace, outputTarget, refuseExisting, writeOutput, type OutputTarget } from '../common/output-file.js';
import { examples } from '../common/examples.js';
import { info, text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';

export interface BackupOptions { file?: string }
/** A backup file (its name as given, or the dated one made beside the store), or a snapshot sent in place. */
export type BackedUp = { kind: 'file'; file: string } | { kind: 'in-place'; shown: string };

export function register(parent: Command): Command {
  return parent.command('backup [file]').description('copy the store to file (default: a new dated file beside it); an existing file needs --yes')
    .addHelpText('after', examples('precrm store backup', 'precrm store backup ~/backups/precrm-$(date +%F).json', 'precrm store backup latest.json --yes'));
}

export const parse = ([file]: Args): BackupOptions => (file === undefined ? {} : { file: file as string });

/**
 * A backup to a device, a FIFO or stdout: the JSON snapshot, streamed. A SQLite backup is a database file that
 * SQLite fills page by page and that cannot be renamed into such a place: refused, saying what to do instead.
 */
async function backupInPlace(ctx: Context, store: Store, target: OutputTarget): Promise<void> {
  if (store.kind === 'sqlite') {
    throw new PrecrmError(`a SQLite backup must be a regular file (SQLite writes it page by page), not ${target.shown}; back up to a file (precrm store backup copy.db), then copy that`, EXIT.cantCreate);
  }
  const { snapshotText } = await import('../../store/snapshot.js');
  await writeOutput(ctx, target, await snapshotText(store));
}

/** The backup's bytes are the work itself, so they are written here, wherever they go (a file, a device, stdout). */
export async function run(ctx: Context, o: BackupOptions): Promise<BackedUp> {
  const store = await ctx.stores.open();
  if (o.file === undefined) {
    const file = await ctx.interruption.during(() => store.backup(undefined, ctx.clock.now()));
    ctx.interruption.markCommitted(`the backup ${file} was written`);
    return { kind: 'file', file };
  }
  const target = await outputTarget(ctx, o.file, 'the backup');
  await refuseExisting(ctx, target);
  if (inPlace(target)) {
    await backupInPlace(ctx, store, target);
    return { kind: 'in-place', shown: target.shown };
  }
  await ctx.interruption.during(() => store.backup(target.real, ctx.clock.now(), { replace: ctx.prompts.yes }));
  ctx.interruption.markCommitted(`the backup ${o.file} was written`);
  return { kind: 'file', file: o.file };
}

/** A file's name on stdout for scripts; stdout (or a pipe behind /dev/stdout) carries the snapshot itself: no name after it. */
export function show(b: BackedUp): Shown {
  if (b.kind === 'in-place') return [info(`backed up to ${b.shown}`)];
  return [info(`backed up to ${b.file}`), text(`${b.file}\n`)];
}

export const backup: Verb<object, BackupOptions, BackedUp> = { register, parse, run, show };
