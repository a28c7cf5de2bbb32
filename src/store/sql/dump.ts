// `store migrate` out of a SQL backend: everything in batches from one consistent snapshot (the caller's read
// transaction): prospects, touches, surveys, responses, purchases, tallies, occasions by id, the suppression list, then the counters.
import type { DumpBatch } from '../store.js';
import { prospectsWhere } from './prospects.js';
import { purchasesWhere } from './purchases.js';
import { countersOf } from './reader.js';
import type { SqlRunner } from './runner.js';
import { responsesWhere, surveysWhere } from './surveys.js';
import { readEntries, readSecret } from './suppression.js';
import { talliesWhere } from './tallies.js';
import { touchesWhere } from './touches.js';
import { occasionsWhere } from './occasions.js';

const BATCH = 2000;

/** Ids of a table in order, `BATCH` at a time: the key ranges the batches are read by. */
async function* idRanges(db: SqlRunner, table: string): AsyncGenerator<[number, number]> {
  let after = 0;
  for (;;) {
    const ids = (await db.rows(`SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ${BATCH}`, [after])).map((r) => Number(r[0]));
    if (ids.length === 0) return;
    yield [ids[0]!, ids[ids.length - 1]!];
    after = ids[ids.length - 1]!;
  }
}

const byId = <T extends { id: number }>(rows: T[]): T[] => rows.sort((a, b) => a.id - b.id);

/** `suppression`: false for a database of a schema older than the list (it has none). */
export async function* dumpRows(db: SqlRunner, suppression = true): AsyncGenerator<DumpBatch> {
  for await (const [from, to] of idRanges(db, 'prospects')) yield { kind: 'prospect', records: await prospectsWhere(db, 'p.id BETWEEN ? AND ?', [from, to]) };
  for await (const [from, to] of idRanges(db, 'touches')) yield { kind: 'touch', records: byId(await touchesWhere(db, 't.id BETWEEN ? AND ?', [from, to])) };
  const surveys = await surveysWhere(db, '1 = 1');
  if (surveys.length) yield { kind: 'survey', records: surveys };
  for await (const [from, to] of idRanges(db, 'responses')) yield { kind: 'response', records: byId(await responsesWhere(db, 'r.id BETWEEN ? AND ?', [from, to])) };
  for await (const [from, to] of idRanges(db, 'purchases')) yield { kind: 'purchase', records: byId(await purchasesWhere(db, 'u.id BETWEEN ? AND ?', [from, to])) };
  for await (const [from, to] of idRanges(db, 'tallies')) yield { kind: 'tally', records: byId(await talliesWhere(db, 'id BETWEEN ? AND ?', [from, to])) };
  for await (const [from, to] of idRanges(db, 'occasions')) yield { kind: 'occasion', records: await occasionsWhere(db, 'o.id BETWEEN ? AND ?', [from, to]) };
  const secret = suppression ? await readSecret(db) : null;
  if (secret !== null) yield { kind: 'suppression', secret, entries: await readEntries(db) };
  // The record kinds' counters, as every backend has them (purchase ids are the SQL backends' own).
  yield { kind: 'counters', counters: await countersOf(db) };
}
