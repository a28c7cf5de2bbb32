// prospect list / show: read a snapshot, filter, and hand rows to the output layer.
import type { Context } from '../context.js';
import { endOfLocalDay, parseWhen, showDateTime, startOfLocalDay } from '../domain/dates.js';
import { usageError } from '../domain/errors.js';
import { resolveProspect } from '../domain/references.js';
import { parseStage } from '../domain/stages.js';
import type { Prospect } from '../domain/types.js';
import { renderRows } from '../output/render.js';
import { parseCount } from './options.js';
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
  const since = flags.since ? startOfLocalDay(parseWhen(flags.since, now, 'past', '--since date')).toISOString() : undefined;
  const until = flags.until ? endOfLocalDay(parseWhen(flags.until, now, 'past', '--until date')).toISOString() : undefined;
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
  const sortBy = SORTS[sortKey === 'created_at' || sortKey === 'createdat' ? 'created' : sortKey];
  if (!sortBy) throw usageError(`cannot sort by "${flags.sort}" (use one of: ${Object.keys(SORTS).join(', ')}; prefix - for descending)`);
  const limit = flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit');
  const keep = prospectFilter(flags, ctx.now());
  const doc = await ctx.store.read();
  let rows = doc.prospects.filter(keep);
  const dir = flags.sort?.startsWith('-') ? -1 : 1;
  if (sortKey !== 'id' || dir === -1) {
    rows = rows.map((p) => [sortBy(p), p] as const).sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1].id - b[1].id)).map(([, p]) => p);
  }
  if (limit !== undefined) rows = rows.slice(0, limit);
  const columns = ctx.format === 'table' ? PROSPECT_TABLE_COLUMNS : [...PROSPECT_CSV_COLUMNS, ...fieldColumns(rows)];
  ctx.out(await renderRows(rows, columns, { format: ctx.format, color: ctx.color, jsonRecords: rows }));
  if (ctx.format === 'table') ctx.info(`${rows.length} prospect(s)`);
}

export async function showProspect(ctx: Context, ref: string): Promise<void> {
  const doc = await ctx.store.read();
  const p = resolveProspect(doc.prospects, ref);
  const referrals = doc.prospects.filter((x) => x.referredBy === p.id).map((x) => x.id);
  if (ctx.format === 'json') {
    ctx.out(`${JSON.stringify({ ...p, referrals }, null, 2)}\n`);
    return;
  }
  if (ctx.format !== 'table') {
    ctx.out(await renderRows([p], [...PROSPECT_CSV_COLUMNS, ...fieldColumns([p])], { format: ctx.format, color: ctx.color }));
    return;
  }
  const c = ctx.color;
  const line = (k: string, v: string | null | undefined) => (v ? `${c.dim(k.padEnd(12))} ${v}\n` : '');
  let out = `${c.bold(p.name ?? '(forgotten)')}  #${p.id}  ${c.cyan(p.stage)}\n`;
  out += line('email', p.email) + line('phone', p.phone) + line('company', p.company) + line('source', p.source);
  out += line('owner', p.owner) + line('tags', p.tags.join(', ')) + line('created', showDateTime(p.createdAt));
  if (p.followUp) out += line('follow-up', `${showDateTime(p.followUp.at)}${p.followUp.note ? `  ${p.followUp.note}` : ''}`);
  if (p.doNotContact) out += line('consent', c.red('do not contact'));
  for (const [k, v] of Object.entries(p.fields)) out += line(k, v);
  out += line('notes', p.notes);
  out += `\n${c.bold('stage history')}\n`;
  for (const h of p.stageHistory) out += `  ${showDateTime(h.at)}  ${h.stage}\n`;
  ctx.out(out.replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f]/g, '�'));
}
