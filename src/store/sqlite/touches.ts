// Reading and writing touches: by prospect in time order (the index touches_prospect_at), the latest per prospect,
// and in bulk for migrate and check.
import type { Touch } from '../../domain/types.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

export const TOUCH_COLUMNS = 'id, prospect_id, type, at, note, outcome, direction, logged_by';

/** A Touch from a raw row in COLUMNS order; keys in the order of SPEC §4. */
export const touchFromRaw = (r: unknown[]): Touch => ({
  id: r[0] as number,
  prospectId: r[1] as number,
  type: r[2] as Touch['type'],
  at: r[3] as string,
  note: r[4] as string | null,
  outcome: r[5] as Touch['outcome'],
  direction: r[6] as Touch['direction'],
  by: r[7] as string | null,
});

const touchValues = (t: Touch): unknown[] => [t.id, t.prospectId, t.type, t.at, t.note, t.outcome, t.direction, t.by];

/** The touches a WHERE clause on `touches` (aliased t) selects, by time then id. */
export function touchesWhere(db: Db, where: string, params: readonly unknown[] = []): Touch[] {
  return (statement(db, `SELECT ${TOUCH_COLUMNS} FROM touches t WHERE ${where} ORDER BY at, id`).raw().all(...params) as unknown[][]).map(touchFromRaw);
}

export const touchesOf = (db: Db, prospectId: number): Touch[] => touchesWhere(db, 't.prospect_id = ?', [prospectId]);

export function touchById(db: Db, id: number): Touch | null {
  const r = statement(db, `SELECT ${TOUCH_COLUMNS} FROM touches WHERE id = ?`).raw().get(id) as unknown[] | undefined;
  return r ? touchFromRaw(r) : null;
}

/** The latest touch of a prospect (by time, then id), or null: one step down the index. */
export function lastTouchOf(db: Db, prospectId: number): Touch | null {
  const r = statement(db, `SELECT ${TOUCH_COLUMNS} FROM touches WHERE prospect_id = ? ORDER BY at DESC, id DESC LIMIT 1`).raw().get(prospectId) as unknown[] | undefined;
  return r ? touchFromRaw(r) : null;
}

export const insertTouch = (db: Db, t: Touch): void => {
  statement(db, `INSERT INTO touches (${TOUCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...touchValues(t));
};

/** Rewrites a touch; 0 when there is no such touch. */
export const updateTouch = (db: Db, t: Touch): number =>
  statement(db, 'UPDATE touches SET prospect_id = ?, type = ?, at = ?, note = ?, outcome = ?, direction = ?, logged_by = ? WHERE id = ?')
    .run(...touchValues(t).slice(1), t.id).changes;

export const deleteTouch = (db: Db, id: number): void => {
  statement(db, 'DELETE FROM touches WHERE id = ?').run(id);
};

export const deleteTouchesOf = (db: Db, prospectId: number): void => {
  statement(db, 'DELETE FROM touches WHERE prospect_id = ?').run(prospectId);
};
