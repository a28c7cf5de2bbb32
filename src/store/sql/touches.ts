// Touches on any SQL backend: by a WHERE clause in time order (the index touches_prospect_at), and written as
// rows, by column name (from the declaration).
import { TOUCH } from '../../domain/records/touch.js';
import type { Touch } from '../../domain/types.js';
import { kindTable } from './kind-table.js';
import type { SqlRunner } from './runner.js';

/** `touches`, its columns unqualified (read as `touches` or as `touches t`). */
export const TOUCHES = kindTable(TOUCH);

/** A Touch from a raw row selected with TOUCHES.read. */
export const touchFromRow = (r: readonly unknown[]): Touch => TOUCHES.fromRow(r, {});

export const touchValues = (t: Touch): unknown[] => TOUCHES.values(t, undefined);

/** The touches a WHERE clause on `touches` (aliased t) selects, by time then id. */
export async function touchesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Touch[]> {
  return (await db.rows(`SELECT ${TOUCHES.read.list} FROM touches t WHERE ${where} ORDER BY at, id`, params)).map(touchFromRow);
}

export const insertTouch = async (db: SqlRunner, t: Touch): Promise<void> => {
  await db.run(TOUCHES.insert, touchValues(t));
};

/** Rewrites a touch; 0 when there is no such touch. */
export const updateTouch = (db: SqlRunner, t: Touch): Promise<number> => db.run(TOUCHES.update, TOUCHES.updateValues(t, undefined));

export const deleteTouch = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM touches WHERE id = ?', [id]);
};
