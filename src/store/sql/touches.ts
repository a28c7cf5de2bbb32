// Touches on any SQL backend: by a WHERE clause in time order (the index touches_prospect_at), and written as
// rows, by column name; the cost as the exact decimal text of the domain's number (money.ts).
import type { Touch } from '../../domain/types.js';
import { columns, insertSql, valuesOf } from './columns.js';
import { decimalText, decimalValue } from './money.js';
import type { SqlRunner } from './runner.js';

export const TOUCH_ROW = columns(['id', 'prospect_id', 'type', 'at', 'note', 'outcome', 'direction', 'logged_by', 'cost', 'currency'] as const);

/** A Touch from a raw row selected with TOUCH_ROW; keys in the order of docs/CONTRACT.md §4. */
export function touchFromRow(r: readonly unknown[]): Touch {
  const at = TOUCH_ROW.at;
  return {
    id: Number(r[at.id]),
    prospectId: Number(r[at.prospect_id]),
    type: r[at.type] as Touch['type'],
    at: r[at.at] as string,
    note: r[at.note] as string | null,
    outcome: r[at.outcome] as Touch['outcome'],
    direction: r[at.direction] as Touch['direction'],
    by: r[at.logged_by] as string | null,
    cost: decimalValue(r[at.cost]),
    currency: r[at.currency] as string | null,
  };
}

export const touchRow = (t: Touch): Record<(typeof TOUCH_ROW.names)[number], unknown> => ({
  id: t.id, prospect_id: t.prospectId, type: t.type, at: t.at, note: t.note, outcome: t.outcome, direction: t.direction, logged_by: t.by,
  cost: t.cost === null ? null : decimalText(t.cost), currency: t.currency,
});

export const touchValues = (t: Touch): unknown[] => valuesOf(TOUCH_ROW, touchRow(t));

/** The touches a WHERE clause on `touches` (aliased t) selects, by time then id. */
export async function touchesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Touch[]> {
  return (await db.rows(`SELECT ${TOUCH_ROW.list} FROM touches t WHERE ${where} ORDER BY at, id`, params)).map(touchFromRow);
}

const INSERT_TOUCH = insertSql('touches', TOUCH_ROW);
const UPDATE_TOUCH = `UPDATE touches SET ${TOUCH_ROW.names.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

export const insertTouch = async (db: SqlRunner, t: Touch): Promise<void> => {
  await db.run(INSERT_TOUCH, touchValues(t));
};

/** Rewrites a touch; 0 when there is no such touch. */
export const updateTouch = (db: SqlRunner, t: Touch): Promise<number> => db.run(UPDATE_TOUCH, [...touchValues(t).slice(1), t.id]);

export const deleteTouch = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM touches WHERE id = ?', [id]);
};
