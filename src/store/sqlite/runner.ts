// The shared SQL layer (src/store/sql/) on a better-sqlite3 connection: statements prepared once per connection,
// rows as arrays. better-sqlite3 is synchronous, so each call settles at once.
import type { SqlRunner } from '../sql/runner.js';
import { SQLITE_DIALECT } from '../sql/runner.js';
import type { Db } from './db.js';
import { statement } from './statements.js';

export class SqliteRunner implements SqlRunner {
  readonly dialect = SQLITE_DIALECT;

  constructor(readonly db: Db) {}

  async rows(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    return statement(this.db, sql, 'rows').all(...params) as unknown[][];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return statement(this.db, sql, 'run').run(...params).changes;
  }
}
