// Reading and writing prospects (with their stage history and consent log) on any SQL backend: by a WHERE clause,
// by reference keys, and whole records written as their rows.
import type { ConsentEntry, Prospect, StageChange } from '../../domain/types.js';
import {
  INSERT_CONSENT, INSERT_PROSPECT, INSERT_STAGE, PROSPECT_RECORD_COLUMNS, UPDATE_PROSPECT, consentValues,
  prospectFromRaw, prospectUpdateValues, prospectValues, stageValues,
} from './prospect-rows.js';
import type { SqlRunner } from './runner.js';

/**
 * The prospects a WHERE clause selects, in id order, each with its history and consent. `where` is a condition on
 * `prospects` (aliased p) and `params` its values. `lock`: lock the rows for the rest of the transaction (a writer
 * that reads a prospect must not lose a concurrent change to it).
 */
export async function prospectsWhere(db: SqlRunner, where: string, params: readonly unknown[] = [], lock = false): Promise<Prospect[]> {
  const rows = await db.rows(`SELECT ${PROSPECT_RECORD_COLUMNS} FROM prospects p WHERE ${where} ORDER BY id${lock ? ' FOR UPDATE' : ''}`, params);
  if (rows.length === 0) return [];
  // History and consent in one ordered pass each; rows of prospects the first query did not return (a concurrent
  // insert seen by a later statement) are left out.
  const byIds = `prospect_id IN (SELECT p.id FROM prospects p WHERE ${where})`;
  const idParams = params;
  const wanted = new Set(rows.map((r) => r[0] as number));
  const history = groupById<StageChange>(
    await db.rows(`SELECT prospect_id, stage, at FROM stage_history WHERE ${byIds} ORDER BY prospect_id, seq`, idParams),
    wanted,
    (r) => ({ stage: r[1] as StageChange['stage'], at: r[2] as string }),
  );
  const consent = groupById<ConsentEntry>(
    await db.rows(`SELECT prospect_id, at, granted, note FROM consent WHERE ${byIds} ORDER BY prospect_id, seq`, idParams),
    wanted,
    (r) => ({ at: r[1] as string, granted: r[2] === 1, note: r[3] as string | null }),
  );
  return rows.map((r) => prospectFromRaw(r, history.get(r[0] as number) ?? [], consent.get(r[0] as number) ?? []));
}

function groupById<T>(rows: unknown[][], wanted: Set<number>, make: (r: unknown[]) => T): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const r of rows) {
    const id = r[0] as number;
    if (!wanted.has(id)) continue;
    let list = by.get(id);
    if (!list) by.set(id, (list = []));
    list.push(make(r));
  }
  return by;
}

/**
 * The candidates for a text reference (references.ts decides among them), in two steps as resolveProspect decides:
 * first through three indexes — the same email key, the same lower-case name, or a folded name starting with
 * `nameKey`; any of those decides before a later word of a name is looked at. Only when none matches, the
 * second step: a folded name containing `nameKey` (a scan), a superset of "one of its words starts with it"
 * (references.ts startsNameOrWord), which the domain then applies exactly.
 */
export function referenceWhere(ref: { email: string | null; lowerName: string; nameKey: string }, step: 'indexed' | 'words'): { where: string; params: unknown[] } {
  if (step === 'words') return { where: "p.name_key LIKE ? ESCAPE '\\'", params: [`%${ref.nameKey.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] };
  const conditions = ['p.name_lower = ?'];
  const params: unknown[] = [ref.lowerName];
  if (ref.email !== null) {
    conditions.push('p.email_key = ?');
    params.push(ref.email.trim());
  }
  if (ref.nameKey !== '') {
    conditions.push('(p.name_key >= ? AND p.name_key < ?)');
    params.push(ref.nameKey, prefixEnd(ref.nameKey));
  }
  return { where: conditions.join(' OR '), params };
}

/**
 * The smallest string greater than every string starting with `prefix`, in code-point order (SQLite's BINARY,
 * PostgreSQL's "C" collation): the prefix with its last code point incremented. So `key >= prefix AND key < end`
 * is an index range.
 */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  while (points.length) {
    const last = points.pop()!.codePointAt(0)!;
    // Skip the surrogate range, which no well-formed string holds; 0x10ffff has no successor: drop it and carry.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return '\u{10ffff}\u{10ffff}';
}

export async function insertProspect(db: SqlRunner, p: Prospect): Promise<void> {
  await db.run(INSERT_PROSPECT, prospectValues(p));
  await writeLogs(db, p);
}

/** Rewrites the row and its history and consent; 0 when there is no such prospect. */
export async function updateProspect(db: SqlRunner, p: Prospect): Promise<number> {
  const changes = await db.run(UPDATE_PROSPECT, prospectUpdateValues(p));
  if (changes === 0) return 0;
  await deleteLogs(db, p.id);
  await writeLogs(db, p);
  return changes;
}

/** Deletes the prospect's own rows; its touches, responses and referral links are the caller's (domain's) to change. */
export async function deleteProspect(db: SqlRunner, id: number): Promise<void> {
  await db.run('DELETE FROM prospects WHERE id = ?', [id]);
  await deleteLogs(db, id);
}

async function writeLogs(db: SqlRunner, p: Prospect): Promise<void> {
  for (const v of stageValues(p)) await db.run(INSERT_STAGE, v);
  for (const v of consentValues(p)) await db.run(INSERT_CONSENT, v);
}

async function deleteLogs(db: SqlRunner, id: number): Promise<void> {
  await db.run('DELETE FROM stage_history WHERE prospect_id = ?', [id]);
  await db.run('DELETE FROM consent WHERE prospect_id = ?', [id]);
}
