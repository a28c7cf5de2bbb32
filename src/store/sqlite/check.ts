// `store check` for SQLite: SQLite's own integrity check, then precrm's rules shared with PostgreSQL (sql/check.ts).
import { checkTables } from '../sql/check.js';
import type { Db } from './connection.js';
import { SqliteRunner } from './runner.js';

/** Problems found in an open precrm database (empty when it is sound): SQLite's integrity check, then precrm's rules. */
export async function checkDatabase(db: Db): Promise<string[]> {
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  if (integrity.length !== 1 || integrity[0] !== 'ok') return ['SQLite integrity check failed:', ...integrity.slice(0, 20)];
  return checkTables(new SqliteRunner(db));
}
