// The suppression list on a SQL backend: the `suppression` rows (one per keyed hash) and the one row of
// `suppression_secret`, read and written in the SQL SQLite and PostgreSQL share (INSERT … ON CONFLICT).
import { byHash } from '../../domain/suppression.js';
import type { SuppressionEntry, SuppressionReason } from '../../domain/types.js';
import type { SqlRunner } from './runner.js';

const entryOf = (r: unknown[]): SuppressionEntry => ({ hash: r[0] as string, reason: r[1] as SuppressionReason, at: r[2] as string });

export async function readSecret(db: SqlRunner): Promise<string | null> {
  const [row] = await db.rows('SELECT secret FROM suppression_secret WHERE id = 1');
  return row ? (row[0] as string) : null;
}

/** The entries with these hashes (all of them when `hashes` is undefined), by hash. */
export async function readEntries(db: SqlRunner, hashes?: readonly string[]): Promise<SuppressionEntry[]> {
  if (hashes?.length === 0) return [];
  const rows = hashes === undefined
    ? await db.rows('SELECT hash, reason, at FROM suppression')
    : await db.rows(`SELECT hash, reason, at FROM suppression WHERE hash ${db.dialect.inList('text')}`, [db.dialect.list(hashes)]);
  // Sorted here, not by ORDER BY: code-point order whatever the column's collation.
  return byHash(rows.map(entryOf));
}

/** Inserts the secret unless there is one (another writer's, committed meanwhile, wins), then reads the one in force. */
export async function keepSecret(db: SqlRunner, secret: string): Promise<string> {
  await db.run('INSERT INTO suppression_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING', [secret]);
  return (await readSecret(db))!;
}

export async function putEntries(db: SqlRunner, entries: readonly SuppressionEntry[]): Promise<void> {
  for (const e of byHash(entries)) {
    await db.run('INSERT INTO suppression (hash, reason, at) VALUES (?, ?, ?) ON CONFLICT (hash) DO UPDATE SET reason = excluded.reason, at = excluded.at', [e.hash, e.reason, e.at]);
  }
}

export async function deleteEntries(db: SqlRunner, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.run(`DELETE FROM suppression WHERE hash ${db.dialect.inList('text')}`, [db.dialect.list(hashes)]);
}
