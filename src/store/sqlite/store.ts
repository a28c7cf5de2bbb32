// The SQLite backend (`--store shop.db`): reads through a read-only connection, each write command as one
// BEGIN IMMEDIATE transaction on a WAL database. A location that holds nothing yet is answered from an empty
// database in memory, and the file is created only when a transaction first writes.
import { existsSync, rmSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { loadDump } from '../dump.js';
import { writeFailure } from '../../files/fs-errors.js';
import { backupsHolding } from '../copies.js';
import { tempPathFor } from '../../files/temp-files.js';
import { dumpRows } from '../sql/dump.js';
import { SqlReader } from '../sql/reader.js';
import type { DumpBatch, LoadCheck, Store, StoreCounts, StoreTransaction, StoreUpgrade } from '../store.js';
import { backupDatabase } from './backup.js';
import { checkDatabase } from './check.js';
import {
  emptyDatabase, migrate, openForRead, openForWrite, pauseForSignals, storageError, storedVersion, writeTransaction, type Connection, type Db,
  type SqliteOptions,
} from './connection.js';
import { firstFreeName, sqliteStoreOwns } from './own-files.js';
import { walHoldsChanges } from './read-only.js';
import { SqliteRunner } from './runner.js';
import { SqliteTransaction, type Erasure } from './transaction.js';
import { SQLITE_SCHEMA_VERSION } from './schema.js';
import { backupStamp } from './upgrade.js';

/** Thrown inside a transaction that began on an empty store when another process filled it first: run it again. */
class StoreAppeared extends Error {}

const holdsNothing = (path: string): boolean => {
  try {
    return statSync(path).size === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
};

export class SqliteStore extends SqlReader implements Store {
  readonly kind = 'sqlite' as const;
  private reading: Promise<SqliteRunner> | undefined;
  private readConnection: Connection | null = null;
  private writer: { conn: Connection; runner: SqliteRunner } | undefined;
  private empty: SqliteRunner | undefined;

  constructor(readonly location: string, private readonly options: SqliteOptions) {
    super();
  }

  describe(): string {
    return this.location;
  }

  async absent(): Promise<boolean> {
    return !existsSync(this.location);
  }

  /** Reads go to the write connection once there is one (it sees this process's commits), else a read-only one. */
  protected async db(): Promise<SqliteRunner> {
    if (this.writer) return this.writer.runner;
    return (this.reading ??= this.openReader());
  }

  private async openReader(): Promise<SqliteRunner> {
    this.readConnection = await openForRead(this.location, this.options);
    return this.readConnection ? new SqliteRunner(this.readConnection.db) : this.emptyDb();
  }

  private async emptyDb(): Promise<SqliteRunner> {
    return (this.empty ??= new SqliteRunner(await emptyDatabase()));
  }

  private async writeConnection(): Promise<{ conn: Connection; runner: SqliteRunner }> {
    if (!this.writer) {
      const conn = await openForWrite(this.location, this.options);
      this.writer = { conn, runner: new SqliteRunner(conn.db) };
      // Later reads see what this process wrote; the read-only connection is no longer needed.
      this.readConnection?.db.close();
      this.readConnection = null;
      this.reading = undefined;
    }
    return this.writer;
  }

  /** One write; a signal meanwhile is left to the write, which rolls back at its next pause (exit 130/143). */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const { interruption } = this.options;
    return interruption ? interruption.during(() => this.write(work)) : this.write(work);
  }

  private async write<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (!this.writer && holdsNothing(this.location)) {
      try {
        return await this.firstTransaction(work);
      } catch (err) {
        if (!(err instanceof StoreAppeared)) throw err;
      }
    }
    const { conn, runner } = await this.writeConnection();
    const tx = new SqliteTransaction(runner, async () => runner, this.options);
    const result = await writeTransaction(conn, new Date(), async () => {
      const done = await work(tx);
      await tx.beforeCommit();
      return done;
    });
    if (tx.erased) this.checkpoint(conn, tx.erasure);
    return result;
  }

  /**
   * A transaction on a store that holds nothing yet: its reads are answered from an empty database, and only its
   * first write creates the file — under the write lock, after checking the file still holds nothing (else the
   * reads may be stale: StoreAppeared, and the caller runs the work again on the file). A transaction that writes
   * nothing creates nothing.
   */
  private async firstTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let begun: Db | undefined;
    const begin = async (): Promise<SqliteRunner> => {
      const { conn, runner } = await this.writeConnection();
      if (begun) return runner;
      conn.db.exec('BEGIN IMMEDIATE');
      begun = conn.db;
      await migrate(conn.db, conn.path, new Date());
      if (!isEmpty(conn.db)) throw new StoreAppeared();
      return runner;
    };
    const tx = new SqliteTransaction(await this.emptyDb(), begin, this.options);
    try {
      const result = await work(tx);
      if (begun) {
        await tx.beforeCommit();
        await pauseForSignals(this.options);
        begun.exec('COMMIT');
        this.options.interruption?.markCommitted();
      }
      return result;
    } catch (err) {
      if (begun) this.options.interruption?.check();
      throw begun ? storageError(err, this.location, this.options, true) : err;
    } finally {
      if (begun?.inTransaction) begun.exec('ROLLBACK');
    }
  }

  /**
   * After a person's data was erased or removed: copy the WAL into the database and empty it, so no old copy of
   * the rows stays in the -wal file or in the database's old pages (secure_delete has already zeroed the freed
   * space). A reader still on an older snapshot holds the WAL back until it ends: the checkpoint waits for it up
   * to the lock timeout, then says what remains and how to finish (75).
   */
  private checkpoint(conn: Connection, erasure: Erasure): void {
    let result: { busy: number } | undefined;
    try {
      result = (conn.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0];
    } catch (err) {
      throw storageError(err, this.location, this.options, true);
    }
    if (result?.busy !== 0) throw erasureHeldBack(this.location, erasure);
  }

  /**
   * `prospect forget` of a prospect forgotten already: finishes an erasure that a reader held back (above), so
   * running the command again by id completes it. Nothing to do, and nothing opened for writing, when the WAL
   * is empty.
   */
  async finishErasure(prospectId: number): Promise<void> {
    if (!walHoldsChanges(this.location)) return;
    const { conn } = await this.writeConnection();
    this.checkpoint(conn, { forgotten: [prospectId], removed: [] });
  }

  async check(): Promise<string[]> {
    const conn = await openForRead(this.location, this.options).catch((err: unknown) => {
      if (err instanceof PrecrmError && err.exitCode === EXIT.dataErr) return err;
      throw err;
    });
    if (conn instanceof PrecrmError) return [conn.message, ...conn.details];
    if (!conn) return [];
    try {
      return await checkDatabase(conn.db);
    } finally {
      conn.db.close();
    }
  }

  /** A current store is only read (so `store upgrade` works on a read-only one); an older one gets one write transaction. */
  async upgrade(): Promise<StoreUpgrade> {
    const version = await storedVersion(this.location, this.options);
    if (version === 0) throw new PrecrmError(`there is no store at ${this.location} yet; nothing to upgrade`, EXIT.noInput);
    if (version >= SQLITE_SCHEMA_VERSION) return { from: version, to: version, backup: null };
    const { conn } = await this.writeConnection();
    conn.upgraded = undefined;
    await this.transaction(async () => undefined);
    return conn.upgraded ?? { from: SQLITE_SCHEMA_VERSION, to: SQLITE_SCHEMA_VERSION, backup: null };
  }

  async backup(target: string | undefined, now: Date, options: { replace?: boolean } = {}): Promise<string> {
    const stamp = backupStamp(now);
    // A second backup in the same second gets `-2`, never the first one's name.
    const dest = target ?? (await firstFreeName((n) => `${this.location}.${stamp}${n > 1 ? `-${n}` : ''}.bak`));
    const conn = await openForRead(this.location, this.options);
    if (!conn) throw new PrecrmError(`there is no store at ${this.location} yet; nothing to back up`, EXIT.noInput);
    try {
      if (target === undefined || !options.replace) {
        await backupDatabase(conn.db, dest);
      } else {
        // Replacing a file (--yes): copy beside it, then rename over it, so the old file stays whole until the copy is.
        const temp = tempPathFor(target, 0);
        await backupDatabase(conn.db, temp);
        await rename(temp, target).catch((err: unknown) => {
          rmSync(temp, { force: true });
          throw writeFailure(`the backup ${target}`, err, `${target} was left as it was`);
        });
      }
    } finally {
      conn.db.close();
    }
    return dest;
  }

  ownsFile(path: string): Promise<boolean> {
    return sqliteStoreOwns(this.location, path);
  }

  /** SQLite finishes or rolls back an interrupted write from its own journal: nothing of precrm's is left over. */
  async strays(): Promise<string[]> {
    return [];
  }

  /** The database itself is scrubbed in the transaction (secure_delete); the user's dated backups are listed. */
  async forgetCopies(strings: readonly string[]): Promise<{ removed: string[]; backups: string[] }> {
    return { removed: [], backups: await backupsHolding(this.location, strings) };
  }

  /** Everything, from one read transaction: a consistent snapshot while other processes write. */
  async *dump(): AsyncIterable<DumpBatch> {
    const runner = await this.db();
    const own = !runner.db.inTransaction;
    if (own) runner.db.exec('BEGIN');
    try {
      yield* dumpRows(runner);
    } finally {
      if (own && runner.db.inTransaction) runner.db.exec('COMMIT');
    }
  }

  async load(batches: AsyncIterable<DumpBatch>, check?: LoadCheck): Promise<StoreCounts> {
    return this.transaction((tx) => loadDump(tx, batches, this.location, check));
  }

  async close(): Promise<void> {
    for (const db of [this.readConnection?.db, this.writer?.conn.db, this.empty?.db]) if (db?.open) db.close();
    this.readConnection = null;
    this.writer = undefined;
    this.empty = undefined;
    this.reading = undefined;
  }
}

/** Says what of an erasure is left in the files while a reader holds the WAL back, and how to finish it. */
function erasureHeldBack(path: string, erasure: Erasure): PrecrmError {
  const where = `${path} and its write-ahead log ${path}-wal`;
  const until = 'until another process that is reading the store ends its read';
  const [id] = erasure.forgotten;
  if (id !== undefined) {
    return new PrecrmError(
      `prospect ${id} is forgotten, but the erased text is still in ${where} ${until}; run \`precrm prospect forget ${id}\` again once it has, to finish the erasure (by id: the name no longer finds them)`,
      EXIT.tempFail,
    );
  }
  return new PrecrmError(
    `the change is saved, but the removed text is still in ${where} ${until} and the last process using the store closes it`,
    EXIT.tempFail,
  );
}

function isEmpty(db: Db): boolean {
  const rows = db.prepare('SELECT (SELECT count(*) FROM prospects) + (SELECT count(*) FROM touches) + (SELECT count(*) FROM surveys) + (SELECT count(*) FROM responses)').pluck().get() as number;
  const used = db.prepare('SELECT count(*) FROM counters WHERE next_id <> 1').pluck().get() as number;
  return rows === 0 && used === 0;
}
