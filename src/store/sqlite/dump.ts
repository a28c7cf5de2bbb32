// `store migrate` out of SQLite: everything in batches, from one read transaction (a consistent snapshot while
// others may write), prospects, touches, surveys, responses by id, then the counters.
import type { DumpBatch } from '../store.js';
import type { Db } from './connection.js';
import { nextIds } from './counters.js';
import { prospectsWhere } from './prospects.js';
import { statement } from './statements.js';
import { responsesWhere, allSurveys } from './surveys.js';
import { touchesWhere } from './touches.js';

const BATCH = 2000;

/** Ids of a table in order, `BATCH` at a time: the key ranges the batches are read by. */
function* idRanges(db: Db, table: string): Generator<[number, number]> {
  let after = 0;
  for (;;) {
    const ids = statement(db, `SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ${BATCH}`).pluck().all(after) as number[];
    if (ids.length === 0) return;
    yield [ids[0]!, ids[ids.length - 1]!];
    after = ids[ids.length - 1]!;
  }
}

export async function* dumpDatabase(db: Db): AsyncGenerator<DumpBatch> {
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN');
  try {
    for (const [from, to] of idRanges(db, 'prospects')) yield { kind: 'prospect', records: prospectsWhere(db, 'p.id BETWEEN ? AND ?', [from, to]) };
    for (const [from, to] of idRanges(db, 'touches')) {
      yield { kind: 'touch', records: touchesWhere(db, 't.id BETWEEN ? AND ?', [from, to]).sort((a, b) => a.id - b.id) };
    }
    const surveys = allSurveys(db);
    if (surveys.length) yield { kind: 'survey', records: surveys };
    for (const [from, to] of idRanges(db, 'responses')) {
      yield { kind: 'response', records: responsesWhere(db, 'r.id BETWEEN ? AND ?', [from, to]).sort((a, b) => a.id - b.id) };
    }
    yield { kind: 'counters', counters: nextIds(db) };
  } finally {
    if (own && db.inTransaction) db.exec('COMMIT');
  }
}
