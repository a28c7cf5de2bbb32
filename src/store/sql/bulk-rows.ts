// A kind's records as the rows of each table they fill, in one place for the bulk writers: PostgreSQL's COPY and
// SQLite's loop over one prepared INSERT per table. (Surveys are few and are written one by one.)
import type { IdKind, Prospect } from '../../domain/types.js';
import type { RecordOf } from '../store.js';
import { valuesOf, type Columns } from './columns.js';
import { bug } from './counters.js';
import { CONSENTS, PROSPECTS, REACH_ROW, STAGES, TAG_ROW, consentValues, reachRows, stageValues, tagRows } from './prospect-rows.js';
import { NO_LINKS, type Links } from './links.js';
import { PURCHASES, purchaseOf } from './purchases.js';
import { RESPONSES } from './surveys.js';
import { TALLIES } from './tallies.js';
import { TOUCHES, touchValues } from './touches.js';

export type BulkKind = Exclude<IdKind, 'survey' | 'purchase' | 'occasion'>;

interface TableRows<T> {
  table: string;
  columns: string;
  /** The rows, made one at a time (100,000 prospects are not turned into 100,000 arrays at once). */
  rows: (records: readonly T[]) => Iterable<unknown[]>;
}

function* one<T>(records: readonly T[], rowOf: (r: T) => unknown[]): Generator<unknown[]> {
  for (const r of records) yield rowOf(r);
}

/** The rows of one child table, each as values in its columns' order. */
const childTable = (table: string, columns: string, rowsOf: (p: Prospect) => unknown[][]): TableRows<Prospect> => ({
  table,
  columns,
  *rows(ps) {
    for (const p of ps) yield* rowsOf(p);
  },
});

/** A derived child table's rows, each given by name. */
const namedRows = <C extends string>(cols: Columns<C>, rowsOf: (p: Prospect) => Record<C, unknown>[]) => (p: Prospect) => rowsOf(p).map((r) => valuesOf(cols, r));

/** The purchase rows of the converted prospects, with the ids taken for them (a converted prospect without one is a bug). */
const purchases = (purchaseIds: ReadonlyMap<number, number>): TableRows<Prospect> => childTable('purchases', PURCHASES.written.list, (p) => {
  if (p.conversion === null) return [];
  const id = purchaseIds.get(p.id);
  if (id === undefined) throw bug(`no purchase id for prospect ${p.id}`);
  return [PURCHASES.values(purchaseOf(id, p.id, p.conversion), undefined)];
});

export const isBulkKind = (kind: IdKind): kind is BulkKind => kind !== 'survey' && kind !== 'purchase' && kind !== 'occasion';

/** The tables a kind's records fill, each with its columns and rows; `links` as linksFor gave them for the records. */
export function bulkTables<K extends BulkKind>(kind: K, links: Links = NO_LINKS): TableRows<RecordOf[K]>[] {
  const tables: { [B in BulkKind]: () => TableRows<RecordOf[B]>[] } = {
    prospect: () => [
      { table: 'prospects', columns: PROSPECTS.written.list, rows: (ps) => one(ps, (p) => PROSPECTS.values(p, undefined)) },
      childTable('prospect_tags', TAG_ROW.list, namedRows(TAG_ROW, tagRows)),
      childTable('stage_history', STAGES.written.list, stageValues),
      childTable('consent', CONSENTS.written.list, consentValues),
      purchases(links.purchaseIds),
      childTable('funnel_reach', REACH_ROW.list, namedRows(REACH_ROW, reachRows)),
    ],
    touch: () => [{ table: 'touches', columns: TOUCHES.written.list, rows: (ts) => one(ts, touchValues) }],
    response: () => [{ table: 'responses', columns: RESPONSES.written.list, rows: (rs) => one(rs, (r) => RESPONSES.values(r, links)) }],
    tally: () => [{ table: 'tallies', columns: TALLIES.written.list, rows: (ts) => one(ts, (t) => TALLIES.values(t, undefined)) }],
  };
  return tables[kind]() as TableRows<RecordOf[K]>[];
}
