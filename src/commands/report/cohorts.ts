// `precrm report cohorts`: prospects by week or month of creation, and how each group converted.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { CohortRow } from '../../domain/reports/cohorts.js';
import { examples } from '../common/examples.js';
import { parseChoice } from '../common/options.js';
import { parseWindow } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import type { DayWindow } from './anonymous.js';
import { COHORT_COLUMNS } from './columns.js';
import { addCohortOptions, cohortFilter, type CohortFlags } from './flags.js';
import { emptyNote, reportOut, reportRows, type ReportOut } from './output.js';

export interface CohortsFlags extends CohortFlags { period?: string }

export interface CohortsOptions {
  period: 'week' | 'month';
  filter: ProspectFilter;
  /** --since/--until: the periods listed run from one to the other (empty ones included). */
  window: DayWindow;
  /** Today: the last period listed when --until does not say. */
  now: Date;
  out: ReportOut;
}

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('cohorts').description('prospects by week or month of creation, and how each group converted'))
    .option('--period <period>', 'week or month (default month)')
    .addHelpText('after', examples('precrm report cohorts', 'precrm report cohorts --period week --since 2026-01-01'));
}

export function parse(_args: Args, flags: CohortsFlags, ctx: Pick<Context, 'clock' | 'term'>): CohortsOptions {
  const period = parseChoice(flags.period ?? 'month', ['week', 'month'] as const, '--period');
  const now = ctx.clock.now();
  const filter = cohortFilter(flags, now);
  return { period, filter, window: parseWindow(flags, now), now, out: reportOut(flags, ctx) };
}

export async function run(ctx: Pick<Context, 'stores'>, options: CohortsOptions): Promise<CohortRow[]> {
  const cohort = await (await ctx.stores.open()).cohort(options.filter);
  const { cohortsReport } = await import('../../domain/reports/cohorts.js');
  return cohortsReport(cohort, { period: options.period, ...options.window }, options.now);
}

export const show = (rows: CohortRow[], options: CohortsOptions): Shown =>
  reportRows(rows, COHORT_COLUMNS, options.out, 'cohorts', emptyNote(rows));

export const cohorts: Verb<CohortsFlags, CohortsOptions, CohortRow[]> = { register, parse, run, show };
