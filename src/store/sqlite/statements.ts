// Prepared statements, cached per connection: preparing costs more than running most of precrm's queries.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './connection.js';

export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection. Each SQL text is used in one mode (plain, raw or pluck),
 * since the mode sticks to the cached statement.
 */
export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare<unknown[], unknown>(sql)));
  return s;
}
