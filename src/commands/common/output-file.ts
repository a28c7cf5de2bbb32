// Every file precrm writes for the user (`export -o`, `import --rejects`, `report -o`, `report html --out`,
// `store backup FILE`): never onto the store or one of its own files, through whatever path or symlink. A regular
// file (or a new one) is written atomically (temp file + rename, mode 0600 even over an existing file), so a failed
// or interrupted write leaves the old file whole; anything else that exists — a device, a FIFO, a socket,
// `/dev/stdout` — is written in place (output-place.ts); `-` is stdout. Backend-neutral: the store says which
// files are its own.
import { access, lstat, open, unlink } from 'node:fs/promises';
import { constants } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../../context/context.js';
import { EXIT, PrecrmError, conflictError, usageError } from '../../domain/errors.js';
import { writeFailure } from '../../files/fs-errors.js';
import { writeAtomic } from '../../files/atomic-write.js';
import { tempPathFor } from '../../files/temp-files.js';
import { realPathOf } from '../../files/real-path.js';
import { PRIVATE_FILE } from '../../files/modes.js';
import { placeOf, descriptorProblem, writeDescriptor, writeOpened, writeSocket, type Place } from './output-place.js';

export interface OutputTarget {
  /** As the user typed it, for messages. */
  shown: string;
  /** Where the bytes really go (symlinks resolved); `-` for stdout. */
  real: string;
  /** What it is, for messages: "the export file", "the rejects file", "the backup". */
  what: string;
  /** How it is written: replaced atomically (a regular file), in place (anything else), or stdout. */
  place: Place | { kind: 'stdout' };
}

/** True when the target is not a file to replace (stdout, a device, a FIFO …): written as it comes, in place. */
export const inPlace = (target: OutputTarget): boolean => target.place.kind !== 'file';

/** What writing an output file uses: the working folder and pid, the store (never written over), stdout, signals. */
export type OutputContext = Pick<Context, 'clock' | 'stores' | 'term' | 'interruption'>;

const cannot = (target: { what: string; shown: string }, why: string) =>
  new PrecrmError(`cannot write ${target.what} ${target.shown} (${why}); nothing was written — name another file`, EXIT.cantCreate);

/**
 * Makes sure the write can happen before any work is done (an import must not import and then fail on its
 * --rejects file): a regular file's folder takes a temp file; a device or FIFO is writable; a descriptor is open
 * for writing. Failures are exit 73.
 */
async function checkWritable(target: OutputTarget, pid: number): Promise<void> {
  const { place, real } = target;
  if (place.kind === 'folder') throw cannot(target, 'EISDIR: it is a folder');
  const problem = place.kind === 'descriptor' ? await descriptorProblem(place.fd) : undefined;
  if (problem) throw cannot(target, problem);
  if (place.kind === 'open' || place.kind === 'socket') await access(real, constants.W_OK);
  if (place.kind !== 'file') return;
  // A temp file made and removed at once: proves the folder exists and takes files (permissions, read-only mounts).
  const probe = tempPathFor(real, pid);
  await (await open(probe, 'wx', PRIVATE_FILE)).close();
  await unlink(probe).catch(() => undefined);
}

/**
 * Resolves `file` (relative to the working folder; `-` is stdout), refuses with exit 2 a target that is the store,
 * its lock or one of its temp files, and with exit 73 one that cannot be written. Call it before any other work, so
 * a refused command has changed nothing.
 */
export async function outputTarget(ctx: OutputContext, file: string, what: string): Promise<OutputTarget> {
  if (file === '-') return { shown: 'stdout', real: '-', what, place: { kind: 'stdout' } };
  let target: OutputTarget;
  try {
    const path = resolve(ctx.clock.cwd, file);
    target = { shown: file, real: await realPathOf(path), what, place: await placeOf(path, ctx.clock.pid ?? 0) };
  } catch (err) {
    throw writeFailure(`${what} ${file}`, err, 'nothing was written', 'check the path and its permissions');
  }
  if (await (await ctx.stores.open()).ownsFile(target.real)) {
    throw usageError(`${what} ${file} would overwrite the store ${ctx.stores.label} (or its lock or temp files); name another file`);
  }
  try {
    await checkWritable(target, ctx.clock.pid ?? 0);
  } catch (err) {
    throw writeFailure(`${what} ${file}`, err, 'nothing was written', 'nothing was written — check the path and its permissions');
  }
  return target;
}

/** Exit 4 unless the user said --yes: for outputs that must not replace an existing file silently (backups). */
export async function refuseExisting(ctx: Context, target: OutputTarget): Promise<void> {
  if (ctx.prompts.yes || inPlace(target)) return; // a device or FIFO is written to, not replaced
  const exists = await lstat(target.real).then(() => true, () => false);
  if (exists) throw conflictError(`${target.what} ${target.shown} already exists; add --yes to replace it, or name another file`);
}

/** Writes where the target is, as it is: stdout, one of our descriptors, a device or FIFO, a socket. */
async function writeInPlace(ctx: OutputContext, target: OutputTarget, data: string | Buffer): Promise<void> {
  const { place } = target;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  // stdout goes through the command's own stream (a spreadsheet, the one binary output, is refused before that).
  if (place.kind === 'stdout') ctx.term.out(typeof data === 'string' ? data : data.toString('utf8'));
  else if (place.kind === 'descriptor') await writeDescriptor(place.fd, bytes);
  else if (place.kind === 'socket') await writeSocket(target.real, bytes);
  else if (place.kind === 'open') await writeOpened(target.real, bytes, place.append);
}

/**
 * Writes `data` to the target: a regular file atomically, mode 0600 (`replace: false` never replaces an existing
 * file: exit 4); anything else in place. A signal during an in-place write ends it at once (a FIFO with no reader
 * waits for one): what was written there cannot be taken back anyway.
 */
export async function writeOutput(ctx: OutputContext, target: OutputTarget, data: string | Buffer, opts: { replace?: boolean } = {}): Promise<void> {
  if (inPlace(target)) {
    try {
      await writeInPlace(ctx, target, data);
    } catch (err) {
      throw writeFailure(`${target.what} ${target.shown}`, err, 'part of it may have been written', 'check the path and its permissions');
    }
    return;
  }
  const replace = opts.replace ?? true;
  await ctx.interruption.during(async () => {
    try {
      await writeAtomic(target.real, data, {
        tempPath: tempPathFor(target.real, ctx.clock.pid ?? 0),
        mode: PRIVATE_FILE,
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
export async function writeOutputFile(ctx: OutputContext, file: string, what: string, data: string | Buffer): Promise<void> {
  await writeOutput(ctx, await outputTarget(ctx, file, what), data);
}
