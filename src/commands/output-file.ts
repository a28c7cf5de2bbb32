// Every file precrm writes for the user (`export -o`, `import --rejects`, `store backup FILE`, and any later
// `-o`): never onto the store or one of its own files, through whatever path or symlink; written atomically
// (temp file + rename, mode 0600 even over an existing file), so a failed or interrupted write leaves the old
// file whole. Backend-neutral: the store says which files are its own.
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { conflictError, usageError } from '../domain/errors.js';
import { writeFailure } from '../store/fs-errors.js';
import { writeAtomic } from '../store/json/atomic-write.js';
import { tempPathFor } from '../store/json/temp-files.js';
import { realPathOf } from '../store/real-path.js';

const OUTPUT_MODE = 0o600;

export interface OutputTarget {
  /** As the user typed it, for messages. */
  shown: string;
  /** Where the bytes really go (symlinks resolved). */
  real: string;
  /** What it is, for messages: "the export file", "the rejects file", "the backup". */
  what: string;
}

/**
 * Resolves `file` (relative to the working folder) and refuses, with exit 2, a target that is the store, its lock
 * or one of its temp files. Call it before any other work, so a refused command has changed nothing.
 */
export async function outputTarget(ctx: Context, file: string, what: string): Promise<OutputTarget> {
  let real: string;
  try {
    real = await realPathOf(resolve(ctx.world.cwd, file));
  } catch (err) {
    throw writeFailure(`${what} ${file}`, err, 'nothing was written', 'check the path and its permissions');
  }
  if (await (await ctx.openStore()).ownsFile(real)) {
    throw usageError(`${what} ${file} would overwrite the store ${ctx.storeLabel} (or its lock or temp files); name another file`);
  }
  return { shown: file, real, what };
}

/** Exit 4 unless the user said --yes: for outputs that must not replace an existing file silently (backups). */
export async function refuseExisting(ctx: Context, target: OutputTarget): Promise<void> {
  if (ctx.yes) return;
  const exists = await lstat(target.real).then(() => true, () => false);
  if (exists) throw conflictError(`${target.what} ${target.shown} already exists; add --yes to replace it, or name another file`);
}

/** Writes `data` to the target atomically, mode 0600. `replace: false` never replaces an existing file (exit 4). */
export async function writeOutput(ctx: Context, target: OutputTarget, data: string | Buffer, opts: { replace?: boolean } = {}): Promise<void> {
  const replace = opts.replace ?? true;
  await ctx.interruption.during(async () => {
    try {
      await writeAtomic(target.real, data, {
        tempPath: tempPathFor(target.real, ctx.world.pid ?? 0),
        mode: OUTPUT_MODE,
        noClobber: !replace,
        beforeCommit: () => ctx.interruption.check(),
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && !replace) {
        throw conflictError(`${target.what} ${target.shown} already exists; add --yes to replace it, or name another file`);
      }
      throw writeFailure(`${target.what} ${target.shown}`, err, `${target.shown} was left as it was`, 'check the folder and its permissions');
    }
    ctx.interruption.markCommitted(`${target.shown} was written`);
  });
}

/** outputTarget + writeOutput, for a command that has its content ready. */
export async function writeOutputFile(ctx: Context, file: string, what: string, data: string | Buffer): Promise<void> {
  await writeOutput(ctx, await outputTarget(ctx, file, what), data);
}
