// The JSON-file backend: a lowdb document, written only under the store's OS lock (json/lock.ts) by a checked
// atomic write (files/atomic-write.ts) to the store's real path, so a symlink and its target are one store.
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { localDay, localTime } from '../domain/dates.js';
import { EXIT, PrecrmError } from '../domain/errors.js';
import { emptyDoc, type StoreDoc } from '../domain/types.js';
import { Interruption } from '../interruption.js';
import { writeFailure } from '../files/fs-errors.js';
import { writeAtomic, writeAtomicUnique } from '../files/atomic-write.js';
import { lockFile, type StoreLock } from './json/lock.js';
import { jsonStoreOwns } from './json/own-files.js';
import { forgetInCopies } from './copies.js';
import { removeTempFiles, tempFilesOf, tempPathFor } from '../files/temp-files.js';
import { loadFile, parseStoreText, readStoreText } from './load.js';
import { realPathOf } from '../files/real-path.js';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/modes.js';

export interface JsonFileStoreOptions {
  /** How long to wait for another writer before giving up with exit 75. */
  lockTimeoutMs: number;
  /** This process's id, in temp file names so that a leftover says who left it. */
  pid?: number;
  /** Signals received meanwhile: a write stops before its rename when one has come. */
  interruption?: Interruption;
  /** Test seam: runs under the lock just before the file is written (to hold the lock, or break it). */
  beforeWrite?: () => Promise<void>;
}

/** A file-system failure (an errno code) becomes exit 73; anything else is a bug and passes through as one. */
const cannotWrite = (path: string, err: unknown) =>
  writeFailure(`the store ${path}`, err, 'the store was left as it was', 'check the path and its permissions, or use --store');

/** lowdb adapter: reads through loadFile, writes through the store's checked atomic write. */
class StoreAdapter implements Adapter<StoreDoc> {
  migratedFrom: number | null = null;
  constructor(private readonly path: string, private readonly writeText: (text: string) => Promise<void>) {}

  async read(): Promise<StoreDoc | null> {
    const loaded = await loadFile(this.path);
    this.migratedFrom = loaded?.migratedFrom ?? null;
    return loaded?.doc ?? null;
  }

  async write(doc: StoreDoc): Promise<void> {
    await this.writeText(JSON.stringify(doc));
  }
}

/**
 * mkdir -p one level at a time: node's recursive mkdir reports ENOENT where the real cause is EROFS or EACCES,
 * and the user deserves the real one.
 */
async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: PRIVATE_FOLDER });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw err;
    await makeFolders(dirname(dir));
    await mkdir(dir, { mode: PRIVATE_FOLDER }).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** Rename would replace a file without write permission as easily as any other: refuse it explicitly. */
async function refuseReadOnly(real: string, shown: string): Promise<void> {
  const st = await stat(real).catch(() => null);
  if (!st) return;
  // No write bit for anyone is a deliberate "do not change", honoured even for root (whom access() lets through).
  const writable = (st.mode & 0o222) !== 0 && (await access(real, constants.W_OK).then(() => true, () => false));
  if (!writable) {
    throw new PrecrmError(`the store ${shown} is read-only (no write permission); it was left as it is — make it writable (chmod u+w) to change it`, EXIT.cantCreate);
  }
}

export class JsonFileStore {
  private readonly interruption: Interruption;

  constructor(readonly location: string, private readonly options: JsonFileStoreOptions) {
    this.interruption = options.interruption ?? new Interruption();
  }

  async read(): Promise<StoreDoc> {
    return (await loadFile(this.location))?.doc ?? emptyDoc();
  }

  /** Lock, re-read, run `change` (which may await), write atomically, unlock: the only way the store file changes. */
  async update<T>(change: (doc: StoreDoc) => T | Promise<T>): Promise<T> {
    return this.interruption.during(async () => {
      const real = await this.realPath();
      await this.ensureFolder(real);
      const lock = await this.lock(real);
      try {
        await removeTempFiles(real);
        const adapter = new StoreAdapter(real, (text) => this.writeStore(real, text, lock));
        const db = new Low<StoreDoc>(adapter, emptyDoc());
        await db.read();
        await refuseReadOnly(real, this.location);
        const result = await change(db.data);
        if (adapter.migratedFrom !== null) await this.keepOriginal(real, adapter.migratedFrom);
        await this.options.beforeWrite?.();
        await db.write();
        return result;
      } finally {
        await lock.release().catch(() => undefined);
      }
    });
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

  async forgetCopies(strings: readonly string[]): Promise<{ removed: string[]; backups: string[] }> {
    try {
      return await forgetInCopies(await this.realPath(), this.location, strings);
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
  }

  ownsFile(path: string): Promise<boolean> {
    return jsonStoreOwns(this.location, path);
  }

  /** Temp files that interrupted writes left beside the store (the next write removes them). */
  async strays(): Promise<string[]> {
    return tempFilesOf(await realPathOf(this.location).catch(() => this.location));
  }

  async backup(target: string | undefined, now: Date, options: { replace?: boolean } = {}): Promise<string> {
    const text = readStoreText(this.location);
    if (text === null) throw new PrecrmError(`there is no store at ${this.location} yet; nothing to back up`, EXIT.noInput);
    await parseStoreText(this.location, text); // a corrupt store is not worth a backup: 65, as for any read
    const stamp = `${localDay(now).replaceAll('-', '')}-${localTime(now, true).replaceAll(':', '')}`;
    // A second backup in the same second gets `-2`, never the first one's name.
    const dated = (n: number) => `${this.location}.${stamp}${n > 1 ? `-${n}` : ''}.bak`;
    const dest = target ?? dated(1);
    const opts = { tempPath: tempPathFor(dest, this.options.pid ?? 0), mode: PRIVATE_FILE, beforeCommit: () => this.interruption.check() };
    try {
      if (target === undefined) return await writeAtomicUnique(dated, text, opts);
      await writeAtomic(target, text, { ...opts, noClobber: !options.replace });
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new PrecrmError(`the backup ${dest} already exists; add --yes to replace it`, EXIT.conflict);
      throw writeFailure(`the backup ${dest}`, err, 'the store is untouched');
    }
  }

  private async realPath(): Promise<string> {
    try {
      return await realPathOf(this.location);
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
  }

  private async ensureFolder(real: string): Promise<void> {
    try {
      await makeFolders(dirname(real));
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
  }

  private async lock(real: string): Promise<StoreLock> {
    try {
      return await lockFile(`${real}.lock`, this.location, { timeoutMs: this.options.lockTimeoutMs, whileWaiting: () => this.interruption.check() });
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
  }

  /** The checked atomic write of the store: its mode and owner kept (a new store is 0600), stopped by a signal. */
  private async writeStore(real: string, text: string, lock: StoreLock): Promise<void> {
    const existing = await stat(real).catch(() => null);
    try {
      await writeAtomic(real, text, {
        tempPath: tempPathFor(real, this.options.pid ?? 0),
        mode: existing ? existing.mode & 0o7777 : PRIVATE_FILE,
        owner: existing ? { uid: existing.uid, gid: existing.gid } : undefined,
        beforeCommit: async () => {
          this.interruption.check();
          if (!(await lock.stillHeld())) throw this.lostLock();
        },
      });
    } catch (err) {
      throw cannotWrite(this.location, err);
    }
    this.interruption.markCommitted();
  }

  /** Schema migration keeps the original bytes beside the store, never replacing an earlier copy. */
  private async keepOriginal(real: string, version: number): Promise<void> {
    const text = readStoreText(real) ?? '';
    const name = (n: number) => `${real}.schema${version}${n > 1 ? `-${n}` : ''}.bak`;
    try {
      await writeAtomicUnique(name, text, { tempPath: tempPathFor(real, this.options.pid ?? 0), mode: PRIVATE_FILE });
    } catch (err) {
      throw cannotWrite(name(1), err);
    }
  }

  private lostLock(): PrecrmError {
    return new PrecrmError(`lost the lock on ${this.location} to another process; nothing was written, try again`, EXIT.tempFail);
  }
}
