// prospect list: the filter and sort flags → one store query → rows for the output layer (show lives in prospect-show.ts).
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { PROSPECT_SORT_KEYS, type ProspectQuery, type ProspectSortKey } from '../../domain/queries.js';
import type { Prospect } from '../../domain/types.js';
import { printRows } from '../common/print.js';
import { parseCount } from '../common/options.js';
import { PROSPECT_CSV_COLUMNS, PROSPECT_TABLE_COLUMNS, fieldColumns } from './prospect-columns.js';
import { parseProspectFilter, type FilterFlags } from '../common/prospect-filter.js';

export interface ListFlags extends FilterFlags {
  sort?: string;
  limit?: string;
}

/** `--sort name`, `--sort -created` (descending); `created_at` is an alias of created. */
function parseSort(text: string | undefined): ProspectQuery['sort'] {
  if (text === undefined) return undefined;
  const raw = text.replace(/^-/, '').toLowerCase();
  const key = raw === 'created_at' || raw === 'createdat' ? 'created' : raw;
  if (!(PROSPECT_SORT_KEYS as readonly string[]).includes(key)) {
    throw usageError(`cannot sort by "${text}" (use one of: ${PROSPECT_SORT_KEYS.join(', ')}; prefix - for descending)`);
  }
  return { key: key as ProspectSortKey, descending: text.startsWith('-') };
}

/** The typed query of the flags, checked once. */
export function parseListOptions(flags: ListFlags, now: Date): ProspectQuery {
  return {
    sort: parseSort(flags.sort),
    limit: flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit'),
    filter: parseProspectFilter(flags, now),
  };
}

export async function listProspects(ctx: Context, flags: ListFlags): Promise<void> {
  const query = parseListOptions(flags, ctx.clock.now());
  const rows = await (await ctx.stores.open()).listProspects(query);
  const full = [...PROSPECT_CSV_COLUMNS, ...fieldColumns(rows)];
  // --columns may name any of either set (`notes` in a table, `follow_up` in csv).
  const [columns, more] = ctx.term.format === 'table' ? [PROSPECT_TABLE_COLUMNS, full] : [full, PROSPECT_TABLE_COLUMNS];
  // Grey: lost prospects, off the path.
  await printRows(ctx, rows, columns, { jsonRecords: rows, more, rowStyle: (p: Prospect) => (p.stage === 'lost' ? ctx.term.color.gray : undefined) });
  if (ctx.term.format === 'table') ctx.term.info(`${rows.length} prospect(s)`);
}
