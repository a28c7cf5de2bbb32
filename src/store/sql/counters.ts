// Ids from the `counters` table, inside the writing transaction (never a SQL sequence): a transaction that rolls
// back hands out nothing.
import { EXIT, PrecrmError } from '../../domain/errors.js';
import type { SqlRunner } from './runner.js';
import type { CounterKind } from './tables.js';

export const bug = (message: string) => new PrecrmError(`internal: ${message}`, EXIT.internal);

/** Hands out `count` ids of a kind from its counter (the row stays locked until the transaction ends). */
export async function takeIds(db: SqlRunner, kind: CounterKind, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw bug(`takeId(${kind}, ${count})`);
  const [row] = await db.rows('UPDATE counters SET next_id = next_id + ? WHERE kind = ? RETURNING next_id', [count, kind]);
  return Number(row![0]) - count;
}

/** Moves a counter past an id given from outside (import keeping a file's id, migrate); never moves it back. */
export async function usedId(db: SqlRunner, kind: CounterKind, id: number): Promise<void> {
  await db.run(`UPDATE counters SET next_id = ${db.dialect.greatest}(next_id, ?) WHERE kind = ?`, [id + 1, kind]);
}
