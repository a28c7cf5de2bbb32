// `precrm export prospects|touches|conversions|purchases|responses`: filtered records in a fixed column order, to stdout or -o FILE.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { TOUCH_TYPES } from '../../domain/types.js';
import type { ExportFlags } from './export-run.js';
import { examples } from '../common/examples.js';
import { addFilterOptions } from '../common/prospect-filter.js';

/** The work lives in export-run.ts, loaded only when one of these commands runs (CSV code stays out of start-up). */
const run = () => import('./export-run.js');

/** The prospect filter, with --since/--until on the exported record's own date, then the output flags. */
function filterOptions(cmd: Command, dates: string): Command {
  return outputOptions(addFilterOptions(cmd, { dates }));
}

function outputOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout (- is stdout)')
    .option('--excel', 'UTF-8 BOM and CRLF line ends, for spreadsheets');
}

export function registerExport(program: Command, ctx: Context): void {
  const exp = program.command('export').description('write prospects, touches, conversions, purchases or survey responses as CSV, TSV or JSON')
    .addHelpText('after', examples('precrm export prospects --contactable -o prospects.csv', 'precrm export touches --since 30d --format json'));

  filterOptions(exp.command('prospects').description('every prospect field, fixed column order (see README)'), 'created')
    .addHelpText('after', examples('precrm export prospects -o prospects.csv', 'precrm export prospects --contactable --tag cakes --excel -o mailing.csv', 'precrm export prospects --json > backup.json'))
    .action((flags: ExportFlags, cmd: Command) => run().then((m) => m.exportProspects(ctx, flags, cmd)));

  filterOptions(exp.command('touches').description('touches, oldest first, with the prospect\'s id, email and name'), 'touched')
    .option('--type <type>', `only this touch type (${TOUCH_TYPES.join(', ')})`)
    .option('--by <name>', 'only touches by this member of staff')
    .addHelpText('after', examples('precrm export touches --since 30d -o touches.csv', 'precrm export touches --type tasting --format tsv'))
    .action((flags: ExportFlags, cmd: Command) => run().then((m) => m.exportTouches(ctx, flags, cmd)));

  filterOptions(exp.command('conversions').description('first purchases with days-to-convert and touches before it'), 'converted')
    .addHelpText('after', examples('precrm export conversions --since 2026-01-01 -o conversions.csv', 'precrm export conversions --source instagram --json'))
    .action((flags: ExportFlags, cmd: Command) => run().then((m) => m.exportConversions(ctx, flags, cmd)));

  filterOptions(exp.command('purchases').description('every purchase, oldest first, with the buyer\'s id, email, phone and name'), 'bought')
    .addHelpText('after', examples('precrm export purchases --since 2026-01-01 -o purchases.csv', 'precrm export purchases --source instagram --json'))
    .action((flags: ExportFlags, cmd: Command) => run().then((m) => m.exportPurchases(ctx, flags, cmd)));

  outputOptions(exp.command('responses <survey>').description('a survey\'s responses, oldest first: id, survey, prospect_id, segment, stage, at, then one column per question')
    .option('--since <when>', 'answered on or after (2026-03-01, 30d …)')
    .option('--until <when>', 'answered on or before')
    .option('--contactable', 'leave out answers of do-not-contact and forgotten prospects'))
    .addHelpText('after', examples('precrm export responses "bakery perception" -o answers.csv', 'precrm export responses "bakery perception" --since 30d --json'))
    .action((survey: string, flags: ExportFlags, cmd: Command) => run().then((m) => m.exportResponses(ctx, survey, flags, cmd)));
}
