// Occasions on any SQL backend: rows of the `occasions` table, by column name (from the declaration), read in id order.
import { OCCASION } from '../../domain/records/occasion.js';
import type { Occasion } from '../../domain/types.js';
import { kindTable } from './kind-table.js';
import type { SqlRunner } from './runner.js';

export const OCCASIONS = kindTable(OCCASION, { alias: 'o' });

/** The occasions a WHERE clause on `occasions` (aliased o) selects, by id. */
export async function occasionsWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Occasion[]> {
  return (await db.rows(`SELECT ${OCCASIONS.read.list} FROM occasions o WHERE ${where} ORDER BY id`, params)).map((r) => OCCASIONS.fromRow(r, {}));
}

export const insertOccasion = async (db: SqlRunner, o: Occasion): Promise<void> => {
  await db.run(OCCASIONS.insert, OCCASIONS.values(o, undefined));
};

/** Rewrites an occasion (a merge moves it to the prospect kept); 0 when there is no such occasion. */
export const updateOccasion = (db: SqlRunner, o: Occasion): Promise<number> => db.run(OCCASIONS.update, OCCASIONS.updateValues(o, undefined));

export const deleteOccasion = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM occasions WHERE id = ?', [id]);
};
