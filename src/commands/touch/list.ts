// `precrm touch list [prospect]`: touches, oldest first, of everyone or of one prospect, with their prospect's name.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { TouchQuery } from '../../domain/queries.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { collect, parseCount, parseDayWindow } from '../common/options.js';
import { info, rows, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { touchColumns, type TouchRow } from './columns.js';
import { parseTouchType } from './touch-type.js';

export interface ListFlags { type?: string[]; since?: string; until?: string; by?: string; limit?: string }
/** The query, parsed once; the prospect reference is resolved by the run. */
export interface ListOptions { ref?: string; query: TouchQuery; format: Format }

export function register(parent: Command): Command {
  return parent.command('list [prospect]').alias('ls').description('touches, oldest first (all, or of one prospect)')
    .option('--type <type>', 'only these types (repeatable, or comma-separated)', collect)
    .option('--since <when>', 'on or after (2026-03-01, 30d, monday …)')
    .option('--until <when>', 'on or before')
    .option('--by <name>', 'only by this member of staff')
    .option('--limit <n>', 'only the latest n')
    .addHelpText('after', examples('precrm touch list ravi', 'precrm touch list --type greeting,visit --since 7d', 'precrm touch list --since 2026-01-01 --format csv > touches.csv'));
}

export function parse([ref]: Args, flags: ListFlags, ctx: Pick<Context, 'clock' | 'term'>): ListOptions {
  const { since, until } = parseDayWindow(flags, ctx.clock.now());
  const query: TouchQuery = {
    types: flags.type?.flatMap((s) => s.split(',')).map((s) => parseTouchType(s)),
    since,
    until,
    by: flags.by,
    latest: flags.limit === undefined ? undefined : parseCount(flags.limit, '--limit'),
  };
  return { ref: ref as string | undefined, query, format: ctx.term.format };
}

/** The touches the query finds, each with its prospect's name. */
export async function run(ctx: Pick<Context, 'stores'>, { ref, query }: ListOptions): Promise<TouchRow[]> {
  const store = await ctx.stores.open();
  const prospectId = ref === undefined ? undefined : (await findProspect(store, ref)).id;
  const touches = await store.listTouches(prospectId === undefined ? query : { ...query, prospectId });
  const names = new Map((await store.getProspects([...new Set(touches.map((t) => t.prospectId))])).map((p) => [p.id, p.name]));
  return touches.map((t) => ({ ...t, name: names.get(t.prospectId) ?? null }));
}

/** The rows (JSON gets the touches as stored, without the name), and their count under a table. */
export function show(listed: TouchRow[], { format }: ListOptions): Shown {
  const touches = listed.map(({ name: _name, ...t }) => t);
  const table = rows(listed, touchColumns(format, touches), { jsonRecords: touches });
  return format === 'table' ? [table, info(`${listed.length} touch(es)`)] : [table];
}

export const list: Verb<ListFlags, ListOptions, TouchRow[]> = { register, parse, run, show };
