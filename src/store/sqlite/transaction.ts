// One write transaction on a SQLite store: the shared SQL writes (src/store/sql/writes.ts) on the write
// connection, and bulk inserts that rebuild a table's indexes once instead of updating them row by row.
import type { IdKind } from '../../domain/types.js';
import type { SqlRunner } from '../sql/runner.js';
import { SqlTransaction } from '../sql/writes.js';
import type { RecordOf } from '../store.js';
import { bulkTables, isBulkKind } from '../sql/bulk-rows.js';
import type { Links } from '../sql/links.js';
import { TABLE_OF } from '../sql/tables.js';
import { pauseForSignals, type SqliteOptions } from './connection.js';
import { SqliteRunner } from './runner.js';

/** From this many rows in one insert, a table's indexes may be rebuilt rather than updated row by row. */
const BULK_ROWS = 5000;

/** From this many rows, a write pauses between chunks of this size so that a signal can stop it (connection.ts). */
const CHUNK_ROWS = 2000;

/** The prospects a transaction erased: forgotten (their record stays, anonymous) or removed. */
export interface Erasure { forgotten: number[]; removed: number[] }

/**
 * The indexes of `touches` an import does not read while it runs (all but those led by prospect_id, through which
 * it looks for repeats), with the statements that build them again.
 */
const SET_ASIDE = `SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name = 'touches' AND m.sql IS NOT NULL
  AND (SELECT i.name FROM pragma_index_info(m.name) i WHERE i.seqno = 0) <> 'prospect_id'`;

/** What a touch import did to the touches table: rows it found there (at most), has added, and indexes it set aside. */
interface TouchLoad { found: number; added: number; setAside: [string, string][] }

export class SqliteTransaction extends SqlTransaction {
  readonly erasure: Erasure = { forgotten: [], removed: [] };
  private touchLoad: TouchLoad | undefined;

  /**
   * `reads` answers reads until the first write; `forWrite` gives the connection writes go to — the same one,
   * except on a store that does not exist yet, whose reads come from an empty database and whose file is created
   * only by the first write. `options` say where a signal is reported.
   */
  constructor(private reads: SqliteRunner, private readonly forWrite: () => Promise<SqliteRunner>, private readonly options: SqliteOptions) {
    super();
  }

  /** Updates in chunks, with a pause for signals between them; notes the prospects forgotten. */
  override async update<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    for (let from = 0; from < records.length; from += CHUNK_ROWS) {
      if (from > 0) await pauseForSignals(this.options);
      await super.update(kind, records.slice(from, from + CHUNK_ROWS));
    }
    if (kind === 'prospect') {
      for (const r of records as readonly RecordOf['prospect'][]) if (r.forgottenAt !== null) this.erasure.forgotten.push(r.id);
    }
  }

  override async delete(kind: IdKind, ids: readonly number[], options?: { merged?: boolean }): Promise<void> {
    await super.delete(kind, ids, options);
    if (kind === 'prospect' && !options?.merged) this.erasure.removed.push(...ids);
  }

  protected async db(): Promise<SqlRunner> {
    return this.reads;
  }

  protected async writable(): Promise<SqlRunner> {
    this.reads = await this.forWrite();
    return this.reads;
  }

  protected isUsedKey(err: unknown): boolean {
    return (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  /**
   * A touch import that at least doubles the table sets aside the indexes it does not read and builds them once
   * before the commit: at a million rows, updating an index that outgrew the page cache row by row took most of the
   * import's time (as insertMany below, for the same reason; a rollback brings them back with everything else).
   */
  protected override async beforeTouchInsert(count: number): Promise<void> {
    const { db } = (await this.writable()) as SqliteRunner;
    // The largest id, not count(*): as many rows or more (ids are handed out in order), without reading an index.
    this.touchLoad ??= { found: Number(db.prepare('SELECT coalesce(max(id), 0) FROM touches').pluck().get()), added: 0, setAside: [] };
    const load = this.touchLoad;
    load.added += count;
    if (load.setAside.length || load.added < load.found) return;
    load.setAside = db.prepare(SET_ASIDE).raw().all() as [string, string][];
    for (const [name] of load.setAside) db.exec(`DROP INDEX ${name}`);
  }

  override async beforeCommit(): Promise<void> {
    if (!this.touchLoad?.setAside.length) return;
    const { db } = (await this.writable()) as SqliteRunner;
    for (const [, sql] of this.touchLoad.setAside) db.exec(sql);
    this.touchLoad.setAside = [];
  }

  /**
   * A bulk insert (an import): each table's rows (sql/bulk-rows.ts, as PostgreSQL's COPY takes them) through one
   * prepared INSERT in a plain loop. When the rows at least double the table (an import into a new or small
   * store), its secondary indexes are dropped and built again afterwards — one sort each instead of a B-tree
   * insert per row. Inside the transaction: readers keep the old snapshot, with its indexes, and a rollback brings
   * everything back — also when a signal stops the loop at one of its pauses.
   */
  protected override async insertMany<K extends IdKind>(kind: K, records: readonly RecordOf[K][], links: Links): Promise<boolean> {
    if (records.length < BULK_ROWS || !isBulkKind(kind)) return false;
    const { db } = (await this.writable()) as SqliteRunner;
    const table = TABLE_OF[kind];
    const rows = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const indexes = records.length < rows ? []
      : db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").raw().all(table) as [string, string][];
    for (const [name] of indexes) db.exec(`DROP INDEX ${name}`);
    for (const t of bulkTables(kind, links)) {
      const insert = db.prepare(`INSERT INTO ${t.table} (${t.columns}) VALUES (${t.columns.split(',').map(() => '?').join(', ')})`);
      let n = 0;
      for (const values of t.rows(records as never)) {
        insert.run(values);
        if (++n % CHUNK_ROWS === 0) await pauseForSignals(this.options);
      }
    }
    for (const [, sql] of indexes) db.exec(sql);
    return true;
  }
}
