// `precrm report funnel`: how far a cohort got, stage by stage, under the window's anonymous counts (tally log).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { FunnelRow } from '../../domain/reports/funnel.js';
import type { ProspectGroup } from '../../domain/reports/groups.js';
import { bar } from '../../output/bars.js';
import type { Column } from '../../output/columns.js';
import { examples } from '../common/examples.js';
import { parseChoice } from '../common/options.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { talliesIn, tallyWindow, withAnonymous, type DayWindow } from './anonymous.js';
import { FUNNEL_COLUMNS, groupColumn } from './columns.js';
import { addCohortOptions, cohortFilter, type CohortFlags } from './flags.js';
import { emptyNote, reportOut, reportRows, type ReportOut } from './output.js';

export interface FunnelFlags extends CohortFlags { by?: string }

export interface FunnelOptions {
  filter: ProspectFilter;
  by?: ProspectGroup;
  /** The window whose tallies are shown above the first stage; null when grouped or filtered. */
  tallies: DayWindow | null;
  out: ReportOut;
  /** Paints the bar column; null when there is none (only a table on a terminal gets it). */
  bar: ((cells: string) => string) | null;
}

/** Width of the funnel bar at 100% of the cohort; on a narrow terminal it shrinks down to 6 cells. */
const BAR_WIDTH = 24;

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('funnel').description('how far prospects got, stage by stage (aware … advocate)'))
    .option('--by <group>', 'repeat the funnel per source, owner, tag or month (of creation)')
    .addHelpText('after', examples(
      'precrm report funnel',
      'precrm report funnel --by source --since 2026-01-01',
      'precrm report funnel --format csv > funnel.csv',
      'precrm report funnel --by month --format xlsx -o funnel.xlsx',
    ));
}

export async function parse(_args: Args, flags: FunnelFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<FunnelOptions> {
  const { PROSPECT_GROUPS } = await import('../../domain/reports/groups.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, PROSPECT_GROUPS, '--by group');
  const now = ctx.clock.now();
  const filter = cohortFilter(flags, now);
  // The bar is for eyes only: a terminal table gets it, pipes and files get the plain columns.
  const drawn = ctx.term.format === 'table' && ctx.term.stdoutIsTTY && flags.output === undefined;
  const color = drawn ? ctx.term.color : null;
  return { filter, ...(by === undefined ? {} : { by }), tallies: tallyWindow(flags, now), out: reportOut(flags, ctx), bar: color && ((cells) => color.cyan(cells)) };
}

/** The stages reached, under the anonymous counts of the window. */
export async function run(ctx: Pick<Context, 'stores'>, options: FunnelOptions): Promise<FunnelRow[]> {
  const store = await ctx.stores.open();
  const { funnelReport, funnelRows } = await import('../../domain/reports/funnel.js');
  // Without groups the store counts (a database does it in SQL); groups need each prospect's source, owner, tags.
  const stages = options.by ? funnelReport(await store.cohort(options.filter), { by: options.by }) : funnelRows(await store.funnelCounts(options.filter));
  return withAnonymous(stages, await talliesIn(store, options.tallies));
}

const barColumn = (paint: (cells: string) => string): Column<FunnelRow> => ({
  key: 'bar', label: '', type: 'string', get: (r) => r.overall_rate, priority: 3, minWidth: 6, maxWidth: BAR_WIDTH,
  fill: (v, _r, width) => paint(bar(v as number | null, width)),
});

export function show(rows: FunnelRow[], options: FunnelOptions): Shown {
  const group = options.by ? [groupColumn<FunnelRow>(options.by)] : [];
  const columns = [...group, ...FUNNEL_COLUMNS, ...(options.bar ? [barColumn(options.bar)] : [])];
  return reportRows(rows, columns, options.out, 'funnel', emptyNote(rows));
}

export const funnel: Verb<FunnelFlags, FunnelOptions, FunnelRow[]> = { register, parse, run, show };
