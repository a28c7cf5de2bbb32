// `precrm report …`: flags → typed queries; the maths is in src/domain/reports, the work in report-run.ts.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { addFilterOptions } from '../common/prospect-filter.js';
import { examples } from '../common/examples.js';

// The report maths and renderers are loaded only when a report runs.
const reports = () => import('./report-run.js');

/** --currency on every report with money. */
const CURRENCY_HELP = 'only money in this currency (e.g. EUR); amounts in different currencies are never added up';

/** Every report can be written to a file; xlsx only so (a typed workbook for spreadsheets). */
export function addOutputOption(cmd: Command): Command {
  return cmd.option('-o, --output <file>', 'write to this file (mode 0600; - is stdout); the format is --format, else the extension (.xlsx, .csv, .tsv, .json)');
}

/** The cohort filters every report takes (docs/CONTRACT.md §3) and -o; exported so later reports (survey) share them. */
export function addCohortOptions(cmd: Command): Command {
  return addFilterOptions(addOutputOption(cmd), { only: ['source', 'tag', 'owner', 'since', 'until'], prefix: 'cohort: ', dates: 'prospects created' });
}

/** Creates the `report` command and its reports; returns it so further reports can be hung off it. */
export function registerReport(program: Command, ctx: Context): Command {
  const report = program.command('report')
    .description('funnel and conversion reports for people (tables) and spreadsheets (csv/tsv/json)')
    .addHelpText('after', examples(
      'precrm report funnel --since 2026-01-01 --by source',
      'precrm report sources --format csv > sources.csv',
      'precrm report funnel --format csv | sqlite3 crm.db \'.import --csv /dev/stdin funnel\'',
      'precrm report cohorts -o cohorts.xlsx',
    ));

  addCohortOptions(report.command('funnel').description('how far prospects got, stage by stage (aware … advocate)'))
    .option('--by <group>', 'repeat the funnel per source, owner, tag or month (of creation)')
    .addHelpText('after', examples(
      'precrm report funnel',
      'precrm report funnel --by source --since 2026-01-01',
      'precrm report funnel --format csv > funnel.csv',
      'precrm report funnel --by month --format xlsx -o funnel.xlsx',
    ))
    .action((flags) => reports().then((m) => m.runFunnel(ctx, flags)));

  addCohortOptions(report.command('sources').description('per source: conversion rate, days and touches to convert, revenue, cost'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report sources', 'precrm report sources --since 90d --json', 'precrm report sources --currency EUR'))
    .action((flags) => reports().then((m) => m.runSimpleReport(ctx, 'sources', flags)));

  addCohortOptions(report.command('touches').description('per touch type: reach, conversion, first- and last-touch attribution, cost'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report touches', 'precrm report touches --owner mitra --format csv', 'precrm report touches --currency INR'))
    .action((flags) => reports().then((m) => m.runSimpleReport(ctx, 'touches', flags)));

  addCohortOptions(report.command('velocity').description('per stage transition: how many, median and 90th percentile days'))
    .addHelpText('after', examples('precrm report velocity', 'precrm report velocity --source instagram'))
    .action((flags) => reports().then((m) => m.runSimpleReport(ctx, 'velocity', flags)));

  addCohortOptions(report.command('cohorts').description('prospects by week or month of creation, and how each group converted'))
    .option('--period <period>', 'week or month (default month)')
    .addHelpText('after', examples('precrm report cohorts', 'precrm report cohorts --period week --since 2026-01-01'))
    .action((flags) => reports().then((m) => m.runCohorts(ctx, flags)));

  addCohortOptions(report.command('referrals').description('per referrer: referrals, referred customers, referred revenue'))
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples('precrm report referrals', 'precrm report referrals --json'))
    .action((flags) => reports().then((m) => m.runSimpleReport(ctx, 'referrals', flags)));

  addCohortOptions(report.command('activity').description('touches per day, week or month, optionally per type or staff'))
    .option('--period <period>', 'day, week or month (default week)')
    .option('--by <group>', 'split by touch type or staff member (type, staff)')
    .addHelpText('after', examples('precrm report activity', 'precrm report activity --period day --by staff', 'precrm report activity --period month --by type --format csv'))
    .action((flags) => reports().then((m) => m.runActivity(ctx, flags)));

  addOutputOption(report.command('tallies').description('anonymous counts (tally log) per day, week or month, with their cost per currency'))
    .option('--period <period>', 'day, week or month (default week)')
    .option('--by <group>', 'split by touch type or staff member (type, staff)')
    .option('--since <when>', 'tallies on or after this day (2026-03-01, 30d, monday …)')
    .option('--until <when>', 'tallies on or before this day')
    .addHelpText('after', examples('precrm report tallies', 'precrm report tallies --period day --by type', 'precrm report tallies --period month --by staff --format csv'))
    .action((flags) => reports().then((m) => m.runTallies(ctx, flags)));

  addFilterOptions(addOutputOption(report.command('loyalty')), { only: ['source', 'tag', 'owner', 'since', 'until'], prefix: 'customers: ', dates: 'first purchase' })
    .description('do customers come back? per group: repeat rate, days to the second purchase, revenue per customer, still active')
    .option('--by <group>', 'split customers by source, first-touch, sampled (a sample or tasting before buying), referred or owner')
    .option('--active <span>', 'a customer with a purchase in this span back from today is active (default 90d)')
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples(
      'precrm report loyalty --by sampled',
      'precrm report loyalty --by first-touch --since 2026-01-01 --format csv',
      'precrm report loyalty --by source --active 30d --currency EUR --json',
    ))
    .action((flags) => import('./report-loyalty.js').then((m) => m.runLoyalty(ctx, flags)));

  addCohortOptions(report.command('html').description('one self-contained HTML page with charts: funnel, sources, cohorts, velocity, referrers, loyalty, due, surveys'))
    .option('--out <file>', 'write the page to this file (default: stdout)')
    .option('--title <text>', 'the page title (default: precrm report)')
    .addHelpText('after', examples(
      'precrm report html --out report.html',
      'precrm report html --since 2026-01-01 --title "Bakery, first half" > h1.html',
    ))
    // The charting library (Observable Plot on linkedom) loads only here.
    .action((flags) => import('./report-html.js').then((m) => m.runHtmlReport(ctx, flags)));

  return report;
}
