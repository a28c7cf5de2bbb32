// The SQLite backend's writes inside one transaction: targeted inserts, updates and deletes of rows, and ids from
// the counters table, all committed together by the store (or rolled back together).
import { EXIT, PrecrmError } from '../../domain/errors.js';
import type { IdKind, Prospect } from '../../domain/types.js';
import type { RecordOf, StoreTransaction } from '../store.js';
import type { Db } from './connection.js';
import { usedId } from './counters.js';
import { deleteProspect, insertProspect, updateProspect } from './prospects.js';
import { SqlReader } from './reader.js';
import { statement } from './statements.js';
import { deleteResponse, insertResponse, insertSurvey, updateResponse, updateSurvey } from './surveys.js';
import { deleteTouch, insertTouch, updateTouch } from './touches.js';

const bug = (message: string) => new PrecrmError(`internal: ${message}`, EXIT.internal);

type Writer<K extends IdKind> = { insert(db: Db, r: RecordOf[K]): void; update(db: Db, r: RecordOf[K]): number; remove(db: Db, id: number): void };

const WRITERS: { [K in IdKind]: Writer<K> } = {
  prospect: { insert: insertProspect, update: updateProspect, remove: deleteProspect },
  touch: { insert: insertTouch, update: updateTouch, remove: deleteTouch },
  survey: { insert: insertSurvey, update: updateSurvey, remove: (db, id) => { statement(db, 'DELETE FROM surveys WHERE id = ?').run(id); } },
  response: { insert: insertResponse, update: updateResponse, remove: deleteResponse },
};

export class SqliteTransaction extends SqlReader implements StoreTransaction {
  /** Set when a person's data was erased or removed: the store then checkpoints the WAL so no copy stays in it. */
  erased = false;

  /**
   * `connection` answers reads; `forWrite` gives the connection writes go to — the same one, except in a store that
   * does not exist yet, whose reads come from an empty database and whose file is created only on the first write.
   */
  constructor(private connection: Db, private readonly forWrite: () => Promise<Db>) {
    super();
  }

  protected async db(): Promise<Db> {
    return this.connection;
  }

  private async writable(): Promise<Db> {
    this.connection = await this.forWrite();
    return this.connection;
  }

  async takeId(kind: IdKind, count = 1): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw bug(`takeId(${kind}, ${count})`);
    const db = await this.writable();
    return statement(db, 'UPDATE counters SET next_id = next_id + ? WHERE kind = ? RETURNING next_id - ?').pluck().get(count, kind, count) as number;
  }

  async insert<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    if (records.length === 0) return;
    const db = await this.writable();
    const writer = WRITERS[kind] as Writer<K>;
    let top = 0;
    for (const record of records) {
      if (!Number.isSafeInteger(record.id) || record.id < 1) throw bug(`${kind} id ${record.id} is not a positive integer`);
      try {
        writer.insert(db, record);
      } catch (err) {
        // The primary key refuses a used id: that is a bug in the caller, not a storage failure.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw bug(`${kind} ${record.id} exists already`);
        throw err;
      }
      if (record.id > top) top = record.id;
    }
    usedId(db, kind, top);
  }

  async update<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    if (records.length === 0) return;
    const db = await this.writable();
    const writer = WRITERS[kind] as Writer<K>;
    for (const record of records) {
      if (writer.update(db, record) === 0) throw bug(`${kind} ${record.id} does not exist`);
      if (kind === 'prospect' && (record as Prospect).forgottenAt !== null) this.erased = true;
    }
  }

  async delete(kind: IdKind, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const db = await this.writable();
    for (const id of ids) WRITERS[kind].remove(db, id);
    if (kind === 'prospect') this.erased = true;
  }
}

