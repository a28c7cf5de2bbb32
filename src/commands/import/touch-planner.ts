// `import touches` as a kind of import: touches by prospect id or email, a repeated touch skipped; a SQL store
// plans a batch itself (set-based), the JSON store through the slice.
import type { ImportRow } from '../../csv/load.js';
import { TOUCH_HEADERS, applyTouchPlan, planTouches, touchRowParser, unmatchedRow, type TouchPlan, type TouchRow } from '../../csv/touch-rows.js';
import type { StoreTransaction } from '../../store/store.js';
import type { DirectBatch } from './apply.js';
import { emptyTally } from './counts.js';
import type { ImportOptions } from './flags.js';
import type { KindOf } from './importer.js';
import { touchBatchRows, touchSlice } from './slice.js';

export interface TouchImportOptions extends ImportOptions {
  /** The currency of a cost written without one (PRECRM_CURRENCY), or null. */
  currency: string | null;
}

export const touchKind = (o: TouchImportOptions): KindOf<TouchRow, TouchPlan> => (now) => ({
  read: { spec: TOUCH_HEADERS, parse: touchRowParser(o.currency) },
  needs: [['prospect', 'email'], ['type'], ['at']],
  planner: {
    slice: (reader, rows) => touchSlice(reader, rows.map((r) => r.row)),
    plan: (doc, rows) => planTouches(doc, rows),
    changes: (p) => p.touches.length > 0,
    apply: (doc, p) => applyTouchPlan(doc, p, now),
    tally: (p) => ({ ...emptyTally(), created: p.touches.length, skipped: p.skipped, rejected: p.rejected }),
    direct: (tx, rows) => directTouches(tx, rows, now),
  },
});

/** A touch batch planned by the database (SQL stores: set-based), with the tally planTouches would give. */
async function directTouches(tx: StoreTransaction, rows: readonly ImportRow<TouchRow>[], now: string): Promise<DirectBatch | undefined> {
  if (!tx.touchBatch) return undefined;
  const batch = await tx.touchBatch(touchBatchRows(rows), now);
  const rejected = batch.unmatched.map((i) => unmatchedRow(rows[i]!));
  return { tally: { ...emptyTally(), created: batch.created, skipped: batch.skipped, rejected }, changes: batch.created > 0, write: batch.write };
}
