// Occasions on any SQL backend: rows of the `occasions` table, by column name, read in id order.
import type { Occasion } from '../../domain/types.js';
import { columns, insertSql, valuesOf } from './columns.js';
import type { SqlRunner } from './runner.js';

export const OCCASION_ROW = columns(['id', 'prospect_id', 'label', 'month', 'day', 'year', 'remind_days', 'created_at'] as const);

/** An Occasion from a raw row selected with OCCASION_ROW (bigint and timestamp columns read as the domain's types). */
export function occasionFromRow(r: readonly unknown[]): Occasion {
  const at = OCCASION_ROW.at;
  return {
    id: Number(r[at.id]),
    prospectId: Number(r[at.prospect_id]),
    label: r[at.label] as string,
    month: Number(r[at.month]),
    day: Number(r[at.day]),
    year: r[at.year] === null ? null : Number(r[at.year]),
    remindDays: Number(r[at.remind_days]),
    createdAt: r[at.created_at] as string,
  };
}

const occasionValues = (o: Occasion): unknown[] => valuesOf(OCCASION_ROW, {
  id: o.id, prospect_id: o.prospectId, label: o.label, month: o.month, day: o.day, year: o.year, remind_days: o.remindDays, created_at: o.createdAt,
});

/** The occasions a WHERE clause on `occasions` (aliased o) selects, by id. */
export async function occasionsWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Occasion[]> {
  return (await db.rows(`SELECT ${OCCASION_ROW.list} FROM occasions o WHERE ${where} ORDER BY id`, params)).map(occasionFromRow);
}

const INSERT_OCCASION = insertSql('occasions', OCCASION_ROW);
const UPDATE_OCCASION = `UPDATE occasions SET ${OCCASION_ROW.names.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

export const insertOccasion = async (db: SqlRunner, o: Occasion): Promise<void> => {
  await db.run(INSERT_OCCASION, occasionValues(o));
};

/** Rewrites an occasion (a merge moves it to the prospect kept); 0 when there is no such occasion. */
export const updateOccasion = (db: SqlRunner, o: Occasion): Promise<number> => db.run(UPDATE_OCCASION, [...occasionValues(o).slice(1), o.id]);

export const deleteOccasion = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM occasions WHERE id = ?', [id]);
};
