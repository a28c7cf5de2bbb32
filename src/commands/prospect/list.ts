// `precrm prospect list`: the filter and sort flags → one store query → prospects, in the chosen format.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import { PROSPECT_SORT_KEYS, type ProspectQuery, type ProspectSortKey } from '../../domain/queries.js';
import type { Prospect } from '../../domain/types.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { parseCount } from '../common/options.js';
import { addFilterOptions, parseProspectFilter, type FilterFlags } from '../common/prospect-filter.js';
import { info, rows, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { PROSPECT_CSV_COLUMNS, PROSPECT_TABLE_COLUMNS, fieldColumns } from './columns.js';

export interface ListFlags extends FilterFlags {
  sort?: string;
  limit?: string;
}

/** The store query, and the format it is printed in (a table gets the compact columns and a count). */
export interface ListOptions { query: ProspectQuery; format: Format }

export function register(parent: Command): Command {
  return addFilterOptions(parent.command('list').alias('ls').description('list prospects, filtered and sorted'),
    { only: ['stage', 'source', 'tag', 'owner', 'search', 'since', 'until'] })
    .option('--sort <field>', 'id, name, created, updated, stage, source, owner, follow-up (prefix - to reverse)')
    .option('--limit <n>', 'at most n rows')
    .addHelpText('after', examples('precrm prospect list --stage engaged --stage intent', 'precrm prospect list --search ravi --json', 'precrm prospect list --format csv > prospects.csv'));
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

export function parse(_args: Args, flags: ListFlags, ctx: Pick<Context, 'clock' | 'term'>): ListOptions {
  const query: ProspectQuery = {
    sort: parseSort(flags.sort),
    limit: flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit'),
    filter: parseProspectFilter(flags, ctx.clock.now()),
  };
  return { query, format: ctx.term.format };
}

export async function run(ctx: Pick<Context, 'stores'>, options: ListOptions): Promise<Prospect[]> {
  return (await ctx.stores.open()).listProspects(options.query);
}

export function show(list: Prospect[], { format }: ListOptions): Shown {
  const full = [...PROSPECT_CSV_COLUMNS, ...fieldColumns(list)];
  // --columns may name any of either set (`notes` in a table, `follow_up` in csv).
  const [columns, more] = format === 'table' ? [PROSPECT_TABLE_COLUMNS, full] : [full, PROSPECT_TABLE_COLUMNS];
  // Grey: lost prospects, off the path.
  const listed = rows(list, columns, { jsonRecords: list, more, rowColor: (p) => (p.stage === 'lost' ? 'gray' : undefined) });
  return format === 'table' ? [listed, info(`${list.length} prospect(s)`)] : [listed];
}

export const list: Verb<ListFlags, ListOptions, Prospect[]> = { register, parse, run, show };
