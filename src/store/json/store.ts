// The JSON-file backend behind the Store interface: reads answer from one validated snapshot of the document, a
// transaction runs under JsonFileStore.update (lock → re-read → change → atomic write). Nothing heavy loads until
// used: a read loads only the file reader, a write also lowdb, the lock and the atomic writer.
import { existsSync } from 'node:fs';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { emptyDoc, SCHEMA_VERSION, type IdKind, type StoreDoc } from '../../domain/types.js';
import type { JsonFileStore, JsonFileStoreOptions } from '../json-file.js';
import { loadDump } from '../dump.js';
import type { DumpBatch, LoadCheck, Store, StoreCounts, StoreReader, StoreTransaction, StoreUpgrade } from '../store.js';
import { ReadsFrom } from '../reads-from.js';
import { DocReader } from './doc-reader.js';

/** Thrown out of JsonFileStore.update to leave the file alone when a transaction wrote nothing. */
class NothingWritten {
  constructor(readonly result: unknown) {}
}


export class JsonStore extends ReadsFrom implements Store {
  readonly kind = 'json' as const;
  private snapshot: Promise<DocReader> | undefined;
  private file: Promise<JsonFileStore> | undefined;

  constructor(readonly location: string, private readonly options: JsonFileStoreOptions) {
    super();
  }

  describe(): string {
    return this.location;
  }

  async absent(): Promise<boolean> {
    return !existsSync(this.location);
  }

  /** The validated document as it is now on disk (an empty one when there is no file), read once per handle. */
  protected reader(): Promise<DocReader> {
    this.snapshot ??= import('../load.js').then(async (m) => new DocReader((await m.loadFile(this.location))?.doc ?? emptyDoc(), false));
    return this.snapshot;
  }

  private fileStore(): Promise<JsonFileStore> {
    this.file ??= import('../json-file.js').then((m) => new m.JsonFileStore(this.location, this.options));
    return this.file;
  }



  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const file = await this.fileStore();
    const { DocTransaction } = await import('./doc-transaction.js');
    let written: StoreDoc | undefined;
    try {
      const result = await file.update(async (doc) => {
        const tx = new DocTransaction(doc);
        const value = await work(tx);
        if (!tx.dirty) throw new NothingWritten(value);
        written = doc;
        return value;
      });
      // What is on disk now is exactly the document just written: later reads of this handle see it.
      if (written) this.snapshot = Promise.resolve(new DocReader(written, false));
      return result;
    } catch (err) {
      if (err instanceof NothingWritten) return err.result as T;
      throw err;
    }
  }

  async check(): Promise<string[]> {
    return (await this.fileStore()).check();
  }

  /** The JSON document keeps its own migrations (versions.ts): an older one is rewritten once, its original kept as .schemaN.bak. */
  async upgrade(): Promise<StoreUpgrade> {
    const loaded = await (await import('../load.js')).loadFile(this.location);
    if (!loaded) throw new PrecrmError(`there is no store at ${this.location} yet; nothing to upgrade`, EXIT.noInput);
    if (loaded.migratedFrom === null) return { from: SCHEMA_VERSION, to: SCHEMA_VERSION, backup: null };
    await (await this.fileStore()).update(() => undefined);
    this.snapshot = undefined;
    return { from: loaded.migratedFrom, to: SCHEMA_VERSION, backup: null };
  }

  async backup(target: string | undefined, now: Date, options?: { replace?: boolean }): Promise<string> {
    return (await this.fileStore()).backup(target, now, options);
  }

  // Needs only path logic (real paths, temp file names): not lowdb or the lock.
  async ownsFile(path: string): Promise<boolean> {
    return (await import('./own-files.js')).jsonStoreOwns(this.location, path);
  }

  async strays(): Promise<string[]> {
    return (await this.fileStore()).strays();
  }

  async forgetCopies(strings: readonly string[]): Promise<{ removed: string[]; backups: string[] }> {
    return (await this.fileStore()).forgetCopies(strings);
  }

  async *dump(): AsyncIterable<DumpBatch> {
    const reader = await this.reader();
    const BATCH = 5000;
    for (const kind of ['prospect', 'touch', 'survey', 'response', 'purchase', 'tally', 'occasion'] as const) {
      const all = await allOf(reader, kind);
      for (let i = 0; i < all.length; i += BATCH) yield { kind, records: all.slice(i, i + BATCH) } as DumpBatch;
    }
    const { secret, entries } = reader.suppressionList();
    if (secret !== null) yield { kind: 'suppression', secret, entries: [...entries] };
    yield { kind: 'counters', counters: await reader.counters() };
  }

  async load(batches: AsyncIterable<DumpBatch>, check?: LoadCheck): Promise<StoreCounts> {
    return this.transaction((tx) => loadDump(tx, batches, this.describe(), check));
  }

  async close(): Promise<void> {
    this.snapshot = undefined;
  }
}

async function allOf(reader: StoreReader, kind: IdKind) {
  switch (kind) {
    case 'prospect': return reader.listProspects();
    case 'touch': return (await reader.listTouches()).sort((a, b) => a.id - b.id);
    case 'survey': return reader.surveys();
    case 'purchase': return (await reader.listPurchases()).sort((a, b) => a.id - b.id);
    case 'response': return (await reader.listResponses()).sort((a, b) => a.id - b.id);
    case 'occasion': return reader.listOccasions();
    default: return (await reader.listTallies()).sort((a, b) => a.id - b.id);
  }
}
