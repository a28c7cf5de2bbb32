// The writes of a SQL backend's transaction: targeted inserts, updates and deletes of rows, and ids from the
// counters table, all committed (or rolled back) together by the store.
import type { IdKind, SuppressionEntry } from '../../domain/types.js';
import type { RecordOf, StoreTransaction } from '../store.js';
import { bug, takeIds, usedId } from './counters.js';
import { linksFor, type Links } from './links.js';
import { deleteProspect, insertProspect, updateProspect } from './prospects.js';
import { deletePurchase, insertPurchase, updatePurchase } from './purchases.js';
import { SqlReader } from './reader.js';
import { deleteEntries, keepSecret, putEntries, readSecret } from './suppression.js';
import type { SqlRunner } from './runner.js';
import { deleteResponse, deleteSurvey, insertResponse, insertSurvey, updateResponse, updateSurvey } from './surveys.js';
import { deleteTally, insertTally, updateTally } from './tallies.js';
import { deleteTouch, insertTouch, updateTouch } from './touches.js';
import { touchBatch, TouchImportMemo } from './touch-import.js';
import type { TouchBatch, TouchBatchRow } from '../store.js';
import { deleteOccasion, insertOccasion, updateOccasion } from './occasions.js';

export { bug };

type Writer<K extends IdKind> = {
  insert(db: SqlRunner, r: RecordOf[K], links: Links): Promise<void>;
  update(db: SqlRunner, r: RecordOf[K]): Promise<number>;
  remove(db: SqlRunner, id: number): Promise<void>;
};

const WRITERS: { [K in IdKind]: Writer<K> } = {
  prospect: { insert: (db, p, ids) => insertProspect(db, p, ids.purchaseIds.get(p.id)), update: updateProspect, remove: deleteProspect },
  touch: { insert: insertTouch, update: updateTouch, remove: deleteTouch },
  survey: { insert: insertSurvey, update: updateSurvey, remove: deleteSurvey },
  response: { insert: (db, r, links) => insertResponse(db, r, links), update: updateResponse, remove: deleteResponse },
  purchase: { insert: insertPurchase, update: updatePurchase, remove: deletePurchase },
  tally: { insert: insertTally, update: updateTally, remove: deleteTally },
  occasion: { insert: insertOccasion, update: updateOccasion, remove: deleteOccasion },
};

export abstract class SqlTransaction extends SqlReader implements StoreTransaction {
  /** Set when a person's data was erased or removed (the store then cleans up what the engine keeps of it). */
  erased = false;

  /** The connection writes go to (on a store that held nothing, the first call sets it up). */
  protected abstract writable(): Promise<SqlRunner>;
  protected abstract isUsedKey(err: unknown): boolean;

  async takeId(kind: IdKind, count = 1): Promise<number> {
    return takeIds(await this.writable(), kind, count);
  }

  /** Writes one record as its rows (what insert does per record unless insertMany takes them all). */
  protected async insertOne<K extends IdKind>(kind: K, record: RecordOf[K]): Promise<void> {
    await (WRITERS[kind] as Writer<K>).insert(await this.writable(), record, await linksFor(await this.writable(), kind, [record]));
  }

  /**
   * Writes many records at once if the backend has a faster way (PostgreSQL's COPY, SQLite's index rebuild); false:
   * one by one. `links`: the ids the rows need (links.ts), taken or looked up already.
   */
  protected async insertMany<K extends IdKind>(_kind: K, _records: readonly RecordOf[K][], _links: Links): Promise<boolean> {
    return false;
  }

  async insert<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    if (records.length === 0) return;
    const db = await this.writable();
    const writer = WRITERS[kind] as Writer<K>;
    let top = 0;
    for (const record of records) {
      if (!Number.isSafeInteger(record.id) || record.id < 1) throw bug(`${kind} id ${record.id} is not a positive integer`);
      if (record.id > top) top = record.id;
    }
    try {
      const links = await linksFor(db, kind, records);
      if (!(await this.insertMany(kind, records, links))) for (const record of records) await writer.insert(db, record, links);
    } catch (err) {
      // The primary key refuses a used id: that is a bug in the caller, not a storage failure.
      if (this.isUsedKey(err)) throw bug(`${kind} ${records.length === 1 ? records[0]!.id : 'id'} exists already`);
      throw err;
    }
    await usedId(db, kind, top);
  }

  async update<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    if (records.length === 0) return;
    const db = await this.writable();
    const writer = WRITERS[kind] as Writer<K>;
    for (const record of records) {
      if ((await writer.update(db, record)) === 0) throw bug(`${kind} ${record.id} does not exist`);
      if (kind === 'prospect' && (record as RecordOf['prospect']).forgottenAt !== null) this.erased = true;
    }
  }

  async delete(kind: IdKind, ids: readonly number[], options?: { merged?: boolean }): Promise<void> {
    if (ids.length === 0) return;
    const db = await this.writable();
    for (const id of ids) await WRITERS[kind].remove(db, id);
    if (kind === 'prospect' && !options?.merged) this.erased = true;
  }

  async keepSuppressionSecret(secret: string): Promise<string> {
    // Read first: once there is a secret (the usual case) nothing is written for it.
    return (await readSecret(await this.db())) ?? keepSecret(await this.writable(), secret);
  }

  async putSuppressions(entries: readonly SuppressionEntry[]): Promise<void> {
    if (entries.length) await putEntries(await this.writable(), entries);
  }

  async liftSuppressions(hashes: readonly string[]): Promise<void> {
    if (hashes.length) await deleteEntries(await this.writable(), hashes);
  }

  /** Before an import inserts `count` touches (SQLite: transaction.ts). */
  protected async beforeTouchInsert(_count: number): Promise<void> {}

  /** Called by the store before it commits: finishes what the transaction's writes left to the end. */
  async beforeCommit(): Promise<void> {}

  /** What this transaction's touch import remembers between its batches. */
  private touchMemo: TouchImportMemo | undefined;

  /** Planned on the read connection (a batch whose rows name no one writes nothing, not even a new store's file). */
  async touchBatch(rows: readonly TouchBatchRow[], now: string): Promise<TouchBatch> {
    return touchBatch(await this.db(), {
      writable: () => this.writable(),
      lock: this.lockRows,
      beforeIdentityLookup: () => this.beforeIdentityLookup(),
      insertTouches: (touches) => this.insert('touch', touches),
      updateProspects: (prospects) => this.update('prospect', prospects),
      memo: (at) => (this.touchMemo?.now === at ? this.touchMemo : (this.touchMemo = new TouchImportMemo(at))),
      beforeTouchInsert: (count) => this.beforeTouchInsert(count),
    }, rows, now);
  }
}
