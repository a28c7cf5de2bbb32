// Touches on any SQL backend: by a WHERE clause in time order (the index touches_prospect_at), and written as rows.
import type { Touch } from '../../domain/types.js';
import type { SqlRunner } from './runner.js';

export const TOUCH_COLUMNS = 'id, prospect_id, type, at, note, outcome, direction, logged_by';

/** A Touch from a raw row in TOUCH_COLUMNS order; keys in the order of docs/CONTRACT.md §4. */
export const touchFromRaw = (r: unknown[]): Touch => ({
  id: Number(r[0]),
  prospectId: Number(r[1]),
  type: r[2] as Touch['type'],
  at: r[3] as string,
  note: r[4] as string | null,
  outcome: r[5] as Touch['outcome'],
  direction: r[6] as Touch['direction'],
  by: r[7] as string | null,
});

export const touchValues = (t: Touch): unknown[] => [t.id, t.prospectId, t.type, t.at, t.note, t.outcome, t.direction, t.by];

/** The touches a WHERE clause on `touches` (aliased t) selects, by time then id. */
export async function touchesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Touch[]> {
  return (await db.rows(`SELECT ${TOUCH_COLUMNS} FROM touches t WHERE ${where} ORDER BY at, id`, params)).map(touchFromRaw);
}

export const insertTouch = async (db: SqlRunner, t: Touch): Promise<void> => {
  await db.run(`INSERT INTO touches (${TOUCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, touchValues(t));
};

/** Rewrites a touch; 0 when there is no such touch. */
export const updateTouch = (db: SqlRunner, t: Touch): Promise<number> =>
  db.run('UPDATE touches SET prospect_id = ?, type = ?, at = ?, note = ?, outcome = ?, direction = ?, logged_by = ? WHERE id = ?', [...touchValues(t).slice(1), t.id]);

export const deleteTouch = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM touches WHERE id = ?', [id]);
};
