// The prospects an imported touch moved on (a stage, a completed follow-up), written in a few set-based statements:
// their stage and follow-up through a temporary table, their new stage-history entries appended, their funnel rows
// rebuilt from the domain's journey. A prospect changed in any other way, or forgotten, is written whole as any
// command writes it (rare; it also lets the store clean up after a forgotten person as before).
import type { Prospect } from '../../domain/types.js';
import { columns, valuesOf } from './columns.js';
import { PROSPECTS, REACH_ROW, STAGES, reachRows, stageValues } from './prospect-rows.js';
import type { SqlRunner } from './runner.js';
import { loadRows } from './runner.js';

/** The columns of `prospects` a touch may change (updated_at is set for every touched prospect afterwards). */
const MOVED = columns(['id', 'stage', 'follow_up_at', 'follow_up_note'] as const);
const SET_BY_MOVE = new Set<string>([...MOVED.names, 'updated_at']);
/** Where each column of `prospects` sits in a prospect's values: the ones a move leaves alone, and MOVED's. */
const UNMOVED_AT = PROSPECTS.written.names.flatMap((c, i) => (SET_BY_MOVE.has(c) ? [] : [i]));
const MOVED_AT = MOVED.names.map((c) => PROSPECTS.written.names.indexOf(c));
const prospectValues = (p: Prospect) => PROSPECTS.values(p, undefined);

const movesTable = (db: SqlRunner) => `CREATE TEMP TABLE IF NOT EXISTS import_moves (
  id BIGINT PRIMARY KEY, stage ${db.dialect.text} NOT NULL, follow_up_at ${db.dialect.instant}, follow_up_note ${db.dialect.text})`;

const UPDATE_MOVED = `UPDATE prospects SET ${MOVED.names.slice(1).map((c) => `${c} = (SELECT m.${c} FROM import_moves m WHERE m.id = prospects.id)`).join(', ')}
  WHERE id IN (SELECT id FROM import_moves)`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether `after` differs from `before` only in what a touch moves: stage, follow-up, updatedAt, history entries added. */
function onlyMoved(before: Prospect, after: Prospect): boolean {
  const [b, a] = [prospectValues(before), prospectValues(after)];
  if (UNMOVED_AT.some((i) => b[i] !== a[i])) return false;
  return same(before.tags, after.tags) && same(before.consent, after.consent) && same(before.conversion, after.conversion)
    && same(before.stageHistory, after.stageHistory.slice(0, before.stageHistory.length));
}

/** Writes what recordTouch changed in `before` (by id in `after`); updated_at is the caller's. */
export async function writeMoves(db: SqlRunner, writeWhole: (prospects: Prospect[]) => Promise<void>, before: readonly Prospect[], after: ReadonlyMap<number, Prospect>): Promise<void> {
  const whole: Prospect[] = [];
  const moved: [Prospect, Prospect][] = [];
  for (const b of before) {
    const a = after.get(b.id)!;
    if (a.forgottenAt !== null || !onlyMoved(b, a)) whole.push(a);
    else if (a.stage !== b.stage || !same(a.followUp, b.followUp) || a.stageHistory.length !== b.stageHistory.length) moved.push([b, a]);
  }
  await writeWhole(whole);
  if (moved.length === 0) return;
  await db.run(movesTable(db));
  await db.run(db.dialect.empty('import_moves'));
  await loadRows(db, 'import_moves', MOVED.list, moved.map(([, a]) => {
    const values = prospectValues(a);
    return MOVED_AT.map((i) => values[i]);
  }));
  await db.run(UPDATE_MOVED);
  const grown = moved.filter(([b, a]) => a.stageHistory.length > b.stageHistory.length);
  if (grown.length === 0) return;
  await loadRows(db, 'stage_history', STAGES.written.list, grown.flatMap(([b, a]) => stageValues(a).slice(b.stageHistory.length)));
  const ids = grown.map(([, a]) => a.id);
  await db.run(`DELETE FROM funnel_reach WHERE prospect_id ${db.dialect.inList('int')}`, [db.dialect.list(ids)]);
  await loadRows(db, 'funnel_reach', REACH_ROW.list, grown.flatMap(([, a]) => reachRows(a).map((r) => valuesOf(REACH_ROW, r))));
}
