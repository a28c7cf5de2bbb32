// Reading and writing prospects (with their stage history, consent log, tags and first purchase) on any SQL
// backend: by a WHERE clause, by reference keys, and whole records written as their rows.
import type { Prospect } from '../../domain/types.js';
import { insertSql, valuesOf } from './columns.js';
import {
  CONSENTS, PROSPECTS, REACH_ROW, STAGES, TAG_ROW, consentValues, conversionFromRow, reachRows, stageValues, tagFromRow, tagRows,
} from './prospect-rows.js';
import { PURCHASES, purchaseOf, updatePurchase } from './purchases.js';
import type { SqlRunner } from './runner.js';
import { takeIds } from './counters.js';

/**
 * The prospects a WHERE clause selects, in id order, each with its own rows. `where` is a condition on
 * `prospects` (aliased p) and `params` its values. `lock`: lock the rows for the rest of the transaction (a writer
 * that reads a prospect must not lose a concurrent change to it).
 */
export async function prospectsWhere(db: SqlRunner, where: string, params: readonly unknown[] = [], lock = false): Promise<Prospect[]> {
  const rows = await db.rows(`SELECT ${PROSPECTS.read.list} FROM prospects p WHERE ${where} ORDER BY p.id${lock ? ' FOR UPDATE' : ''}`, params);
  if (rows.length === 0) return [];
  // Each kind of child row in one ordered pass; rows of prospects the first query did not return (a concurrent
  // insert seen by a later statement) are left out.
  const byIds = `prospect_id IN (SELECT p.id FROM prospects p WHERE ${where})`;
  const idAt = PROSPECTS.read.at.id!;
  const wanted = new Set(rows.map((r) => Number(r[idAt])));
  const children = async <T>(table: string, cols: ReadList, order: string, make: (r: unknown[]) => T) =>
    groupById<T>(await db.rows(`SELECT ${cols.list} FROM ${table} WHERE ${byIds} ORDER BY ${order}`, params), cols.at.prospect_id!, wanted, make);
  const history = await children('stage_history', STAGES.read, 'prospect_id, seq', (r) => STAGES.fromRow(r, {}));
  const consent = await children('consent', CONSENTS.read, 'prospect_id, seq', (r) => CONSENTS.fromRow(r, {}));
  const tags = await children('prospect_tags', TAG_ROW, 'prospect_id, seq', tagFromRow);
  const purchases = await children('purchases u', PURCHASES.read, 'u.prospect_id, u.at, u.id', (r) => conversionFromRow(r, {}));
  return rows.map((r) => {
    const id = Number(r[idAt]);
    return PROSPECTS.fromRow(r, {
      stageHistory: history.get(id) ?? [], consent: consent.get(id) ?? [], tags: tags.get(id) ?? [], conversion: purchases.get(id)?.[0] ?? null,
    });
  });
}

/** A SELECT list and where each column sits in its rows. */
interface ReadList { readonly list: string; readonly at: Readonly<Record<string, number>> }

/** Child rows by their prospect's id (the column at `idAt`), in the order read, for the wanted prospects only. */
function groupById<T>(rows: unknown[][], idAt: number, wanted: Set<number>, make: (r: unknown[]) => T): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const r of rows) {
    const id = Number(r[idAt]);
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
function prefixEnd(prefix: string): string {
  const points = [...prefix];
  while (points.length) {
    const last = points.pop()!.codePointAt(0)!;
    // Skip the surrogate range, which no well-formed string holds; 0x10ffff has no successor: drop it and carry.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return '\u{10ffff}\u{10ffff}';
}

const INSERT_TAG = insertSql('prospect_tags', TAG_ROW);
const INSERT_REACH = insertSql('funnel_reach', REACH_ROW);

/** Writes a new prospect; `purchaseId`: its conversion's (from takePurchaseIds), else one is taken here. */
export async function insertProspect(db: SqlRunner, p: Prospect, purchaseId?: number): Promise<void> {
  await db.run(PROSPECTS.insert, PROSPECTS.values(p, undefined));
  await writeOwnRows(db, p);
  if (p.conversion) {
    const id = purchaseId ?? (await takeIds(db, 'purchase', 1));
    await db.run(PURCHASES.insert, PURCHASES.values(purchaseOf(id, p.id, p.conversion), undefined));
  }
}

/** Rewrites the row and its own rows; 0 when there is no such prospect. The first purchase keeps its id. */
export async function updateProspect(db: SqlRunner, p: Prospect): Promise<number> {
  const changes = await db.run(PROSPECTS.update, PROSPECTS.updateValues(p, undefined));
  if (changes === 0) return 0;
  await deleteOwnRows(db, p.id);
  await writeOwnRows(db, p);
  await writeConversion(db, p);
  return changes;
}

/** The conversion as the prospect's first purchase: updated in place (its order id kept), added, or removed. */
async function writeConversion(db: SqlRunner, p: Prospect): Promise<void> {
  const [row] = await db.rows(`SELECT ${PURCHASES.read.list} FROM purchases u WHERE u.prospect_id = ? ORDER BY u.at, u.id LIMIT 1`, [p.id]);
  const first = row === undefined ? null : PURCHASES.fromRow(row, {});
  if (p.conversion === null) {
    if (first !== null) await db.run('DELETE FROM purchases WHERE id = ?', [first.id]);
  } else if (first === null) {
    await db.run(PURCHASES.insert, PURCHASES.values(purchaseOf(await takeIds(db, 'purchase', 1), p.id, p.conversion), undefined));
  } else await updatePurchase(db, { ...first, ...p.conversion });
}

/** Deletes the prospect and every row of its own; its touches, responses and referral links are the caller's (domain's) to change. */
export async function deleteProspect(db: SqlRunner, id: number): Promise<void> {
  await deleteOwnRows(db, id);
  await db.run('DELETE FROM purchases WHERE prospect_id = ?', [id]);
  await db.run('DELETE FROM prospects WHERE id = ?', [id]);
}

async function writeOwnRows(db: SqlRunner, p: Prospect): Promise<void> {
  for (const values of stageValues(p)) await db.run(STAGES.insert, values);
  for (const values of consentValues(p)) await db.run(CONSENTS.insert, values);
  for (const r of tagRows(p)) await db.run(INSERT_TAG, valuesOf(TAG_ROW, r));
  for (const r of reachRows(p)) await db.run(INSERT_REACH, valuesOf(REACH_ROW, r));
}

/** The rows rewritten with the prospect (its purchases are not: they keep their ids). */
async function deleteOwnRows(db: SqlRunner, id: number): Promise<void> {
  for (const table of ['stage_history', 'consent', 'prospect_tags', 'funnel_reach']) await db.run(`DELETE FROM ${table} WHERE prospect_id = ?`, [id]);
}
