// `precrm report`: figures from the store for people (tables) and spreadsheets (csv/tsv/json/xlsx); one file per
// report, the maths in src/domain/reports.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { attach } from '../verb.js';
import { activity } from './activity.js';
import { cohorts } from './cohorts.js';
import { funnel } from './funnel.js';
import { html } from './html.js';
import { loyalty } from './loyalty.js';
import { referrals } from './referrals.js';
import { sources } from './sources.js';
import { survey } from './survey.js';
import { tallies } from './tallies.js';
import { touches } from './touches.js';
import { velocity } from './velocity.js';

export function registerReport(program: Command, ctx: Context): void {
  const report = program.command('report')
    .description('funnel and conversion reports for people (tables) and spreadsheets (csv/tsv/json)')
    .addHelpText('after', examples(
      'precrm report funnel --since 2026-01-01 --by source',
      'precrm report sources --format csv > sources.csv',
      'precrm report funnel --format csv | sqlite3 crm.db \'.import --csv /dev/stdin funnel\'',
      'precrm report cohorts -o cohorts.xlsx',
    ));
  attach(report, ctx, funnel);
  attach(report, ctx, sources);
  attach(report, ctx, touches);
  attach(report, ctx, velocity);
  attach(report, ctx, cohorts);
  attach(report, ctx, referrals);
  attach(report, ctx, activity);
  attach(report, ctx, tallies);
  attach(report, ctx, loyalty);
  attach(report, ctx, html);
  attach(report, ctx, survey);
}
