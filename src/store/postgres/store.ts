// The PostgreSQL backend (`--store postgres://…`): one connection per command, made on first use; reads are single
// statements, each write command one READ COMMITTED transaction with row locks (transaction.ts), retried when the
// server picks it as a deadlock victim. An empty database reads as an empty store; the first write creates the
// tables inside its own transaction, so a transaction that writes nothing rolls them back and creates nothing.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import type pg from 'pg';
import { localDay, localTime } from '../../domain/dates.js';
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { emptyDoc, type SuppressionEntry } from '../../domain/types.js';
import { loadDump } from '../dump.js';
import { tempPathFor } from '../../files/temp-files.js';
import { emptyReader } from '../empty-reader.js';
import { writeJsonCopy } from '../json-copy.js';
import { SqlReader } from '../sql/reader.js';
import { dumpRows } from '../sql/dump.js';
import { ReadsFrom } from '../reads-from.js';
import type { DumpBatch, LoadCheck, Store, StoreCounts, StoreReader, StoreTransaction, StoreUpgrade } from '../store.js';
import { checkTables } from '../sql/check.js';
import { openConnection } from './connect.js';
import { closeConnection } from './socket.js';
import { connectionKey, keepConnection } from './kept.js';
import { isRetryable } from './errors.js';
import { checkSchemaState, PG_SCHEMA_VERSION, readSchemaState, SchemaChanged, setUpSchema, type SchemaState } from './schema.js';
import { PgRunner } from './session.js';
import { pgSettings, type PgSettings } from './settings.js';
import { PgTransaction } from './transaction.js';
import { vacuumErased, vacuumWarning } from './vacuum.js';

interface PostgresOptions {
  lockTimeoutMs: number;
  connectTimeoutMs: number;
  /** Where PG* variables and ~/.pgpass come from (the process's, passed in by main.ts). */
  env: Record<string, string | undefined>;
  homedir: string;
  osUser: string;
  /** Asks the person at the terminal for a password the server wants (absent when nobody can be asked). */
  askPassword?: (question: string) => Promise<string>;
  /** Shows a warning to the person running the command (a forget whose erasure the server could not finish). */
  warn?: (text: string) => void;
}


/** The connection and the schema this session last saw on it. */
interface Session { runner: PgRunner; schema: SchemaState }

/** The first schema version with the suppression list: an older database (not yet upgraded by a write) has none. */
const SUPPRESSION_FROM = 2;

/** Reads of the store outside a transaction: plain statements on the connection. */
class StatementReader extends SqlReader {
  constructor(private readonly runner: PgRunner, private readonly version: number) {
    super();
  }

  protected async db(): Promise<PgRunner> {
    return this.runner;
  }

  override async suppressionSecret(): Promise<string | null> {
    return this.version < SUPPRESSION_FROM ? null : super.suppressionSecret();
  }

  override async suppressionEntries(hashes: readonly string[]): Promise<SuppressionEntry[]> {
    return this.version < SUPPRESSION_FROM ? [] : super.suppressionEntries(hashes);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PostgresStore extends ReadsFrom implements Store {
  readonly kind = 'postgres' as const;
  private readonly settings: PgSettings;
  private session: Promise<Session> | undefined;
  /** The end of the last transaction (or dump) queued on this handle's one connection: they run one at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly location: string, private readonly options: PostgresOptions) {
    super();
    this.settings = pgSettings(location, { env: options.env, osUser: options.osUser });
  }

  describe(): string {
    return this.settings.label;
  }

  async absent(): Promise<boolean> {
    if (!this.session) return false;
    const session = await this.session.catch(() => undefined);
    const runner = session?.runner;
    if (!runner) return false;
    // precrm never drops its tables: a session that found them needs no second look (every command asks, at its end).
    if (session.schema.version !== 0) return false;
    return (await readSchemaState(runner)).version === 0;
  }

  /** The connection and the schema version found on it (refusing a newer or foreign schema: 65). */
  private open(): Promise<Session> {
    this.session ??= (async () => {
      const { connectTimeoutMs: timeoutMs, env, homedir, askPassword } = this.options;
      // Reading the schema state is the session's first statement: bounded by the connect timeout too.
      const { first: [runner, schema] } = await openConnection(this.settings, { timeoutMs, env, homedir, askPassword }, async (client) => {
        const r = new PgRunner(client, this.settings);
        return [r, await readSchemaState(r)] as const;
      });
      try {
        checkSchemaState(schema, this.settings.label);
        return { runner, schema };
      } catch (err) {
        await closeConnection(runner.client, this.options.connectTimeoutMs);
        throw err;
      }
    })();
    this.session.catch(() => { this.session = undefined; });
    return this.session;
  }

  protected async reader(): Promise<StoreReader> {
    const { runner, schema } = await this.current();
    // Nothing here yet: an empty store, and nothing is created.
    return schema.version >= 1 ? new StatementReader(runner, schema.version) : emptyReader();
  }

  /**
   * The session, with tables of this precrm's schema: an older schema (today's queries cannot read it) is upgraded
   * first, in a transaction of its own — by a read too; a role that may not alter tables gets 77 naming
   * `precrm store upgrade`. A database without precrm's tables is left as it is.
   */
  private async current(): Promise<Session> {
    const session = await this.open();
    if (session.schema.version === 0 || session.schema.version >= PG_SCHEMA_VERSION) return session;
    const release = await this.turn();
    try {
      await this.upgradeTables(session);
    } finally {
      release();
    }
    return session;
  }

  /** Applies the missing migrations in one transaction (whole or not at all); another process may do it first. */
  private async upgradeTables(session: Session): Promise<void> {
    const { runner } = session;
    while (session.schema.version > 0 && session.schema.version < PG_SCHEMA_VERSION) {
      await runner.run(`BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.options.lockTimeoutMs))}`);
      try {
        await setUpSchema(runner, this.describe(), new Date(), session.schema);
        await runner.run('COMMIT');
      } catch (err) {
        await runner.run('ROLLBACK').catch(() => undefined);
        if (!(err instanceof SchemaChanged)) throw err;
      }
      session.schema = await readSchemaState(runner);
      checkSchemaState(session.schema, this.describe());
    }
  }

  async upgrade(): Promise<StoreUpgrade> {
    const session = await this.open();
    const from = session.schema.version;
    if (from === 0) throw new PrecrmError(`${this.describe()} holds no precrm store yet; nothing to upgrade`, EXIT.noInput);
    await this.current();
    return { from, to: session.schema.version, backup: null };
  }



  /** Waits for every transaction or dump started before on this handle (they share one connection); call the result when done. */
  private turn(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((r) => { release = r; });
    const before = this.queue;
    this.queue = before.then(() => done);
    return before.then(() => release);
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const release = await this.turn();
    try {
      return await this.retrying(work);
    } finally {
      release();
    }
  }

  private async retrying<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const session = await this.open();
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(session, work);
      } catch (err) {
        if (err instanceof SchemaChanged) {
          // Another process set the tables up meanwhile: look again from a new transaction, and start over.
          session.schema = await readSchemaState(session.runner);
          checkSchemaState(session.schema, this.describe());
          continue;
        }
        // A deadlock victim (or a serialization failure) wrote nothing: run the command again, within the lock timeout.
        if (!isRetryable(err)) throw err;
        if (Date.now() - started > this.options.lockTimeoutMs) {
          throw new PrecrmError(`other precrm processes kept colliding with this change to ${this.describe()} for over ${this.options.lockTimeoutMs} ms; try again later`, EXIT.tempFail);
        }
        await sleep(Math.min(200, 5 * attempt) + Math.random() * 20);
      }
    }
  }

  private async once<T>(session: Session, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const { runner } = session;
    // lock_timeout bounds every wait for a row or advisory lock (then 75); SET LOCAL ends with the transaction.
    await runner.run(`BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.options.lockTimeoutMs))}`);
    try {
      if (session.schema.version < PG_SCHEMA_VERSION) await setUpSchema(runner, this.describe(), new Date(), session.schema);
      const tx = new PgTransaction(runner);
      const result = await work(tx);
      await tx.beforeCommit();
      if (!tx.dirty) {
        // Nothing written: roll back, so a first transaction that only read leaves no tables behind.
        await runner.run('ROLLBACK');
        return result;
      }
      await runner.run('COMMIT');
      if (session.schema.version < PG_SCHEMA_VERSION) session.schema = await readSchemaState(runner);
      if (tx.erased) await this.vacuum(runner);
      return result;
    } catch (err) {
      await runner.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** After a person's data was erased or removed: their old row versions are rewritten away, or the user is told what remains. */
  private async vacuum(runner: PgRunner): Promise<void> {
    const skipped = await vacuumErased(runner);
    if (skipped.length) this.options.warn?.(vacuumWarning(skipped, this.settings));
  }

  async check(): Promise<string[]> {
    let session: Session;
    try {
      session = await this.current();
    } catch (err) {
      // A newer, foreign or half-made schema is a problem to report, not a reason to stop.
      if (err instanceof PrecrmError && err.exitCode === EXIT.dataErr) return [err.message, ...err.details];
      throw err;
    }
    return session.schema.version === 0 ? [] : checkTables(session.runner, session.schema.version >= SUPPRESSION_FROM);
  }

  async backup(target: string | undefined, now: Date, options: { replace?: boolean } = {}): Promise<string> {
    const stamp = `${localDay(now).replaceAll('-', '')}-${localTime(now, true).replaceAll(':', '')}`;
    const dest = resolve(target ?? `precrm-${this.settings.database}-${stamp}.json`);
    const { schema } = await this.open();
    if (schema.version === 0) throw new PrecrmError(`${this.describe()} holds no precrm store yet; nothing to back up`, EXIT.noInput);
    const replacing = Boolean(options.replace) && existsSync(dest);
    if (existsSync(dest) && !replacing) throw new PrecrmError(`cannot write the backup ${dest} (it exists already; choose a new name or remove it first)`, EXIT.cantCreate);
    // Replacing a file (--yes): the snapshot goes beside it first, then is renamed over it, so the old one stays whole.
    const writeTo = replacing ? tempPathFor(dest, 0) : dest;
    await writeJsonCopy(writeTo, this.dump(), this.options.lockTimeoutMs);
    if (replacing) await rename(writeTo, dest);
    return dest;
  }

  /** A server store has no files beside it for an output to overwrite. */
  async ownsFile(): Promise<boolean> {
    return false;
  }

  /** A transaction that does not commit leaves nothing behind on the server. */
  async strays(): Promise<string[]> {
    return [];
  }

  /** The tables are vacuumed by the forget itself; snapshots made with `store backup` are the user's files. */
  async forgetCopies(): Promise<{ removed: string[]; backups: string[] }> {
    return { removed: [], backups: [] };
  }

  /** Everything from one snapshot: a REPEATABLE READ, READ ONLY transaction while the batches are read. */
  async *dump(): AsyncIterable<DumpBatch> {
    const { runner, schema } = await this.current();
    if (schema.version === 0) {
      yield* new DocReaderDump().batches();
      return;
    }
    const release = await this.turn();
    let done = false;
    try {
      await runner.run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      yield* dumpRows(runner, schema.version >= SUPPRESSION_FROM);
      await runner.run('COMMIT');
      done = true;
    } finally {
      if (!done) await runner.run('ROLLBACK').catch(() => undefined);
      release();
    }
  }

  async load(batches: AsyncIterable<DumpBatch>, check?: LoadCheck): Promise<StoreCounts> {
    return this.transaction((tx) => loadDump(tx, batches, this.describe(), check));
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    const opened = await session?.catch(() => undefined);
    if (!opened) return;
    const { runner } = opened;
    runner.detach();
    if (runner.broken || !keepConnection(connectionKey(this.settings), runner.client)) await closeConnection(runner.client, this.options.connectTimeoutMs);
  }

  /** The connection, for tests and tools that need the server itself (never for data access). */
  async client(): Promise<pg.Client> {
    return (await this.open()).runner.client;
  }
}

/** The dump of a store that holds nothing: only the counters. */
class DocReaderDump {
  async *batches(): AsyncGenerator<DumpBatch> {
    yield { kind: 'counters', counters: emptyDoc().nextId };
  }
}
