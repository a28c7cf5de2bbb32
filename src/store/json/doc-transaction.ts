// The JSON backend's writes: targeted inserts, updates and deletes applied to the document held under the lock.
// The file is rewritten whole afterwards (by JsonFileStore.update) — only if something was written.
// Records handed to insert and update become the document's own (the Store interface says the caller no longer
// changes them): copying each one doubled what a 100,000-row import keeps in memory, and the garbage collector's
// work with it (~1 s of a 4 s import). Reads inside the transaction still hand out copies.
import { EXIT, PrecrmError } from '../../domain/errors.js';
import { byHash } from '../../domain/suppression.js';
import { firstPurchases } from '../../domain/first-purchase.js';
import type { IdKind, Prospect, StoreDoc, SuppressionEntry } from '../../domain/types.js';
import type { RecordOf, StoreTransaction } from '../store.js';
import { DocReader, LIST } from './doc-reader.js';

type Listed = { id: number };

const bug = (message: string) => new PrecrmError(`internal: ${message}`, EXIT.internal);

export class DocTransaction extends DocReader implements StoreTransaction {
  /** True once anything was written; a transaction that wrote nothing leaves the file alone. */
  dirty = false;

  constructor(doc: StoreDoc) {
    super(doc, true);
  }

  private list(kind: IdKind): Listed[] {
    return this.doc[LIST[kind]] as Listed[];
  }

  async takeId(kind: IdKind, count = 1): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw bug(`takeId(${kind}, ${count})`);
    const first = this.doc.nextId[kind];
    this.doc.nextId[kind] = first + count;
    this.dirty = true;
    return first;
  }

  async insert<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    const list = this.list(kind);
    // The list is in id order: an id above every id before it (the list's and the batch's) is free, with no index
    // of the whole list (~50 ms for one `touch log` at 100,000 touches) and no set of the batch's ids (an import's
    // ids usually rise). Only an id at or below that needs them.
    const last = list.length > 0 ? list[list.length - 1]!.id : 0;
    let top = last;
    let batch: Set<number> | undefined;
    let inOrder = true;
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as Listed;
      if (!Number.isSafeInteger(record.id) || record.id < 1) throw bug(`${kind} id ${record.id} is not a positive integer`);
      if (record.id <= top) {
        batch ??= new Set(records.slice(0, i).map((r) => r.id));
        if (batch.has(record.id) || (record.id <= last && this.indexOf(kind, record.id) !== undefined)) throw bug(`${kind} ${record.id} exists already`);
        // Appended below an earlier id (an import keeping a file's ids): the list is put back in id order once,
        // after the batch, instead of a search and a splice per record.
        inOrder = false;
      } else top = record.id;
      batch?.add(record.id);
      list.push(record);
      if (inOrder) this.indexed(kind, record.id, list.length - 1);
      if (this.doc.nextId[kind] <= record.id) this.doc.nextId[kind] = record.id + 1;
    }
    if (!inOrder) {
      list.sort((a, b) => a.id - b.id);
      this.forgetIndex(kind);
    }
    if (records.length) this.dirty = true;
    if (kind === 'prospect') await this.writeConversions(records as readonly Prospect[]);
  }

  async update<K extends IdKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    const list = this.list(kind);
    for (const record of records) {
      const i = this.indexOf(kind, record.id);
      if (i === undefined) throw bug(`${kind} ${record.id} does not exist`);
      list[i] = record;
    }
    if (records.length) this.dirty = true;
    if (kind === 'prospect') await this.writeConversions(records as readonly Prospect[]);
  }

  /**
   * Each prospect's conversion as its first purchase, as the SQL backends keep it: updated in place (keeping its id
   * and order id), added with a new id (taken in the records' order), or removed with the conversion.
   */
  private async writeConversions(prospects: readonly Prospect[]): Promise<void> {
    const wanted = new Set(prospects.map((p) => p.id));
    const first = firstPurchases(this.doc.purchases.filter((u) => wanted.has(u.prospectId)));
    for (const p of prospects) {
      const u = first.get(p.id);
      const c = p.conversion;
      if (c === null) {
        if (u) await this.delete('purchase', [u.id]);
      } else if (u) {
        await this.update('purchase', [{ ...u, at: c.at, value: c.value, currency: c.currency, product: c.product }]);
      } else {
        await this.insert('purchase', [{ id: await this.takeId('purchase'), prospectId: p.id, ...c, orderId: null }]);
      }
    }
  }

  async delete(kind: IdKind, ids: readonly number[]): Promise<void> {
    const gone = new Set(ids.filter((id) => this.indexOf(kind, id) !== undefined));
    if (gone.size === 0) return;
    // A prospect's purchases go with it (as the SQL backends' foreign key cascades them).
    if (kind === 'prospect') await this.delete('purchase', this.doc.purchases.filter((u) => gone.has(u.prospectId)).map((u) => u.id));
    const key = LIST[kind];
    (this.doc as unknown as Record<string, Listed[]>)[key] = this.list(kind).filter((r) => !gone.has(r.id));
    this.forgetIndex(kind);
    this.dirty = true;
  }

  async keepSuppressionSecret(secret: string): Promise<string> {
    const list = this.doc.suppression;
    if (list.secret === null) {
      list.secret = secret;
      this.dirty = true;
    }
    return list.secret;
  }

  async putSuppressions(entries: readonly SuppressionEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const list = this.doc.suppression;
    list.entries = byHash([...list.entries, ...entries.map((e) => ({ ...e }))]);
    this.dirty = true;
  }

  async liftSuppressions(hashes: readonly string[]): Promise<void> {
    const gone = new Set(hashes);
    const list = this.doc.suppression;
    const kept = list.entries.filter((e) => !gone.has(e.hash));
    if (kept.length === list.entries.length) return;
    list.entries = kept;
    this.dirty = true;
  }
}
