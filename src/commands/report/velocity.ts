// `precrm report velocity`: per stage transition the cohort made, how many, and the median and 90th percentile days.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { VelocityRow } from '../../domain/reports/velocity.js';
import { examples } from '../common/examples.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { VELOCITY_COLUMNS } from './columns.js';
import { addCohortOptions, parseCohortReport, type CohortFlags, type CohortOptions } from './flags.js';
import { emptyNote, reportRows } from './output.js';

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('velocity').description('per stage transition: how many, median and 90th percentile days'))
    .addHelpText('after', examples('precrm report velocity', 'precrm report velocity --source instagram'));
}

export const parse = (_args: Args, flags: CohortFlags, ctx: Pick<Context, 'clock' | 'term'>): CohortOptions => parseCohortReport(flags, ctx);

export async function run(ctx: Pick<Context, 'stores'>, options: CohortOptions): Promise<VelocityRow[]> {
  const cohort = await (await ctx.stores.open()).cohort(options.filter);
  return (await import('../../domain/reports/velocity.js')).velocityReport(cohort);
}

export const show = (rows: VelocityRow[], options: CohortOptions): Shown =>
  reportRows(rows, VELOCITY_COLUMNS, options.out, 'velocity', emptyNote(rows));

export const velocity: Verb<CohortFlags, CohortOptions, VelocityRow[]> = { register, parse, run, show };
