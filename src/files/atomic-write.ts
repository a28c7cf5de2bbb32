// Checked atomic writes: the whole content goes to a temp file beside the target, its size is checked after fsync,
// then it is renamed over the target (or linked, when the target must not be replaced) and the folder is fsynced.
// A failure at any step removes the temp file and leaves the target as it was. Used for the store and every
// file precrm writes for the user (exports, rejects, backups).
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

interface AtomicWriteOptions {
  /** The temp file: in the target's folder (a rename cannot cross file systems), see temp-files.ts. */
  tempPath: string;
  /** Mode of the written file (applied explicitly, so the umask does not change it). */
  mode: number;
  /** Owner to give the file (the replaced store's), when allowed; a failure to chown is not an error. */
  owner?: { uid: number; gid: number };
  /** true: fail with EEXIST rather than replace an existing target (atomically: a hard link cannot overwrite). */
  noClobber?: boolean;
  /** Runs after the content is safely in the temp file, just before the point of no return; throwing stops the write. */
  beforeCommit?: () => void | Promise<void>;
}

/** An error for a write whose bytes did not all reach the disk though no call reported a failure. */
function shortWrite(wrote: number, meant: number): NodeJS.ErrnoException {
  return Object.assign(new Error(`wrote ${wrote} of ${meant} bytes`), { code: 'ESHORT' });
}

/** write(2) may write less than asked (a nearly full disk does): keep going until all is written or it fails. */
async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, offset, bytes.length - offset, offset);
    if (bytesWritten <= 0) throw shortWrite(offset, bytes.length);
    offset += bytesWritten;
  }
}

/**
 * fsync of the folder makes the rename itself durable. It runs after the rename, when the new content is in place:
 * a failure here (file systems that cannot sync a folder say EINVAL) must not report the write as failed.
 */
async function syncFolder(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    await fh.sync().finally(() => fh.close());
  } catch {
    // the content is written and renamed; only its durability across a power cut is unconfirmed
  }
}

async function fillTemp(fh: FileHandle, opts: AtomicWriteOptions, bytes: Buffer): Promise<void> {
  try {
    await fh.chmod(opts.mode);
    if (opts.owner) await fh.chown(opts.owner.uid, opts.owner.gid).catch(() => undefined);
    await writeAll(fh, bytes);
    await fh.sync();
    const { size } = await fh.stat();
    if (size !== bytes.length) throw shortWrite(size, bytes.length);
  } finally {
    await fh.close();
  }
}

/** Puts the temp file in place of the target without ever replacing an existing one. */
async function linkNew(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (err) {
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (!['EPERM', 'EOPNOTSUPP', 'ENOSYS'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    const exists = await lstat(target).then(() => true, () => false);
    if (exists) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await rename(temp, target);
  }
}

/** Writes `data` to `target` atomically: afterwards the target holds all of it, or is exactly as it was. */
export async function writeAtomic(target: string, data: string | Buffer, opts: AtomicWriteOptions): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  // 'wx': the temp name is ours alone; if it somehow exists, fail rather than write into (or later remove) another's.
  const fh = await open(opts.tempPath, 'wx', opts.mode);
  try {
    await fillTemp(fh, opts, bytes);
    await opts.beforeCommit?.();
    if (opts.noClobber) await linkNew(opts.tempPath, target);
    else await rename(opts.tempPath, target);
  } catch (err) {
    await unlink(opts.tempPath).catch(() => undefined);
    throw err;
  }
  if (opts.noClobber) await unlink(opts.tempPath).catch(() => undefined);
  await syncFolder(dirname(target));
}

/**
 * Writes `data` under the first free name of `nameFor(1)`, `nameFor(2)` … (never replacing a file, even one made
 * meanwhile by another process) and returns the name used.
 */
export async function writeAtomicUnique(nameFor: (n: number) => string, data: string | Buffer, opts: Omit<AtomicWriteOptions, 'noClobber'>): Promise<string> {
  for (let n = 1; ; n++) {
    try {
      await writeAtomic(nameFor(n), data, { ...opts, noClobber: true });
      return nameFor(n);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw err;
    }
  }
}
