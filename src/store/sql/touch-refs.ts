// The prospect each row of a touch import names, found for a whole batch in two statements (emails, ids) rather than
// one look-up per row, as the JSON planner finds them: the first reference that names a prospect wins, and an
// email names the prospect of that email key with the smallest id (csv/prospect-index.ts: the first keeps it).
import type { ImportRef, TouchBatchRow } from '../store.js';
import type { SqlRunner } from './runner.js';
import { ascending } from './id-bits.js';

const byEmail = (db: SqlRunner) => `SELECT p.email_key, min(p.id) FROM prospects p WHERE p.email_key ${db.dialect.inList('text')} GROUP BY p.email_key`;
const byId = (db: SqlRunner) => `SELECT p.id FROM prospects p WHERE p.id ${db.dialect.inList('int')}`;

/** Each row's prospect id, or null when none of its references names one. `beforeEmails`: before emails are looked up. */
export async function rowProspects(db: SqlRunner, rows: readonly TouchBatchRow[], beforeEmails: () => Promise<void>): Promise<(number | null)[]> {
  const keys = new Set<string>();
  const ids = new Set<number>();
  for (const { refs } of rows) {
    for (const ref of refs) if (ref !== null) { if ('id' in ref) ids.add(ref.id); else keys.add(ref.emailKey); }
  }
  const byKey = new Map<string, number>();
  if (keys.size) {
    await beforeEmails();
    for (const [key, id] of await db.rows(byEmail(db), [db.dialect.list([...keys].sort())])) byKey.set(String(key), Number(id));
  }
  const known = new Set<number>();
  if (ids.size) for (const [id] of await db.rows(byId(db), [db.dialect.list(ascending(ids))])) known.add(Number(id));
  const found = (ref: ImportRef): number | undefined =>
    ref === null ? undefined : 'id' in ref ? (known.has(ref.id) ? ref.id : undefined) : byKey.get(ref.emailKey);
  return rows.map(({ refs }) => {
    for (const ref of refs) {
      const id = found(ref);
      if (id !== undefined) return id;
    }
    return null;
  });
}
