// `precrm report sources`: per source, how many of the cohort converted, how fast, after how many touches, what
// they brought in and, once a touch has a cost, what they cost.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { SourceRow } from '../../domain/reports/sources.js';
import { examples } from '../common/examples.js';
import { rowCurrencies } from '../common/money-columns.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { sourceColumns } from './columns.js';
import { CURRENCY_HELP, addCohortOptions, parseCohortReport, type CohortOptions, type MoneyFlags } from './flags.js';
import { emptyNote, reportRows } from './output.js';

export interface SourcesResult {
  rows: SourceRow[];
  /** Whether a touch of the cohort has a cost (then cost and revenue per cost are shown). */
  costs: boolean;
}

export function register(parent: Command): Command {
  return addCohortOptions(parent.command('sources').description('per source: conversion rate, days and touches to convert, revenue, cost'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report sources', 'precrm report sources --since 90d --json', 'precrm report sources --currency EUR'));
}

export const parse = (_args: Args, flags: MoneyFlags, ctx: Pick<Context, 'clock' | 'term'>): CohortOptions => parseCohortReport(flags, ctx);

/** Selects the cohort and its touches (the store's job), then computes the rows (the domain's). */
export async function run(ctx: Pick<Context, 'stores'>, options: CohortOptions): Promise<SourcesResult> {
  const store = await ctx.stores.open();
  const cohort = await store.cohort(options.filter);
  const [{ conversionInstants }, { sourcesReport }, { hasCosts }] = await Promise.all([
    import('../../domain/reports/journey.js'), import('../../domain/reports/sources.js'), import('../../domain/reports/cost.js'),
  ]);
  const [touchesBefore, touches] = await Promise.all([store.countTouchesUpTo(conversionInstants(cohort)), store.cohortTouches(options.filter)]);
  return { rows: sourcesReport(cohort, touchesBefore, { ...options.money, touches }), costs: hasCosts(touches) };
}

/** Money columns follow the rows' currencies. */
export function show({ rows, costs }: SourcesResult, options: CohortOptions): Shown {
  const columns = sourceColumns(rowCurrencies(rows, (r) => r.revenue), options.out.format, costs);
  return reportRows(rows, columns, options.out, 'sources', emptyNote(rows));
}

export const sources: Verb<MoneyFlags, CohortOptions, SourcesResult> = { register, parse, run, show };
