// `precrm occasion list [prospect]`: occasions, the soonest first, of everyone or of one prospect.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { upcoming, upcomingWithin, type Upcoming } from '../../domain/occasions.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { findProspect } from '../common/lookup.js';
import { info, rows, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { OCCASION_COLUMNS, type OccasionRow } from './columns.js';
import { parseDaysOrZero } from './span.js';

export interface ListFlags { within?: string }
/** `within`: only the occasions in the coming days (0: today only); without it, every one. */
export interface ListOptions { ref?: string; within?: number; format: Format }

export function register(parent: Command): Command {
  return parent.command('list [prospect]').alias('ls').description('occasions, the soonest first (all, or of one prospect)')
    .option('--within <span>', 'only those in the coming days (30d, 2w)')
    .addHelpText('after', examples('precrm occasion list', 'precrm occasion list --within 30d --format csv', 'precrm occasion list ravi'));
}

export function parse([ref]: Args, flags: ListFlags, ctx: Pick<Context, 'term'>): ListOptions {
  const within = flags.within === undefined ? undefined : parseDaysOrZero(flags.within, '--within span');
  return { ref: ref as string | undefined, within, format: ctx.term.format };
}

/** The coming occasions, soonest first; without --within, one-off days that have passed follow them. */
export async function run(ctx: Pick<Context, 'stores' | 'clock'>, { ref, within }: ListOptions): Promise<OccasionRow[]> {
  const now = ctx.clock.now();
  const store = await ctx.stores.open();
  const only = ref === undefined ? undefined : [(await findProspect(store, ref)).id];
  const occasions = await store.listOccasions(only);
  const coming = upcomingWithin(occasions, now, within);
  const passed = within === undefined ? occasions.filter((o) => upcoming(o, now) === null).map((o) => ({ occasion: o, next: null })) : [];
  const listed = [...coming, ...passed];
  const names = new Map((await store.getProspects([...new Set(listed.map((u) => u.occasion.prospectId))])).map((p) => [p.id, p.name]));
  return listed.map((u) => ({ occasion: u.occasion, name: names.get(u.occasion.prospectId) ?? null, next: u.next === null ? null : (u as Upcoming) }));
}

/** The rows, and under a table how many (or that there are none, in the window asked for). */
export function show(listed: OccasionRow[], { within, format }: ListOptions): Shown {
  const table = rows(listed, OCCASION_COLUMNS);
  if (format !== 'table') return [table];
  const count = listed.length ? `${listed.length} occasion(s)` : within === undefined ? 'no occasions' : `no occasions in the next ${within} days`;
  return [table, info(count)];
}

export const list: Verb<ListFlags, ListOptions, OccasionRow[]> = { register, parse, run, show };
