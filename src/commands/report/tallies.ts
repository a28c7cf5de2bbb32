// `precrm report tallies`: the anonymous counts (tally log) per day, week or month, optionally per touch type or
// staff member, with what they cost in each currency.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { Period } from '../../domain/reports/periods.js';
import type { TallyQuery, TallyRow } from '../../domain/reports/tallies.js';
import { examples } from '../common/examples.js';
import { parseChoice } from '../common/options.js';
import { parseWindow } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import type { DayWindow } from './anonymous.js';
import { TALLY_COLUMNS, costColumns, groupColumn } from './columns.js';
import { addOutputOption } from './flags.js';
import { emptyNote, reportOut, reportRows, type OutputFlags, type ReportOut } from './output.js';

export interface TalliesFlags extends OutputFlags { period?: string; by?: string; since?: string; until?: string }

export interface TalliesOptions { period: Period; by?: TallyQuery['by']; window: DayWindow; out: ReportOut }

export interface TalliesResult {
  rows: TallyRow[];
  /** The currencies the tallies' costs are in: one cost column each. */
  currencies: string[];
}

export function register(parent: Command): Command {
  return addOutputOption(parent.command('tallies').description('anonymous counts (tally log) per day, week or month, with their cost per currency'))
    .option('--period <period>', 'day, week or month (default week)')
    .option('--by <group>', 'split by touch type or staff member (type, staff)')
    .option('--since <when>', 'tallies on or after this day (2026-03-01, 30d, monday …)')
    .option('--until <when>', 'tallies on or before this day')
    .addHelpText('after', examples('precrm report tallies', 'precrm report tallies --period day --by type', 'precrm report tallies --period month --by staff --format csv'));
}

export async function parse(_args: Args, flags: TalliesFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<TalliesOptions> {
  const { PERIODS } = await import('../../domain/reports/periods.js');
  const period = parseChoice(flags.period ?? 'week', PERIODS, '--period');
  const { TALLY_GROUPS } = await import('../../domain/reports/tallies.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, TALLY_GROUPS, '--by group');
  const window = parseWindow(flags, ctx.clock.now());
  return { period, ...(by === undefined ? {} : { by }), window, out: reportOut(flags, ctx) };
}

export async function run(ctx: Pick<Context, 'stores'>, options: TalliesOptions): Promise<TalliesResult> {
  const tallies = await (await ctx.stores.open()).listTallies(options.window);
  const { costCurrencies, talliesReport } = await import('../../domain/reports/tallies.js');
  return { rows: talliesReport(tallies, { period: options.period, by: options.by }), currencies: costCurrencies(tallies) };
}

export function show({ rows, currencies }: TalliesResult, options: TalliesOptions): Shown {
  const columns = [...(options.by ? [groupColumn<TallyRow>(options.by)] : []), ...TALLY_COLUMNS, ...costColumns(currencies)];
  return reportRows(rows, columns, options.out, 'tallies', emptyNote(rows));
}

export const tallies: Verb<TalliesFlags, TalliesOptions, TalliesResult> = { register, parse, run, show };
