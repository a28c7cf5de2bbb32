// Prepared statements, cached per connection: preparing costs more than running most of precrm's queries.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './connection.js';

export type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection: `rows` ones return raw rows (arrays, ~3× cheaper to build
 * than objects), `run` ones report changes.
 */
export function statement(db: Db, sql: string, use: 'rows' | 'run'): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${use}\0${sql}`;
  let s = cache.get(key);
  if (!s) {
    s = db.prepare<unknown[], unknown>(sql);
    if (use === 'rows') s.raw(true);
    cache.set(key, s);
  }
  return s;
}
