// Prepared statements, cached per connection: preparing costs more than running most of precrm's queries.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db.js';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

const caches = new WeakMap<Db, Record<'rows' | 'run', Map<string, Statement>>>();

/**
 * The prepared statement for `sql` on this connection: `rows` ones return raw rows (arrays, ~3× cheaper to build
 * than objects), `run` ones report changes. Keyed by the SQL text itself (no concatenated key: an import looks up
 * its 38-column INSERT 100,000 times).
 */
export function statement(db: Db, sql: string, use: 'rows' | 'run'): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { rows: new Map(), run: new Map() }));
  let s = cache[use].get(sql);
  if (!s) {
    s = db.prepare<unknown[], unknown>(sql);
    if (use === 'rows') s.raw(true);
    cache[use].set(sql, s);
  }
  return s;
}
