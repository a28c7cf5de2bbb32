// The store's inter-process lock: an exclusive flock(2) on `<real store path>.lock`, taken without blocking and
// polled, so the event loop stays free and PRECRM_LOCK_TIMEOUT can end the wait. The kernel drops the lock when
// its holder dies however it dies, and never takes it from a live holder however long it works — unlike a lock
// judged stale by its age. The holder deletes the lock file before letting go; a waiter that then gets the lock on
// the deleted file notices (the path no longer names its file) and starts again on the new one.
import { constants } from 'node:fs';
import { lstat, open, readdir, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { PRIVATE_FILE } from '../../files/modes.js';

export interface StoreLock {
  /** False when someone deleted or replaced the lock file meanwhile, so another process may believe it holds it too. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

interface LockOptions {
  /** How long to wait for another holder before giving up with exit 75. */
  timeoutMs: number;
  /** Called between attempts; throws to stop waiting (an interrupt). */
  whileWaiting?: () => void;
}

type FlockSync = (fd: number, flags: 'exnb') => void;

/** fs-ext is a native addon (CommonJS): loaded only by a write, so reads and start-up never pay for it. */
async function loadFlock(): Promise<FlockSync> {
  const fsExt = (await import('fs-ext')) as { flockSync?: FlockSync; default?: { flockSync: FlockSync } };
  return fsExt.flockSync ?? fsExt.default!.flockSync;
}

/** readdir's answers for an old lock folder that another writer has already replaced. */
const GONE = new Set(['ENOENT', 'ENOTDIR']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function wrongKind(lockPath: string, what: string): PrecrmError {
  return new PrecrmError(`the store's lock ${lockPath} is ${what}, not a lock file precrm made; move it away (precrm makes a new one), then try again`, EXIT.cantCreate);
}

/**
 * Opens (creating it if needed) the lock file. Refuses a symlink (O_NOFOLLOW) and anything but a regular file; an
 * empty folder at that path is the lock an older precrm made (proper-lockfile's mkdir lock) and is replaced.
 */
async function openLockFile(lockPath: string): Promise<FileHandle> {
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let fh: FileHandle;
  try {
    fh = await open(lockPath, flags, PRIVATE_FILE);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw wrongKind(lockPath, 'a symbolic link');
    if (code === 'ENXIO') throw wrongKind(lockPath, 'a socket');
    if (code !== 'EISDIR') throw err;
    // Another writer may have removed the old folder (ENOENT) and made its lock file (ENOTDIR) since our open:
    // then there is nothing to replace, only a fresh lock file to open.
    const inside = await readdir(lockPath).catch((e: NodeJS.ErrnoException) => (GONE.has(e.code ?? '') ? [] : null));
    if (inside === null || inside.length > 0) throw wrongKind(lockPath, 'a folder with files in it');
    await rmdir(lockPath).catch(() => undefined); // an old precrm's lock folder; a racing waiter may remove it first
    return openLockFile(lockPath);
  }
  const stat = await fh.stat();
  if (!stat.isFile()) {
    await fh.close();
    throw wrongKind(lockPath, stat.isFIFO() ? 'a named pipe' : 'not a regular file');
  }
  return fh;
}

/** True when the path still names the file we hold open (the previous holder may have deleted it meanwhile). */
async function stillNamed(fh: FileHandle, lockPath: string): Promise<boolean> {
  const [held, named] = await Promise.all([fh.stat(), lstat(lockPath).catch(() => null)]);
  return named !== null && named.ino === held.ino && named.dev === held.dev;
}

function tryFlock(flock: FlockSync, fd: number): boolean {
  try {
    flock(fd, 'exnb');
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return false;
    throw err;
  }
}

function timedOut(storePath: string, ms: number): PrecrmError {
  return new PrecrmError(
    `another precrm process has held the lock on ${storePath} for over ${ms} ms; try again later (or raise PRECRM_LOCK_TIMEOUT)`,
    EXIT.tempFail,
  );
}

/** Waits for the lock on `lockPath` (for the store at `storePath`, named in messages) and returns its holder's handle. */
export async function lockFile(lockPath: string, storePath: string, opts: LockOptions): Promise<StoreLock> {
  const flock = await loadFlock();
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const fh = await openLockFile(lockPath);
    try {
      while (!tryFlock(flock, fh.fd)) {
        opts.whileWaiting?.();
        if (Date.now() >= deadline) throw timedOut(storePath, opts.timeoutMs);
        await sleep(10 + Math.random() * 30);
      }
      if (await stillNamed(fh, lockPath)) {
        return {
          stillHeld: () => stillNamed(fh, lockPath),
          release: async () => {
            await unlink(lockPath).catch(() => undefined);
            await fh.close();
          },
        };
      }
    } catch (err) {
      await fh.close();
      throw err;
    }
    await fh.close(); // got the lock on a file its holder had already deleted: try the current one
  }
}
