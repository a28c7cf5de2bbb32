// Tallies on any SQL backend: by a WHERE clause in time order (the index tallies_at), and written as rows by
// column name (from the declaration); the cost as the exact decimal text of the domain's number (money.ts).
import { TALLY } from '../../domain/records/tally.js';
import type { Tally } from '../../domain/types.js';
import { kindTable } from './kind-table.js';
import type { SqlRunner } from './runner.js';

export const TALLIES = kindTable(TALLY);

/** The tallies a WHERE clause on `tallies` selects, by time then id. */
export async function talliesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Tally[]> {
  return (await db.rows(`SELECT ${TALLIES.read.list} FROM tallies WHERE ${where} ORDER BY at, id`, params)).map((r) => TALLIES.fromRow(r, {}));
}

export const insertTally = async (db: SqlRunner, t: Tally): Promise<void> => {
  await db.run(TALLIES.insert, TALLIES.values(t, undefined));
};

/** Rewrites a tally; 0 when there is no such tally. */
export const updateTally = (db: SqlRunner, t: Tally): Promise<number> => db.run(TALLIES.update, TALLIES.updateValues(t, undefined));

export const deleteTally = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM tallies WHERE id = ?', [id]);
};
