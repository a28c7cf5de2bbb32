// prospect list: read a snapshot, filter, and hand rows to the output layer (show lives in prospect-show.ts).
import type { Context } from '../context.js';
import { usageError } from '../domain/errors.js';
import { parseStage } from '../domain/stages.js';
import type { Prospect } from '../domain/types.js';
import { printRows } from './print.js';
import { parseCount, parseDayWindow } from './options.js';
import { PROSPECT_CSV_COLUMNS, PROSPECT_TABLE_COLUMNS, fieldColumns } from './prospect-columns.js';

export interface ListFlags {
  stage?: string[];
  source?: string;
  tag?: string[];
  owner?: string;
  search?: string;
  since?: string;
  until?: string;
  sort?: string;
  limit?: string;
}

const SORTS: Record<string, (p: Prospect) => string | number> = {
  id: (p) => p.id,
  name: (p) => (p.name ?? '').toLowerCase(),
  created: (p) => p.createdAt,
  updated: (p) => p.updatedAt,
  stage: (p) => ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost'].indexOf(p.stage),
  source: (p) => p.source ?? '',
  owner: (p) => p.owner ?? '',
  'follow-up': (p) => p.followUp?.at ?? '9999',
};

/** Builds a predicate from the list filters; shared with export. */
export function prospectFilter(flags: ListFlags, now: Date): (p: Prospect) => boolean {
  const stages = flags.stage?.flatMap((s) => s.split(',')).map(parseStage);
  const source = flags.source?.toLowerCase();
  const tags = flags.tag?.map((t) => t.toLowerCase());
  const owner = flags.owner?.toLowerCase();
  const search = flags.search?.toLowerCase();
  const { since, until } = parseDayWindow(flags, now);
  return (p) => {
    if (stages && !stages.includes(p.stage)) return false;
    if (source !== undefined && p.source?.toLowerCase() !== source) return false;
    if (tags && !tags.every((t) => p.tags.some((x) => x.toLowerCase() === t))) return false;
    if (owner !== undefined && p.owner?.toLowerCase() !== owner) return false;
    if (since && p.createdAt < since) return false;
    if (until && p.createdAt > until) return false;
    if (search) {
      const hay = [p.name, p.email, p.phone, p.company, p.notes, ...p.tags].filter(Boolean).join('\n').toLowerCase();
      if (!hay.includes(search)) return false;
    }
    return true;
  };
}

export async function listProspects(ctx: Context, flags: ListFlags): Promise<void> {
  const sortKey = flags.sort?.replace(/^-/, '').toLowerCase() ?? 'id';
  const key = sortKey === 'created_at' || sortKey === 'createdat' ? 'created' : sortKey;
  // Own keys only: `--sort constructor` must not find Object.prototype's.
  const sortBy = Object.hasOwn(SORTS, key) ? SORTS[key] : undefined;
  if (!sortBy) throw usageError(`cannot sort by "${flags.sort}" (use one of: ${Object.keys(SORTS).join(', ')}; prefix - for descending)`);
  const limit = flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit');
  const keep = prospectFilter(flags, ctx.now());
  const doc = await ctx.documentStore.read();
  let rows = doc.prospects.filter(keep);
  const dir = flags.sort?.startsWith('-') ? -1 : 1;
  if (sortKey !== 'id' || dir === -1) {
    rows = rows.map((p) => [sortBy(p), p] as const).sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1].id - b[1].id)).map(([, p]) => p);
  }
  if (limit !== undefined) rows = rows.slice(0, limit);
  const columns = ctx.format === 'table' ? PROSPECT_TABLE_COLUMNS : [...PROSPECT_CSV_COLUMNS, ...fieldColumns(rows)];
  // Grey: lost prospects, off the path.
  await printRows(ctx, rows, columns, { jsonRecords: rows, rowStyle: (p: Prospect) => (p.stage === 'lost' ? ctx.color.gray : undefined) });
  if (ctx.format === 'table') ctx.info(`${rows.length} prospect(s)`);
}
