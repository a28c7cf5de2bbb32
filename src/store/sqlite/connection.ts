// Opening a SQLite store file: the settings every connection gets (WAL, busy timeout, secure delete), the
// schema-version check and migrations, and SQLite's failures turned into precrm's exit codes. better-sqlite3 is
// loaded here, on first use, so a JSON store never pays for it.
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { EXIT, PrecrmError, dataError } from '../../domain/errors.js';
import type { Interruption } from '../../interruption.js';
import { fsReason, isDiskFull } from '../../files/fs-errors.js';
import { needsShm, openInMemory } from './read-only.js';
import { SQLITE_SCHEMA_VERSION, TABLES } from './schema.js';
import { cannotUpgrade, upgradeSchema, type Upgrade } from './upgrade.js';

import type { Db } from './db.js';

export type { Db };

export interface SqliteOptions {
  /** How long a writer waits for another (SQLite's busy timeout) before exit 75. */
  lockTimeoutMs: number;
  /** Ctrl-C and SIGTERM received meanwhile: a write stops at its next pause and rolls back (exit 130/143). */
  interruption?: Interruption;
}

/**
 * better-sqlite3 blocks the event loop, so a signal waits for the next turn of it to reach main.ts: a write pauses
 * for one turn between chunks of work and before it commits, and stops there (throwing) if a signal came.
 */
export async function pauseForSignals(opts: SqliteOptions): Promise<void> {
  if (!opts.interruption) return;
  await new Promise((resolve) => setImmediate(resolve));
  opts.interruption.check();
}

/** What SQLite's error codes mean to a user; the message of a SqliteError never holds stored data. */
const REASONS: Record<string, string> = {
  SQLITE_READONLY: 'the file or its folder is read-only',
  SQLITE_CANTOPEN: 'cannot open the file',
  SQLITE_FULL: 'no space left on device',
  SQLITE_PERM: 'permission denied',
  SQLITE_IOERR: 'input/output error',
  SQLITE_AUTH: 'permission denied',
};

const codeOf = (err: unknown): string => String((err as { code?: unknown })?.code ?? '');
const isSqliteError = (err: unknown): boolean => (err as Error)?.name === 'SqliteError';

function reasonOf(err: unknown): string {
  const code = codeOf(err);
  if (!isSqliteError(err)) return fsReason(err);
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  return `${code}: ${REASONS[base] ?? (err as Error).message}`;
}

const busyError = (path: string, timeoutMs: number) =>
  new PrecrmError(
    `another precrm process has held the lock on ${path} for over ${timeoutMs} ms; try again later (or raise PRECRM_LOCK_TIMEOUT)`,
    EXIT.tempFail,
  );

const damaged = (path: string, err: unknown) =>
  dataError(`the store ${path} is not a precrm SQLite database, or is damaged (${codeOf(err)}: ${(err as Error).message}); it was left untouched`);

/**
 * Turns what SQLite (or the file system) threw into a precrm error: busy → 75, not a database or corrupt → 65,
 * cannot read → 66, cannot write → 73. A PrecrmError, or anything that is not a storage failure (a bug), passes
 * through unchanged.
 */
export function storageError(err: unknown, path: string, opts: SqliteOptions, writing: boolean): unknown {
  if (err instanceof PrecrmError) return err;
  const code = codeOf(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError(path, opts.lockTimeoutMs);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damaged(path, err);
  const base = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  // A constraint or SQL error is a bug (exit 1), not the disk's fault: only storage failures are mapped.
  const storage = isSqliteError(err) ? base in REASONS : /^E[A-Z]+$/.test(code);
  if (!storage) return err;
  if (!writing) return new PrecrmError(`cannot read the store ${path} (${reasonOf(err)}); check its permissions, or use --store`, EXIT.noInput);
  // A full disk is not a permissions problem: said as the JSON store says it (the transaction rolled back).
  if (isSqliteError(err) ? diskFull(code, path) : isDiskFull(err)) {
    const why = isSqliteError(err) ? `${code}: ${REASONS.SQLITE_FULL}` : reasonOf(err);
    return new PrecrmError(`cannot write the store ${path}: the disk is full (${why}); the store was left as it was — free some space and try again`, EXIT.cantCreate);
  }
  const why = isSqliteError(err) && onReadOnlyMount(path) ? `${fsReason({ code: 'EROFS' })}; ${code}` : reasonOf(err);
  return new PrecrmError(`cannot write the store ${path} (${why}); check the path and its permissions, or use --store`, EXIT.cantCreate);
}

/**
 * SQLite keeps errno to itself: SQLITE_FULL, or a -shm that could not grow (IOERR_SHMSIZE), or another I/O error
 * while the file system has no room left, is a full disk.
 */
function diskFull(code: string, path: string): boolean {
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') return true;
  if (!code.startsWith('SQLITE_IOERR')) return false;
  try {
    return statfsSync(dirname(path)).bavail === 0;
  } catch {
    return false;
  }
}

/** Whether the store (or, when it does not exist yet, its folder) is on a file system mounted read-only. */
function onReadOnlyMount(path: string): boolean {
  return [path, dirname(path)].some((p) => {
    try {
      accessSync(p, constants.W_OK);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EROFS';
    }
  });
}

let driver: typeof BetterSqlite3 | undefined;
async function loadDriver(): Promise<typeof BetterSqlite3> {
  if (driver) return driver;
  // The compiled addon, named directly: left to find it, better-sqlite3 asks the `bindings` package, which reads a
  // stack trace and tries a dozen paths on every command (~5 ms). Where a build put it elsewhere, the package in
  // node_modules is loaded as it is, to look for it itself (the bundled copy would look beside precrm instead).
  const fromHere = createRequire(import.meta.url);
  const addon = join(dirname(fromHere.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(addon)) return (driver = fromHere('better-sqlite3') as typeof BetterSqlite3);
  const { default: Database } = await import('better-sqlite3');
  driver = class extends Database {
    constructor(filename?: string | Buffer, options?: BetterSqlite3.Options) {
      super(filename, { ...options, nativeBinding: addon });
    }
  } as typeof BetterSqlite3;
  return driver;
}

/** mkdir -p with mode 0700, one level at a time (the recursive form reports ENOENT where the cause is EROFS). */
function makeFolders(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw err;
    makeFolders(dirname(dir));
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/**
 * Creates an empty store file with mode 0600 unless one exists. SQLite takes a zero-length file as an empty
 * database, and gives its -wal and -shm files the mode of the database file, so all three stay 0600. An empty
 * file made by someone else (`touch shop.db`) becomes the store the same way: it is given mode 0600 too.
 */
function createFile(path: string): void {
  makeFolders(dirname(path));
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (statSync(path).size === 0) adopt(path);
  }
}

/** 0600 for an empty file taken as the store; one the user cannot chmod (not theirs) is left as it is. */
function adopt(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** The schema version of an open database: 0 when it has no tables at all; refuses a database that is not ours. */
function schemaVersion(db: Db, path: string): number {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (tables.length === 0) return 0;
  if (!tables.includes('schema_version')) {
    throw dataError(`the store ${path} is a SQLite database but not a precrm store (no schema_version table); it was left untouched`);
  }
  const version = db.prepare('SELECT max(version) FROM schema_version').pluck().get() as number | null;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw dataError(`the store ${path} has no valid schema version; it was left untouched (run: precrm store check)`);
  }
  if (version > SQLITE_SCHEMA_VERSION) {
    throw dataError(`the store ${path} was written by a newer precrm (schema ${version}); upgrade precrm to use it — it was left untouched`);
  }
  const missing = TABLES.filter((t) => !tables.includes(t));
  if (version === SQLITE_SCHEMA_VERSION && missing.length) {
    throw dataError(`the store ${path} lacks the table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; it was left untouched (run: precrm store check)`);
  }
  return version;
}

/**
 * Brings the schema up to date inside the caller's write transaction (sets up a new database too; an existing
 * one is first copied to a dated backup beside it).
 */
export async function migrate(db: Db, path: string, now: Date): Promise<Upgrade> {
  return upgradeSchema(await loadDriver(), db, path, schemaVersion(db, path), now);
}

/**
 * Every connection enforces the foreign keys (SQLite leaves them off unless asked, per connection, outside a
 * transaction).
 */
export function guard(db: Db): Db {
  db.pragma('foreign_keys = ON');
  return db;
}

/** An open store file; `upgraded` says what the last write transaction's upgrade did, if it did one. */
export interface Connection { db: Db; path: string; options: SqliteOptions; upgraded?: Upgrade }

/**
 * Opens the store for reading. Returns null when there is nothing there yet (no file, or an empty one): a read
 * creates nothing. The connection is read-only, so a read can never change the file.
 */
export async function openForRead(path: string, opts: SqliteOptions): Promise<Connection | null> {
  try {
    if (statSync(path).size === 0) return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageError(err, path, opts, false);
  }
  const Database = await loadDriver();
  let db: Db | undefined;
  try {
    db = openReadOnly(Database, path, opts);
    const version = schemaVersion(db, path);
    if (version === 0) {
      db.close();
      return null;
    }
    // An older schema cannot be read with today's queries: bring it up to date first (the one write a read does).
    if (version < SQLITE_SCHEMA_VERSION) {
      db.close();
      const writer = await openForWrite(path, opts);
      await writeTransaction(writer, new Date(), () => undefined).finally(() => writer.db.close());
      return openForRead(path, opts);
    }
    return { db, path, options: opts };
  } catch (err) {
    db?.close();
    throw storageError(err, path, opts, false);
  }
}

/**
 * A read-only connection. A WAL database needs its -shm file, which cannot be made on read-only media, in a folder
 * the user may not write, or grown on a full disk: there the file is read into memory instead (read-only.ts), so
 * reads — `store check`, `export -o` elsewhere, `store backup` elsewhere — work as they do on a JSON store.
 */
function openReadOnly(Database: typeof BetterSqlite3, path: string, opts: SqliteOptions): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: Math.round(opts.lockTimeoutMs) });
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return guard(db);
  } catch (err) {
    db?.close();
    if (!needsShm(codeOf(err))) throw err;
    return guard(openInMemory(Database, path, codeOf(err)));
  }
}

/**
 * Opens the store for writing, creating the file (0600, in a 0700 folder) if need be. The schema is set up or
 * migrated by the first write transaction, under its lock.
 */
export async function openForWrite(path: string, opts: SqliteOptions): Promise<Connection> {
  const Database = await loadDriver();
  let db: Db | undefined;
  try {
    createFile(path);
    db = new Database(path, { timeout: Math.round(opts.lockTimeoutMs) });
    // Checked before anything could write: a newer or foreign database is refused untouched.
    schemaVersion(db, path);
    // WAL: readers never block the writer nor see a half-done write; FULL: a commit survives power loss, as the
    // JSON store's fsync does; secure_delete: a forgotten person's bytes are overwritten, not left in free pages.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    // Up to 64 MB of page cache (allocated only as pages are used): a large import updates indexes all over.
    db.pragma('cache_size = -65536');
    // A temporary table (an import's batch, store/sql/touch-import.ts) in memory, not in a journaled temp file.
    db.pragma('temp_store = MEMORY');
    guard(db);
    return { db, path, options: opts };
  } catch (err) {
    const refused = storageError(err, path, opts, true);
    db?.close();
    throw await upgradeRefused(refused, path, opts);
  }
}

/** The schema version of the store file, read without writing anything (0 when it holds nothing yet). */
export async function storedVersion(path: string, opts: SqliteOptions): Promise<number> {
  if (holdsNothing(path)) return 0;
  const db = openReadOnly(await loadDriver(), path, opts);
  try {
    return schemaVersion(db, path);
  } catch (err) {
    throw storageError(err, path, opts, false);
  } finally {
    db.close();
  }
}

function holdsNothing(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** An empty store in memory: what reads of a location that holds nothing yet are answered from. */
export async function emptyDatabase(): Promise<Db> {
  const Database = await loadDriver();
  const db = guard(new Database(':memory:'));
  await migrate(db, ':memory:', new Date(0));
  return db;
}

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction: the write lock is taken first (waiting up to the busy timeout),
 * so no read inside can go stale — a deferred transaction that upgrades to a write fails with SQLITE_BUSY_SNAPSHOT
 * instead of waiting. The schema is set up or migrated first, under the same lock. Commits when `work` resolves,
 * rolls back when it throws; SQLite's failures become precrm's exit codes (busy → 75, disk full → 73 …).
 */
export async function writeTransaction<T>(conn: Connection, now: Date, work: () => Promise<T> | T): Promise<T> {
  const { db } = conn;
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const upgrade = await migrate(db, conn.path, now);
      if (upgrade.to !== upgrade.from) conn.upgraded = upgrade;
      const result = await work();
      await pauseForSignals(conn.options);
      db.exec('COMMIT');
      conn.options.interruption?.markCommitted();
      return result;
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } catch (err) {
    // A signal that came while SQLite blocked (waiting for the lock, say) wins over what failed after it.
    conn.options.interruption?.check();
    throw await upgradeRefused(storageError(err, conn.path, conn.options, true), conn.path, conn.options);
  }
}

/** A write that cannot be made (73) to a store at an older schema: say that it needs `precrm store upgrade`. */
async function upgradeRefused(err: unknown, path: string, opts: SqliteOptions): Promise<unknown> {
  if (!(err instanceof PrecrmError) || err.exitCode !== EXIT.cantCreate) return err;
  const from = await storedVersion(path, opts).catch(() => 0);
  return from > 0 && from < SQLITE_SCHEMA_VERSION ? cannotUpgrade(path, from, err) : err;
}