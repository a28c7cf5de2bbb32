// A kind's records as the rows of each table they fill, in one place for the bulk writers: PostgreSQL's COPY and
// SQLite's loop over one prepared INSERT per table. (Surveys are few and are written one by one.)
import type { IdKind, Prospect } from '../../domain/types.js';
import type { RecordOf } from '../store.js';
import { valuesOf, type Columns } from './columns.js';
import { bug } from './counters.js';
import {
  CONSENT_ROW, PROSPECT_ROW, PURCHASE_ROW, REACH_ROW, STAGE_ROW, TAG_ROW, consentRows, prospectValues, purchaseRow, reachRows,
  stageRows, tagRows,
} from './prospect-rows.js';
import { NO_LINKS, type Links } from './links.js';
import { RESPONSE_ROW, responseValues } from './surveys.js';
import { TALLY_ROW, tallyValues } from './tallies.js';
import { TOUCH_ROW, touchValues } from './touches.js';

export type BulkKind = Exclude<IdKind, 'survey' | 'purchase' | 'occasion'>;

export interface TableRows<T> {
  table: string;
  columns: string;
  /** The rows, made one at a time (100,000 prospects are not turned into 100,000 arrays at once). */
  rows: (records: readonly T[]) => Iterable<unknown[]>;
}

function* one<T>(records: readonly T[], rowOf: (r: T) => unknown[]): Generator<unknown[]> {
  for (const r of records) yield rowOf(r);
}

/** The rows of one child table, each given by name, as values in its columns' order. */
const childTable = <C extends string>(table: string, cols: Columns<C>, rowsOf: (p: Prospect) => Record<C, unknown>[]): TableRows<Prospect> => ({
  table,
  columns: cols.list,
  *rows(ps) {
    for (const p of ps) for (const r of rowsOf(p)) yield valuesOf(cols, r);
  },
});

/** The purchase rows of the converted prospects, with the ids taken for them (a converted prospect without one is a bug). */
const purchases = (purchaseIds: ReadonlyMap<number, number>): TableRows<Prospect> => childTable('purchases', PURCHASE_ROW, (p) => {
  if (p.conversion === null) return [];
  const id = purchaseIds.get(p.id);
  if (id === undefined) throw bug(`no purchase id for prospect ${p.id}`);
  return [purchaseRow(id, p.id, p.conversion)];
});

export const isBulkKind = (kind: IdKind): kind is BulkKind => kind !== 'survey' && kind !== 'purchase' && kind !== 'occasion';

/** The tables a kind's records fill, each with its columns and rows; `links` as linksFor gave them for the records. */
export function bulkTables<K extends BulkKind>(kind: K, links: Links = NO_LINKS): TableRows<RecordOf[K]>[] {
  const tables: { [B in BulkKind]: () => TableRows<RecordOf[B]>[] } = {
    prospect: () => [
      { table: 'prospects', columns: PROSPECT_ROW.list, rows: (ps) => one(ps, prospectValues) },
      childTable('prospect_tags', TAG_ROW, tagRows),
      childTable('stage_history', STAGE_ROW, stageRows),
      childTable('consent', CONSENT_ROW, consentRows),
      purchases(links.purchaseIds),
      childTable('funnel_reach', REACH_ROW, reachRows),
    ],
    touch: () => [{ table: 'touches', columns: TOUCH_ROW.list, rows: (ts) => one(ts, touchValues) }],
    response: () => [{ table: 'responses', columns: RESPONSE_ROW.list, rows: (rs) => one(rs, (r) => responseValues(r, links)) }],
    tally: () => [{ table: 'tallies', columns: TALLY_ROW.list, rows: (ts) => one(ts, tallyValues) }],
  };
  return tables[kind]() as TableRows<RecordOf[K]>[];
}
