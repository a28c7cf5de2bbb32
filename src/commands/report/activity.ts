// `precrm report activity`: the cohort's touches per day, week or month, optionally per touch type or staff member.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { ACTIVITY_GROUPS, ActivityRow } from '../../domain/reports/activity.js';
import type { Period } from '../../domain/reports/periods.js';
import { examples } from '../common/examples.js';
import { parseChoice } from '../common/options.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { ACTIVITY_COLUMNS, groupColumn } from './columns.js';
import { addCohortOptions, cohortFilter, type CohortFlags } from './flags.js';
import { emptyNote, reportOut, reportRows, type ReportOut } from './output.js';

export interface ActivityFlags extends CohortFlags { period?: string; by?: string }

export interface ActivityOptions { period: Period; by?: (typeof ACTIVITY_GROUPS)[number]; filter: ProspectFilter; out: ReportOut }

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('activity').description('touches per day, week or month, optionally per type or staff'))
    .option('--period <period>', 'day, week or month (default week)')
    .option('--by <group>', 'split by touch type or staff member (type, staff)')
    .addHelpText('after', examples('precrm report activity', 'precrm report activity --period day --by staff', 'precrm report activity --period month --by type --format csv'));
}

export async function parse(_args: Args, flags: ActivityFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<ActivityOptions> {
  const period = parseChoice(flags.period ?? 'week', ['day', 'week', 'month'] as const, '--period');
  const { ACTIVITY_GROUPS } = await import('../../domain/reports/activity.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, ACTIVITY_GROUPS, '--by group');
  const filter = cohortFilter(flags, ctx.clock.now());
  return { period, ...(by === undefined ? {} : { by }), filter, out: reportOut(flags, ctx) };
}

export async function run(ctx: Pick<Context, 'stores'>, options: ActivityOptions): Promise<ActivityRow[]> {
  const touches = await (await ctx.stores.open()).cohortTouches(options.filter);
  const { activityReport } = await import('../../domain/reports/activity.js');
  return activityReport(touches, { period: options.period, by: options.by });
}

export function show(rows: ActivityRow[], options: ActivityOptions): Shown {
  const columns = options.by ? [groupColumn<ActivityRow>(options.by), ...ACTIVITY_COLUMNS] : ACTIVITY_COLUMNS;
  return reportRows(rows, columns, options.out, 'activity', emptyNote(rows));
}

export const activity: Verb<ActivityFlags, ActivityOptions, ActivityRow[]> = { register, parse, run, show };
