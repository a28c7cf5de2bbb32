// `store check` for SQLite: SQLite's own integrity check and foreign-key check (the constraints of the schema),
// then precrm's rules shared with PostgreSQL (sql/check.ts): every derived value against the domain.
import { checkTables } from '../sql/check.js';
import type { Db } from './connection.js';
import { SqliteRunner } from './runner.js';

/** The first row that points at a missing row, as kind and id (a table without ids names its prospect). */
export function foreignKeyProblems(db: Db): string[] {
  const broken = db.prepare('PRAGMA foreign_key_check').raw().all() as [string, number | null, string, number][];
  if (broken.length === 0) return [];
  const [table, rowid, parent] = broken[0]!;
  const id = rowid ?? (db.prepare(`SELECT prospect_id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = t.prospect_id)`).pluck().get() as number);
  const what = rowid === null ? `a row of prospect ${id}` : `row ${id}`;
  return [`${table} ${what} points at a missing row of ${parent}${broken.length > 1 ? ` (${broken.length} such rows in all)` : ''}`];
}

/** Problems found in an open precrm database (empty when it is sound): SQLite's checks, then precrm's rules. */
export async function checkDatabase(db: Db): Promise<string[]> {
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  if (integrity.length !== 1 || integrity[0] !== 'ok') return ['SQLite integrity check failed:', ...integrity.slice(0, 20)];
  const foreign = foreignKeyProblems(db);
  if (foreign.length) return foreign;
  return checkTables(new SqliteRunner(db));
}
