// Ids from per-kind counters in the writing transaction: a rolled-back command hands out nothing, so ids follow
// the same sequence as on the JSON store, and never come back once used.
import type { IdKind } from '../../domain/types.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

/** Hands out the next id of a kind (inside a write transaction). */
export const takeId = (db: Db, kind: IdKind): number =>
  statement(db, 'UPDATE counters SET next_id = next_id + 1 WHERE kind = ? RETURNING next_id - 1').pluck().get(kind) as number;

/** Moves a counter past an id given from outside (import keeping a file's id, migrate); never moves it back. */
export const usedId = (db: Db, kind: IdKind, id: number): void => {
  // max(a, b) is SQLite's two-argument max; PostgreSQL spells it GREATEST.
  statement(db, 'UPDATE counters SET next_id = max(next_id, ?) WHERE kind = ?').run(id + 1, kind);
};

export function nextIds(db: Db): Record<IdKind, number> {
  const rows = statement(db, 'SELECT kind, next_id FROM counters').raw().all() as [IdKind, number][];
  return Object.fromEntries(rows) as Record<IdKind, number>;
}
