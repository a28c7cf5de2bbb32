// The SQLite backend (`--store shop.db`): reads through a read-only connection, each write command as one
// BEGIN IMMEDIATE transaction on a WAL database. A location that holds nothing yet is answered from an empty
// database in memory, and the file is created only when a transaction first writes.
import { statSync } from 'node:fs';
import { localDay, localTime } from '../../domain/dates.js';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { loadDump } from '../dump.js';
import type { DumpBatch, Store, StoreCounts, StoreTransaction } from '../store.js';
import { checkDatabase } from './check.js';
import {
  emptyDatabase, migrate, openForRead, openForWrite, storageError, writeTransaction, type Connection, type Db, type SqliteOptions,
} from './connection.js';
import { dumpDatabase } from './dump.js';
import { SqlReader } from './reader.js';
import { backupDatabase } from './backup.js';
import { SqliteTransaction } from './transaction.js';

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
  private reading: Promise<Db> | undefined;
  private readConnection: Connection | null = null;
  private writer: Connection | undefined;
  private empty: Db | undefined;

  constructor(readonly location: string, private readonly options: SqliteOptions) {
    super();
  }

  describe(): string {
    return this.location;
  }

  /** Reads go to the write connection once there is one (it sees this process's commits), else a read-only one. */
  protected async db(): Promise<Db> {
    if (this.writer) return this.writer.db;
    return (this.reading ??= this.openReader());
  }

  private async openReader(): Promise<Db> {
    this.readConnection = await openForRead(this.location, this.options);
    return this.readConnection?.db ?? this.emptyDb();
  }

  private async emptyDb(): Promise<Db> {
    return (this.empty ??= await emptyDatabase());
  }

  private async writeConnection(): Promise<Connection> {
    if (!this.writer) {
      this.writer = await openForWrite(this.location, this.options);
      // Later reads see what this process wrote; the read-only connection is no longer needed.
      this.readConnection?.db.close();
      this.readConnection = null;
      this.reading = undefined;
    }
    return this.writer;
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (!this.writer && holdsNothing(this.location)) {
      try {
        return await this.firstTransaction(work);
      } catch (err) {
        if (!(err instanceof StoreAppeared)) throw err;
      }
    }
    const conn = await this.writeConnection();
    const tx = new SqliteTransaction(conn.db, async () => conn.db);
    const result = await writeTransaction(conn, new Date(), () => work(tx));
    if (tx.erased) this.checkpoint(conn);
    return result;
  }

  /**
   * A transaction on a store that holds nothing yet: its reads are answered from an empty database, and only its
   * first write creates the file — under the write lock, after checking the file still holds nothing (else the
   * reads may be stale: StoreAppeared, and the caller runs the work again on the file). A transaction that writes
   * nothing creates nothing.
   */
  private async firstTransaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    let conn: Connection | undefined;
    const begin = async (): Promise<Db> => {
      if (conn) return conn.db;
      const opened = await this.writeConnection();
      opened.db.exec('BEGIN IMMEDIATE');
      conn = opened;
      migrate(opened.db, opened.path, new Date());
      if (!(await isEmpty(opened.db))) throw new StoreAppeared();
      return opened.db;
    };
    const tx = new SqliteTransaction(await this.emptyDb(), begin);
    try {
      const result = await work(tx);
      if (conn) conn.db.exec('COMMIT');
      return result;
    } catch (err) {
      throw conn ? storageError(err, this.location, this.options, true) : err;
    } finally {
      if (conn?.db.inTransaction) conn.db.exec('ROLLBACK');
    }
  }

  /**
   * After a person's data was erased or removed: copy the WAL into the database and empty it, so no old copy of
   * the rows stays in the -wal file (secure_delete has already zeroed the freed space). A reader still on an older
   * snapshot holds the WAL back until it ends; the checkpoint waits for it up to the lock timeout.
   */
  private checkpoint(conn: Connection): void {
    let result: { busy: number } | undefined;
    try {
      result = (conn.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0];
    } catch (err) {
      throw storageError(err, this.location, this.options, true);
    }
    if (result?.busy !== 0) {
      // Running the command again is harmless (forget and remove are idempotent) and checkpoints again.
      throw new PrecrmError(
        `the change is saved, but another process reading ${this.location} still holds an older copy of it in ${this.location}-wal; run the command again once it has finished`,
        EXIT.tempFail,
      );
    }
  }

  async check(): Promise<string[]> {
    const conn = await openForRead(this.location, this.options).catch((err: unknown) => {
      if (err instanceof PrecrmError && err.exitCode === EXIT.dataErr) return err;
      throw err;
    });
    if (conn instanceof PrecrmError) return [conn.message, ...conn.details];
    if (!conn) return [];
    try {
      return checkDatabase(conn.db);
    } finally {
      conn.db.close();
    }
  }

  async backup(target: string | undefined, now: Date): Promise<string> {
    const dest = target ?? `${this.location}.${localDay(now).replaceAll('-', '')}-${localTime(now, true).replaceAll(':', '')}.bak`;
    const conn = await openForRead(this.location, this.options);
    if (!conn) throw new PrecrmError(`there is no store at ${this.location} yet; nothing to back up`, EXIT.noInput);
    try {
      await backupDatabase(conn.db, dest);
    } finally {
      conn.db.close();
    }
    return dest;
  }

  async *dump(): AsyncIterable<DumpBatch> {
    const db = await this.db();
    yield* dumpDatabase(db);
  }

  async load(batches: AsyncIterable<DumpBatch>): Promise<StoreCounts> {
    return this.transaction((tx) => loadDump(tx, batches, this.location));
  }

  async close(): Promise<void> {
    for (const db of [this.readConnection?.db, this.writer?.db, this.empty]) if (db?.open) db.close();
    this.readConnection = null;
    this.writer = undefined;
    this.empty = undefined;
    this.reading = undefined;
  }
}

async function isEmpty(db: Db): Promise<boolean> {
  const rows = db.prepare('SELECT (SELECT count(*) FROM prospects) + (SELECT count(*) FROM touches) + (SELECT count(*) FROM surveys) + (SELECT count(*) FROM responses)').pluck().get() as number;
  const used = db.prepare('SELECT count(*) FROM counters WHERE next_id <> 1').pluck().get() as number;
  return rows === 0 && used === 0;
}
