// `precrm report touches`: per touch type, its reach and conversions (first- and last-touch), and once a touch or a
// tally of the window has a cost, the revenue set against it.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { TouchRow } from '../../domain/reports/touches.js';
import { examples } from '../common/examples.js';
import { rowCurrencies } from '../common/money-columns.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { talliesIn, tallyWindow, type DayWindow } from './anonymous.js';
import { touchColumns } from './columns.js';
import { CURRENCY_HELP, addCohortOptions, parseCohortReport, type CohortOptions, type MoneyFlags } from './flags.js';
import { emptyNote, reportRows } from './output.js';

export interface TouchesOptions extends CohortOptions {
  /** The window whose tallies count as touches of their type (as in the funnel); null when filtered. */
  tallies: DayWindow | null;
}

export interface TouchesResult {
  rows: TouchRow[];
  /** Whether a touch or tally has a cost (then revenue, cost and revenue per cost are shown). */
  costs: boolean;
}

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('touches').description('per touch type: reach, conversion, first- and last-touch attribution, cost'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report touches', 'precrm report touches --owner mitra --format csv', 'precrm report touches --currency INR'));
}

export function parse(_args: Args, flags: MoneyFlags, ctx: Pick<Context, 'clock' | 'term'>): TouchesOptions {
  const options = parseCohortReport(flags, ctx);
  return { ...options, tallies: tallyWindow(flags, ctx.clock.now()) };
}

export async function run(ctx: Pick<Context, 'stores'>, options: TouchesOptions): Promise<TouchesResult> {
  const store = await ctx.stores.open();
  const cohort = await store.cohort(options.filter);
  const [{ touchesReport }, { hasCosts }] = await Promise.all([import('../../domain/reports/touches.js'), import('../../domain/reports/cost.js')]);
  const [touches, tallies] = await Promise.all([store.cohortTouches(options.filter), talliesIn(store, options.tallies)]);
  const rows = touchesReport(cohort, touches, { ...options.money, tallies });
  return { rows, costs: hasCosts(touches) || hasCosts(tallies) };
}

export function show({ rows, costs }: TouchesResult, options: TouchesOptions): Shown {
  const columns = touchColumns(rowCurrencies(rows, (r) => r.revenue), options.out.format, costs);
  return reportRows(rows, columns, options.out, 'touches', emptyNote(rows));
}

export const touches: Verb<MoneyFlags, TouchesOptions, TouchesResult> = { register, parse, run, show };
