// `import touches` on a SQL backend, set-based: a batch's rows go into a temporary table (PostgreSQL's COPY, SQLite's
// one prepared INSERT), and a few statements find their prospects, skip repeats, number and insert the touches and
// move the prospects on. Only the prospects a touch may change beyond updated_at (domain/touches.ts touchMayChange:
// aware, with a follow-up, or forgotten) are read whole and replayed through recordTouch, the one home of a touch's
// rules; every other touch is stored as given and its prospect's updated_at set, one statement for all of them.
import { MOVING_DIRECTION, recordTouch, touchDirection } from '../../domain/touches.js';
import type { Prospect, Touch } from '../../domain/types.js';
import type { ImportRef, TouchBatch, TouchBatchRow } from '../store.js';
import { columns } from './columns.js';
import { decimalText } from './money.js';
import { bug, takeIds } from './counters.js';
import { writeMoves } from './touch-moves.js';
import { prospectsWhere } from './prospects.js';
import { touchMayChangeSql } from './rules.js';
import type { SqlRunner } from './runner.js';
import { loadRows } from './runner.js';

/** What the import needs of the transaction it runs in. */
interface TouchBatchHost {
  /** The connection writes go to. */
  writable(): Promise<SqlRunner>;
  /** Lock the prospect rows read (a server, where other writers run at the same time). */
  lock: boolean;
  /** Called before prospects are looked up by email (a server serialises identity look-ups). */
  beforeIdentityLookup(): Promise<void>;
  /** Touches and whole prospects written as any command writes them. */
  insertTouches(touches: Touch[]): Promise<void>;
  updateProspects(prospects: Prospect[]): Promise<void>;
}

const STAGED = columns(['seq', 'a_id', 'a_key', 'b_id', 'b_key', 'type', 'at', 'note', 'outcome', 'direction', 'logged_by', 'cost', 'currency'] as const);

const stagingTable = (db: SqlRunner) => `CREATE TEMP TABLE IF NOT EXISTS import_touches (
  seq INTEGER PRIMARY KEY, a_id BIGINT, a_key ${db.dialect.text}, b_id BIGINT, b_key ${db.dialect.text}, type ${db.dialect.text} NOT NULL,
  at ${db.dialect.instant} NOT NULL, note ${db.dialect.text}, outcome ${db.dialect.text}, direction ${db.dialect.text}, logged_by ${db.dialect.text},
  cost ${db.dialect.money}, currency ${db.dialect.text}, prospect_id BIGINT, keep INTEGER NOT NULL DEFAULT 0)`;

// A row's prospect as planTouches finds it: its first reference that names a prospect; an email names the
// prospect of that email key with the smallest id (csv/prospect-index.ts: the first prospect with a key keeps it).
// `min(p.id + 0)`, not `min(p.id)`: PostgreSQL would answer the latter by walking the primary key in order until an
// email matches, when it has no statistics yet (right after a large prospects import) — half the table per row.
const RESOLVE = `UPDATE import_touches SET prospect_id = coalesce(
  (SELECT min(p.id + 0) FROM prospects p WHERE p.email_key = import_touches.a_key), (SELECT p.id FROM prospects p WHERE p.id = import_touches.a_id),
  (SELECT min(p.id + 0) FROM prospects p WHERE p.email_key = import_touches.b_key), (SELECT p.id FROM prospects p WHERE p.id = import_touches.b_id))`;

// A touch is new unless its prospect has one of the same type at the same time, stored or earlier in the batch
// (touches.ts touchKey; earlier batches of the file are stored by now).
const KEEP = `UPDATE import_touches SET keep = 1
  WHERE seq IN (SELECT min(seq) FROM import_touches WHERE prospect_id IS NOT NULL GROUP BY prospect_id, type, at)
  AND NOT EXISTS (SELECT 1 FROM touches t WHERE t.prospect_id = import_touches.prospect_id AND t.at = import_touches.at AND t.type = import_touches.type)`;

// keep = 1: stored as given; 2: replayed through recordTouch (its prospect may change). Ids follow the rows' order.
const INSERT_PLAIN = `INSERT INTO touches (id, prospect_id, type, at, note, outcome, direction, logged_by, cost, currency)
  SELECT ? + k.n - 1, k.prospect_id, k.type, k.at, k.note, k.outcome, k.direction, k.logged_by, k.cost, k.currency
  FROM (SELECT s.*, row_number() OVER (ORDER BY s.seq) AS n FROM import_touches s WHERE s.keep > 0) k WHERE k.keep = 1`;

// The touched prospects a touch may change beyond updated_at (read whole and replayed through recordTouch).
const MAY_CHANGE = `SELECT p.id FROM (SELECT prospect_id, max(CASE WHEN direction = '${MOVING_DIRECTION}' THEN 1 ELSE 0 END) AS inbound
  FROM import_touches WHERE keep = 1 GROUP BY prospect_id) k JOIN prospects p ON p.id = k.prospect_id WHERE ${touchMayChangeSql('k.inbound = 1')}`;

// recordTouch sets updatedAt to now; a prospect an earlier batch touched has it already (a row left as it is).
const TOUCHED = 'UPDATE prospects SET updated_at = ? WHERE id IN (SELECT prospect_id FROM import_touches WHERE keep > 0) AND updated_at <> ?';

const refColumns = (ref: ImportRef | undefined): [number | null, string | null] =>
  !ref ? [null, null] : 'id' in ref ? [ref.id, null] : [null, ref.emailKey];

function* stagedRows(rows: readonly TouchBatchRow[]): Generator<unknown[]> {
  for (let seq = 0; seq < rows.length; seq++) {
    const { refs, input } = rows[seq]!;
    if (refs.length > 2) throw bug('a touch row with more than two references');
    yield [seq, ...refColumns(refs[0]), ...refColumns(refs[1]), input.type, input.at, input.note ?? null, input.outcome ?? null, touchDirection(input), input.by ?? null,
      input.cost ? decimalText(input.cost.value) : null, input.cost?.currency ?? null];
  }
}

/** Plans a batch in the database: the rows' prospects and which rows are new; `write` then records them. */
export async function touchBatch(db: SqlRunner, host: TouchBatchHost, rows: readonly TouchBatchRow[], now: string): Promise<TouchBatch> {
  await db.run(stagingTable(db));
  await db.run(db.dialect.empty('import_touches'));
  await loadRows(db, 'import_touches', STAGED.list, stagedRows(rows));
  if (db.dialect.analyze) await db.run(db.dialect.analyze('import_touches'));
  if (rows.some((r) => r.refs.some((ref) => ref !== null && 'emailKey' in ref))) await host.beforeIdentityLookup();
  await db.run(RESOLVE);
  if (host.lock) await db.rows('SELECT p.id FROM prospects p WHERE p.id IN (SELECT prospect_id FROM import_touches) ORDER BY p.id FOR UPDATE');
  await db.run(KEEP);
  const planned = await db.rows('SELECT seq, prospect_id, keep FROM import_touches ORDER BY seq');
  const unmatched: number[] = [];
  const kept: { seq: number; prospectId: number }[] = [];
  for (const [seq, prospectId, keep] of planned) {
    if (prospectId === null) unmatched.push(Number(seq));
    else if (Number(keep) === 1) kept.push({ seq: Number(seq), prospectId: Number(prospectId) });
  }
  return {
    unmatched, created: kept.length, skipped: rows.length - unmatched.length - kept.length,
    write: () => writeBatch(host, rows, kept, now),
  };
}

/** The touched prospects a touch may change, whole (the ids first: one pass over the batch, then the primary key). */
async function mayChange(db: SqlRunner, lock: boolean): Promise<Prospect[]> {
  const ids = (await db.rows(MAY_CHANGE)).map((r) => Number(r[0]));
  return ids.length ? prospectsWhere(db, `p.id ${db.dialect.inList('int')}`, [db.dialect.list(ids)], lock) : [];
}

/** Inserts the batch's new touches (ids in row order) and moves their prospects on. */
async function writeBatch(host: TouchBatchHost, rows: readonly TouchBatchRow[], kept: { seq: number; prospectId: number }[], now: string): Promise<void> {
  if (kept.length === 0) return;
  const db = await host.writable();
  const base = await takeIds(db, 'touch', kept.length);
  const before = await mayChange(db, host.lock);
  const after = new Map(before.map((p) => [p.id, p]));
  const replayed: Touch[] = [];
  kept.forEach(({ seq, prospectId }, i) => {
    const p = after.get(prospectId);
    if (!p) return;
    const logged = recordTouch(p, base + i, rows[seq]!.input, now);
    replayed.push(logged.touch);
    after.set(prospectId, logged.prospect);
  });
  if (before.length) {
    await db.run(`UPDATE import_touches SET keep = 2 WHERE keep = 1 AND prospect_id ${db.dialect.inList('int')}`, [db.dialect.list(before.map((p) => p.id))]);
  }
  await db.run(INSERT_PLAIN, [base]);
  await host.insertTouches(replayed);
  await writeMoves(db, (ps) => host.updateProspects(ps), before, after);
  await db.run(TOUCHED, [now, now]);
}
