// A kind's records as the rows of each table they fill, in one place for the bulk writers: PostgreSQL's COPY and
// SQLite's loop over one prepared INSERT per table. (Surveys are few and are written one by one.)
import type { IdKind } from '../../domain/types.js';
import type { RecordOf } from '../store.js';
import { consentValues, PROSPECT_COLUMNS, prospectValues, stageValues } from './prospect-rows.js';
import { RESPONSE_INSERT_COLUMNS, responseValues } from './surveys.js';
import { TOUCH_COLUMNS, touchValues } from './touches.js';

export type BulkKind = Exclude<IdKind, 'survey'>;

export interface TableRows<T> {
  table: string;
  columns: string;
  /** The rows, made one at a time (100,000 prospects are not turned into 100,000 arrays at once). */
  rows: (records: readonly T[]) => Iterable<unknown[]>;
}

function* each<T>(records: readonly T[], rowsOf: (r: T) => unknown[][]): Generator<unknown[]> {
  for (const r of records) yield* rowsOf(r);
}

function* one<T>(records: readonly T[], rowOf: (r: T) => unknown[]): Generator<unknown[]> {
  for (const r of records) yield rowOf(r);
}

const BULK: { [K in BulkKind]: TableRows<RecordOf[K]>[] } = {
  prospect: [
    { table: 'prospects', columns: PROSPECT_COLUMNS.join(', '), rows: (ps) => one(ps, prospectValues) },
    { table: 'stage_history', columns: 'prospect_id, seq, stage, at', rows: (ps) => each(ps, stageValues) },
    { table: 'consent', columns: 'prospect_id, seq, at, granted, note', rows: (ps) => each(ps, consentValues) },
  ],
  touch: [{ table: 'touches', columns: TOUCH_COLUMNS, rows: (ts) => one(ts, touchValues) }],
  response: [{ table: 'responses', columns: RESPONSE_INSERT_COLUMNS, rows: (rs) => one(rs, responseValues) }],
};

export const isBulkKind = (kind: IdKind): kind is BulkKind => kind !== 'survey';

/** The tables a kind's records fill, each with its columns and rows. */
export const bulkTables = <K extends BulkKind>(kind: K): TableRows<RecordOf[K]>[] => BULK[kind] as TableRows<RecordOf[K]>[];
