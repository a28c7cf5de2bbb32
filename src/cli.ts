// createProgram(ctx): the commander program, its global options and the nouns; touches no process state.
import { Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { examples } from './commands/help.js';
import { registerProspect } from './commands/prospect.js';
import { registerReport } from './commands/report.js';
import { registerStore } from './commands/store.js';
import { registerTouch } from './commands/touch.js';
import { registerConvert } from './commands/convert.js';
import { registerDue } from './commands/due.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerSurvey } from './commands/survey.js';
import { registerSurveyReport } from './commands/report-survey.js';

export const VERSION = '0.1.0';

export function createProgram(ctx: Context): Command {
  const program = new Command('precrm')
    .description('A CRM for the relationship that starts before the first purchase.')
    .version(VERSION, '-V, --version')
    .option('--store <file>', 'store file (env PRECRM_STORE; default $XDG_DATA_HOME/precrm/store.json)')
    .addOption(new Option('--format <fmt>', 'output format (env PRECRM_FORMAT)').choices(['table', 'csv', 'tsv', 'json', 'xlsx']))
    .option('--json', 'same as --format json')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('-q, --quiet', 'no informational messages on stderr')
    .option('--no-input', 'never prompt (implied when stdin is not a terminal)')
    .option('-y, --yes', 'confirm destructive actions without prompting')
    .option('--no-pager', 'never page long output (pager: PRECRM_PAGER, PAGER, else less -FRX)')
    .showHelpAfterError('(add --help for usage)')
    // Descriptions wrap beside their options down to 20 columns (commander gives up below 40, so an 80-column
    // terminal got 170-column lines beside long subcommand names).
    .configureHelp({ minWidthToWrap: 20 })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.world.stdout.write(s),
      writeErr: (s) => ctx.world.stderr.write(s),
      getOutHelpWidth: () => ctx.helpWidth('out'),
      getErrHelpWidth: () => ctx.helpWidth('err'),
    })
    .hook('preAction', (_program, action) => ctx.configure(action.optsWithGlobals()))
    .addHelpText('after', examples('precrm prospect add "Ravi Sen" --email ravi@example.com', 'precrm touch log ravi greeting "waved back"', 'precrm due', 'precrm report funnel'));

  registerProspect(program, ctx);
  registerStore(program, ctx);
  registerTouch(program, ctx);
  registerConvert(program, ctx);
  registerDue(program, ctx);
  registerSurveyReport(registerReport(program, ctx), ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerSurvey(program, ctx);
  return program;
}

export { CommanderError };
