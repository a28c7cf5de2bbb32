// The JSON-file backend: a lowdb document with an atomic, fsynced, 0600 adapter, written only under an inter-process lock.
import { copyFile, mkdir, chmod } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { localDay, localTime } from '../domain/dates.js';
import { EXIT, PrecrmError } from '../domain/errors.js';
import { emptyDoc, type StoreDoc } from '../domain/types.js';
import { fsReason, loadFile } from './load.js';

const FILE_MODE = 0o600;

export interface JsonFileStoreOptions {
  /** How long to wait for another writer before giving up with exit 75. */
  lockTimeoutMs: number;
  /** After how long a lock whose holder stopped refreshing it is taken over (proper-lockfile's `stale`). */
  lockStaleMs?: number;
  /** Test seam: runs under the lock just before the file is written (to hold the lock, or break it). */
  beforeWrite?: () => Promise<void>;
}

/** A file-system failure (an errno code) becomes exit 73; anything else is a bug and passes through as one. */
const cannotWrite = (path: string, err: unknown) => {
  if (typeof (err as NodeJS.ErrnoException)?.code !== 'string') return err;
  return new PrecrmError(`cannot write the store ${path} (${fsReason(err)}); check the path and its permissions, or use --store`, EXIT.cantCreate);
};

/** lowdb adapter: unique temp file + fsync + rename (write-file-atomic), mode 0600. */
class AtomicJsonAdapter implements Adapter<StoreDoc> {
  migratedFrom: number | null = null;
  constructor(private readonly path: string) {}

  async read(): Promise<StoreDoc | null> {
    const loaded = await loadFile(this.path);
    this.migratedFrom = loaded?.migratedFrom ?? null;
    return loaded?.doc ?? null;
  }

  async write(doc: StoreDoc): Promise<void> {
    try {
      await writeFileAtomic(this.path, JSON.stringify(doc), { mode: FILE_MODE, fsync: true });
    } catch (err) {
      throw cannotWrite(this.path, err);
    }
  }
}

/**
 * mkdir -p one level at a time: node's recursive mkdir reports ENOENT where the real cause is EROFS or EACCES,
 * and the user deserves the real one.
 */
async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw err;
    await makeFolders(dirname(dir));
    await mkdir(dir, { mode: 0o700 }).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class JsonFileStore {
  constructor(readonly location: string, private readonly options: JsonFileStoreOptions) {}

  async read(): Promise<StoreDoc> {
    return (await loadFile(this.location))?.doc ?? emptyDoc();
  }

  /** Lock, re-read, run `change` (which may await), write atomically, unlock; if `change` throws, nothing is written. */
  async update<T>(change: (doc: StoreDoc) => T | Promise<T>): Promise<T> {
    await this.ensureFolder();
    let compromised: Error | null = null;
    const release = await this.lock((err) => { compromised = err; });
    try {
      const adapter = new AtomicJsonAdapter(this.location);
      const db = new Low<StoreDoc>(adapter, emptyDoc());
      await db.read();
      const result = await change(db.data);
      if (adapter.migratedFrom !== null) await this.keepOriginal(adapter.migratedFrom);
      await this.options.beforeWrite?.();
      if (compromised) throw this.lostLock();
      await db.write();
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  async check(): Promise<string[]> {
    try {
      await loadFile(this.location);
      return [];
    } catch (err) {
      if (err instanceof PrecrmError && err.exitCode === EXIT.dataErr) return [err.message, ...err.details];
      throw err;
    }
  }

  async backup(target: string | undefined, now: Date): Promise<string> {
    const dest = target ?? `${this.location}.${localDay(now).replaceAll('-', '')}-${localTime(now, true).replaceAll(':', '')}.bak`;
    if ((await loadFile(this.location)) === null) {
      throw new PrecrmError(`there is no store at ${this.location} yet; nothing to back up`, EXIT.noInput);
    }
    try {
      await copyFile(this.location, dest);
      await chmod(dest, FILE_MODE);
    } catch (err) {
      throw new PrecrmError(`cannot write the backup ${dest} (${fsReason(err)})`, EXIT.cantCreate);
    }
    return dest;
  }

  private async ensureFolder(): Promise<void> {
    try {
      await makeFolders(dirname(this.location));
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
  }

  private async keepOriginal(version: number): Promise<void> {
    try {
      await copyFile(this.location, `${this.location}.schema${version}.bak`);
      await chmod(`${this.location}.schema${version}.bak`, FILE_MODE);
    } catch (err) {
      throw cannotWrite(`${this.location}.schema${version}.bak`, err);
    }
  }

  private lostLock(): PrecrmError {
    return new PrecrmError(`lost the lock on ${this.location} to another process; nothing was written, try again`, EXIT.tempFail);
  }

  /** Takes the lock, retrying until the timeout; proper-lockfile's own retries stop at a fixed count. */
  private async lock(onCompromised: (err: Error) => void): Promise<() => Promise<void>> {
    const deadline = Date.now() + this.options.lockTimeoutMs;
    for (;;) {
      try {
        return await lockfile.lock(this.location, {
          realpath: false,
          lockfilePath: `${this.location}.lock`,
          stale: this.options.lockStaleMs ?? 10_000,
          retries: 0,
          onCompromised,
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ELOCKED') throw cannotWrite(this.location, err);
        if (Date.now() >= deadline) {
          throw new PrecrmError(
            `another precrm process has held the lock on ${this.location} for over ${this.options.lockTimeoutMs} ms; try again later (or raise PRECRM_LOCK_TIMEOUT)`,
            EXIT.tempFail,
          );
        }
        await sleep(20 + Math.random() * 40);
      }
    }
  }
}
