// Tallies on any SQL backend: by a WHERE clause in time order (the index tallies_at), and written as rows by
// column name; the cost as the exact decimal text of the domain's number (money.ts).
import type { Tally } from '../../domain/types.js';
import { columns, insertSql, valuesOf } from './columns.js';
import { decimalText, decimalValue } from './money.js';
import type { SqlRunner } from './runner.js';

export const TALLY_ROW = columns(['id', 'type', 'count', 'at', 'note', 'logged_by', 'cost', 'currency'] as const);

/** A Tally from a raw row selected with TALLY_ROW; keys in the record's declared order. */
export function tallyFromRow(r: readonly unknown[]): Tally {
  const at = TALLY_ROW.at;
  return {
    id: Number(r[at.id]),
    type: r[at.type] as Tally['type'],
    count: Number(r[at.count]),
    at: r[at.at] as string,
    note: r[at.note] as string | null,
    by: r[at.logged_by] as string | null,
    cost: decimalValue(r[at.cost]),
    currency: r[at.currency] as string | null,
  };
}

export const tallyValues = (t: Tally): unknown[] => valuesOf(TALLY_ROW, {
  id: t.id, type: t.type, count: t.count, at: t.at, note: t.note, logged_by: t.by,
  cost: t.cost === null ? null : decimalText(t.cost), currency: t.currency,
});

/** The tallies a WHERE clause on `tallies` selects, by time then id. */
export async function talliesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Tally[]> {
  return (await db.rows(`SELECT ${TALLY_ROW.list} FROM tallies WHERE ${where} ORDER BY at, id`, params)).map(tallyFromRow);
}

const INSERT_TALLY = insertSql('tallies', TALLY_ROW);
const UPDATE_TALLY = `UPDATE tallies SET ${TALLY_ROW.names.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

export const insertTally = async (db: SqlRunner, t: Tally): Promise<void> => {
  await db.run(INSERT_TALLY, tallyValues(t));
};

/** Rewrites a tally; 0 when there is no such tally. */
export const updateTally = (db: SqlRunner, t: Tally): Promise<number> => db.run(UPDATE_TALLY, [...tallyValues(t).slice(1), t.id]);

export const deleteTally = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM tallies WHERE id = ?', [id]);
};
