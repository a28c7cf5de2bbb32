// `import touches` on a SQL backend, set-based: a batch's prospects are looked up in two statements and its repeats
// within the file dropped in memory; the rest go into a temporary table (PostgreSQL's COPY, SQLite's one prepared
// INSERT), and a few statements skip what the store holds already, number and insert the touches and move the
// prospects on. Only the prospects a touch may change beyond updated_at (domain/touches.ts touchMayChange: aware,
// with a follow-up, or forgotten) are read whole and replayed through recordTouch, the one home of a touch's rules;
// every other touch is stored as given and its prospect's updated_at set once per import.
import { MOVING_DIRECTION, recordTouch, touchDirection, touchKey } from '../../domain/touches.js';
import type { Prospect, Touch } from '../../domain/types.js';
import type { TouchBatch, TouchBatchRow } from '../store.js';
import { columns } from './columns.js';
import { decimalText } from './money.js';
import { bug, takeIds } from './counters.js';
import { writeMoves } from './touch-moves.js';
import { prospectsWhere } from './prospects.js';
import { touchMayChangeSql } from './rules.js';
import type { SqlRunner } from './runner.js';
import { loadRows } from './runner.js';
import { ascending, IdBits } from './id-bits.js';
import { rowProspects } from './touch-refs.js';

/** What one import remembers across its batches, which all run in one transaction. */
export class TouchImportMemo {
  /** Prospects an earlier batch locked (a row lock holds until the transaction ends). */
  readonly locked = new IdBits();
  /** Prospects whose updated_at an earlier batch set to `now`. */
  readonly stamped = new IdBits();
  constructor(readonly now: string) {}
}

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
  /** The import's memo for `now` (a new one for another `now`). */
  memo(now: string): TouchImportMemo;
  /** Called before `count` touches are inserted (SQLite may set an index aside until the commit). */
  beforeTouchInsert(count: number): Promise<void>;
}

const STAGED = columns(['seq', 'prospect_id', 'type', 'at', 'note', 'outcome', 'direction', 'logged_by', 'cost', 'currency'] as const);

const stagingTable = (db: SqlRunner) => `CREATE TEMP TABLE IF NOT EXISTS import_touches (
  seq INTEGER PRIMARY KEY, prospect_id BIGINT NOT NULL, type ${db.dialect.text} NOT NULL, at ${db.dialect.instant} NOT NULL,
  note ${db.dialect.text}, outcome ${db.dialect.text}, direction ${db.dialect.text}, logged_by ${db.dialect.text},
  cost ${db.dialect.money}, currency ${db.dialect.text}, keep INTEGER NOT NULL DEFAULT 1)`;

// A staged touch repeats one its prospect has of the same type at the same time (touches.ts touchKey; repeats
// within the file are dropped before staging, and earlier batches of the file are stored by now). A subquery per
// row, not EXISTS: PostgreSQL, with no statistics of a table the import is filling, would hash all of `touches`.
const STORED = `SELECT s.seq FROM import_touches s
  WHERE (SELECT 1 FROM touches t WHERE t.prospect_id = s.prospect_id AND t.at = s.at AND t.type = s.type LIMIT 1) IS NOT NULL`;

// keep = 1: stored as given; 2: replayed through recordTouch (its prospect may change). Ids follow the rows' order.
const INSERT_PLAIN = `INSERT INTO touches (id, prospect_id, type, at, note, outcome, direction, logged_by, cost, currency)
  SELECT ? + k.n - 1, k.prospect_id, k.type, k.at, k.note, k.outcome, k.direction, k.logged_by, k.cost, k.currency
  FROM (SELECT s.*, row_number() OVER (ORDER BY s.seq) AS n FROM import_touches s) k WHERE k.keep = 1`;

// Of the touched prospects (the first list), those a touch may change beyond updated_at: read whole and replayed
// through recordTouch. The second list: those with an inbound touch in the batch.
const mayChangeSql = (db: SqlRunner) => `SELECT p.id FROM prospects p WHERE p.id ${db.dialect.inList('int')} AND ${touchMayChangeSql(`p.id ${db.dialect.inList('int')}`)}`;

function* stagedRows(rows: readonly TouchBatchRow[], staged: readonly { seq: number; prospectId: number }[]): Generator<unknown[]> {
  for (const { seq, prospectId } of staged) {
    const { input } = rows[seq]!;
    yield [seq, prospectId, input.type, input.at, input.note ?? null, input.outcome ?? null, touchDirection(input), input.by ?? null,
      input.cost ? decimalText(input.cost.value) : null, input.cost?.currency ?? null];
  }
}

/** The rows to stage (each touch's first row in the batch) and the rows that name no prospect. */
function firstRows(rows: readonly TouchBatchRow[], prospects: readonly (number | null)[]) {
  const seen = new Set<string>();
  const unmatched: number[] = [];
  const staged: { seq: number; prospectId: number }[] = [];
  prospects.forEach((prospectId, seq) => {
    if (prospectId === null) return void unmatched.push(seq);
    const key = touchKey({ prospectId, type: rows[seq]!.input.type, at: rows[seq]!.input.at });
    if (seen.has(key)) return;
    seen.add(key);
    staged.push({ seq, prospectId });
  });
  return { unmatched, staged };
}

/** Plans a batch in the database: the rows' prospects and which rows are new; `write` then records them. */
export async function touchBatch(db: SqlRunner, host: TouchBatchHost, rows: readonly TouchBatchRow[], now: string): Promise<TouchBatch> {
  if (rows.some((r) => r.refs.length > 2)) throw bug('a touch row with more than two references');
  const { unmatched, staged } = firstRows(rows, await rowProspects(db, rows, () => host.beforeIdentityLookup()));
  const memo = host.memo(now);
  await db.run(stagingTable(db));
  await db.run(db.dialect.empty('import_touches'));
  await loadRows(db, 'import_touches', STAGED.list, stagedRows(rows, staged));
  // Locked before the store's touches are compared, so that no other writer adds one of them in between.
  const toLock = host.lock ? memo.locked.addNew(staged.map((s) => s.prospectId)) : [];
  if (toLock.length) await db.rows(`SELECT p.id FROM prospects p WHERE p.id ${db.dialect.inList('int')} ORDER BY p.id FOR UPDATE`, [db.dialect.list(toLock)]);
  const stored = new Set((await db.rows(STORED)).map((r) => Number(r[0])));
  if (stored.size) await db.run(`DELETE FROM import_touches WHERE seq ${db.dialect.inList('int')}`, [db.dialect.list([...stored])]);
  const kept = stored.size ? staged.filter((s) => !stored.has(s.seq)) : staged;
  return {
    unmatched, created: kept.length, skipped: rows.length - unmatched.length - kept.length,
    write: () => writeBatch(host, memo, rows, kept, now),
  };
}

/** The touched prospects a touch may change, whole (the ids first, by the primary key; then those rows whole). */
async function mayChange(db: SqlRunner, lock: boolean, rows: readonly TouchBatchRow[], kept: readonly { seq: number; prospectId: number }[]): Promise<Prospect[]> {
  const touched = new Set<number>();
  const inbound = new Set<number>();
  for (const { seq, prospectId } of kept) {
    touched.add(prospectId);
    if (touchDirection(rows[seq]!.input) === MOVING_DIRECTION) inbound.add(prospectId);
  }
  const ids = (await db.rows(mayChangeSql(db), [db.dialect.list(ascending(touched)), db.dialect.list(ascending(inbound))])).map((r) => Number(r[0]));
  return ids.length ? prospectsWhere(db, `p.id ${db.dialect.inList('int')}`, [db.dialect.list(ids)], lock) : [];
}

/** Inserts the batch's new touches (ids in row order) and moves their prospects on. */
async function writeBatch(host: TouchBatchHost, memo: TouchImportMemo, rows: readonly TouchBatchRow[], kept: { seq: number; prospectId: number }[], now: string): Promise<void> {
  if (kept.length === 0) return;
  const db = await host.writable();
  const base = await takeIds(db, 'touch', kept.length);
  const before = await mayChange(db, host.lock, rows, kept);
  const after = new Map(before.map((p) => [p.id, p]));
  const replayed: Touch[] = [];
  kept.forEach(({ seq, prospectId }, i) => {
    const p = after.get(prospectId);
    if (!p) return;
    const logged = recordTouch(p, base + i, rows[seq]!.input, now);
    replayed.push(logged.touch);
    after.set(prospectId, logged.prospect);
  });
  await host.beforeTouchInsert(kept.length);
  if (before.length) {
    await db.run(`UPDATE import_touches SET keep = 2 WHERE prospect_id ${db.dialect.inList('int')}`, [db.dialect.list(before.map((p) => p.id))]);
  }
  await db.run(INSERT_PLAIN, [base]);
  await host.insertTouches(replayed);
  await writeMoves(db, (ps) => host.updateProspects(ps), before, after);
  // recordTouch sets updatedAt to now: once per prospect and import (the row then stays locked until the commit).
  const unstamped = memo.stamped.addNew(kept.map((k) => k.prospectId));
  if (unstamped.length) await db.run(`UPDATE prospects SET updated_at = ? WHERE id ${db.dialect.inList('int')} AND updated_at <> ?`, [now, db.dialect.list(unstamped), now]);
}
