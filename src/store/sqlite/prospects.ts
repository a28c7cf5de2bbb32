// Reading and writing prospects (with their stage history and consent log) by the queries commands make:
// by id, by reference keys, by duplicate keys, by referrer, and in bulk for migrate and check.
import type { ConsentEntry, Prospect, StageChange } from '../../domain/types.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';
import {
  INSERT_CONSENT, INSERT_PROSPECT, INSERT_STAGE, PROSPECT_RECORD_COLUMNS, UPDATE_PROSPECT, consentValues,
  prospectFromRaw, prospectUpdateValues, prospectValues, stageValues,
} from './prospect-rows.js';

/**
 * The prospects a WHERE clause selects, in id order, each with its history and consent. `where` is a condition on
 * `prospects` (aliased p) and `params` its values; history and consent come in one ordered pass each.
 */
export function prospectsWhere(db: Db, where: string, params: readonly unknown[] = []): Prospect[] {
  const rows = statement(db, `SELECT ${PROSPECT_RECORD_COLUMNS} FROM prospects p WHERE ${where} ORDER BY id`).raw().all(...params) as unknown[][];
  if (rows.length === 0) return [];
  const ids = `SELECT p.id FROM prospects p WHERE ${where}`;
  const history = groupById<StageChange>(
    statement(db, `SELECT prospect_id, stage, at FROM stage_history WHERE prospect_id IN (${ids}) ORDER BY prospect_id, seq`).raw().all(...params) as unknown[][],
    (r) => ({ stage: r[1] as StageChange['stage'], at: r[2] as string }),
  );
  const consent = groupById<ConsentEntry>(
    statement(db, `SELECT prospect_id, at, granted, note FROM consent WHERE prospect_id IN (${ids}) ORDER BY prospect_id, seq`).raw().all(...params) as unknown[][],
    (r) => ({ at: r[1] as string, granted: r[2] === 1, note: r[3] as string | null }),
  );
  return rows.map((r) => prospectFromRaw(r, history.get(r[0] as number) ?? [], consent.get(r[0] as number) ?? []));
}

function groupById<T>(rows: unknown[][], make: (r: unknown[]) => T): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const r of rows) {
    const id = r[0] as number;
    let list = by.get(id);
    if (!list) by.set(id, (list = []));
    list.push(make(r));
  }
  return by;
}

export const prospectById = (db: Db, id: number): Prospect | null => prospectsWhere(db, 'p.id = ?', [id])[0] ?? null;

/**
 * The candidates for a text reference (references.ts decides among them): the same email key, the same lower-case
 * name, or a folded name starting with `nameKeyPrefix` — a superset, found through three indexes.
 */
export function referenceCandidates(db: Db, ref: { email: string | null; lowerName: string; nameKey: string }): Prospect[] {
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
  return prospectsWhere(db, conditions.join(' OR '), params);
}

/**
 * The smallest string greater than every string starting with `prefix`, in SQLite's BINARY order (UTF-8 bytes, i.e.
 * code points): the prefix with its last code point incremented. So `key >= prefix AND key < end` is an index range.
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

/** Prospects with this email key or phone key (dedupe.ts's keys), in id order. */
export function duplicateCandidates(db: Db, email: string | null, phone: string | null): Prospect[] {
  if (email === null && phone === null) return [];
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (email !== null) { conditions.push('p.email_key = ?'); params.push(email); }
  if (phone !== null) { conditions.push('p.phone_key = ?'); params.push(phone); }
  return prospectsWhere(db, conditions.join(' OR '), params);
}

/** The prospects `id` referred, in id order. */
export const referralsOf = (db: Db, id: number): Prospect[] => prospectsWhere(db, 'p.referred_by = ?', [id]);

export function insertProspect(db: Db, p: Prospect): void {
  statement(db, INSERT_PROSPECT).run(...prospectValues(p));
  writeLogs(db, p);
}

/** Rewrites the row and its history and consent (a handful of rows; forget rewrites consent notes too); 0 when there is no such prospect. */
export function updateProspect(db: Db, p: Prospect): number {
  const { changes } = statement(db, UPDATE_PROSPECT).run(...prospectUpdateValues(p));
  if (changes === 0) return 0;
  deleteLogs(db, p.id);
  writeLogs(db, p);
  return changes;
}

/** Deletes the prospect's own rows; its touches, responses and referral links are the caller's (domain's) to change. */
export function deleteProspect(db: Db, id: number): void {
  statement(db, 'DELETE FROM prospects WHERE id = ?').run(id);
  deleteLogs(db, id);
}

function writeLogs(db: Db, p: Prospect): void {
  const stage = statement(db, INSERT_STAGE);
  for (const v of stageValues(p)) stage.run(...v);
  const consent = statement(db, INSERT_CONSENT);
  for (const v of consentValues(p)) consent.run(...v);
}

function deleteLogs(db: Db, id: number): void {
  statement(db, 'DELETE FROM stage_history WHERE prospect_id = ?').run(id);
  statement(db, 'DELETE FROM consent WHERE prospect_id = ?').run(id);
}

export const prospectCount = (db: Db): number => statement(db, 'SELECT count(*) FROM prospects').pluck().get() as number;
