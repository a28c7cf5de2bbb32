// createProgram(ctx): the commander program, its global options and the nouns; touches no process state.
import { Command, CommanderError } from 'commander';
import type { Context } from './context/context.js';
import { examples } from './commands/common/examples.js';
import { registerProspect } from './commands/prospect/index.js';
import { registerReport } from './commands/report/index.js';
import { registerStore } from './commands/store/index.js';
import { registerTouch } from './commands/touch/index.js';
import { registerTally } from './commands/tally/index.js';
import { registerOccasion } from './commands/occasion/index.js';
import { registerConvert } from './commands/convert/index.js';
import { registerPurchase } from './commands/purchase/index.js';
import { DUE_FORMATS, registerDue } from './commands/due/index.js';
import { registerStale } from './commands/stale/index.js';
import { registerImport } from './commands/import/index.js';
import { registerExport } from './commands/export/index.js';
import { registerSurvey } from './commands/survey/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerHelp, TOPICS } from './commands/help/index.js';
import { DIGEST_FORMATS, registerDigest } from './commands/digest/index.js';
import { FORMATS } from './output/render.js';

export const VERSION = '0.1.0';

/** The formats a command takes: digest has text, markdown and html; due also writes a calendar (ics). */
const formatsOf = (command: string): readonly string[] | undefined =>
  command === 'digest' ? DIGEST_FORMATS : command === 'due' ? DUE_FORMATS : undefined;

export function createProgram(ctx: Context): Command {
  const program = new Command('precrm')
    .description('A CRM for the relationship that starts before the first purchase.')
    .version(VERSION, '-V, --version')
    .option('--store <file>', 'store file (env PRECRM_STORE; default $XDG_DATA_HOME/precrm/store.json)')
    // The formats are checked per command once parsed (Context.configure): digest has text, markdown and html too.
    .option('--format <fmt>', `output format: ${FORMATS.join(', ')} (env PRECRM_FORMAT; digest: ${DIGEST_FORMATS.join(', ')}; due: also ics)`)
    .option('--json', 'same as --format json')
    .option('--columns <list>', 'a listing\'s or report\'s columns, in this order, in every format (e.g. name,phone,note)')
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
      writeOut: (s) => ctx.term.out(s),
      writeErr: (s) => ctx.term.err(s),
      getOutHelpWidth: () => ctx.term.helpWidth('out'),
      getErrHelpWidth: () => ctx.term.helpWidth('err'),
    })
    .hook('preAction', (_program, action) => ctx.configure(action.optsWithGlobals(), formatsOf(action.name())))
    .addHelpText('after', examples('precrm prospect add "Ravi Sen" --email ravi@example.com', 'precrm touch log ravi greeting "waved back"', 'precrm due', 'precrm report funnel'))
    .addHelpText('after', `\nTopics: precrm help ${TOPICS.join(' | ')}\n`);

  registerProspect(program, ctx);
  registerStore(program, ctx);
  registerTouch(program, ctx);
  registerTally(program, ctx);
  registerOccasion(program, ctx);
  registerConvert(program, ctx);
  registerPurchase(program, ctx);
  registerDue(program, ctx);
  registerStale(program, ctx);
  registerReport(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerSurvey(program, ctx);
  registerCompletion(program, ctx);
  registerDigest(program, ctx);
  registerHelp(program, ctx);
  return program;
}

export { CommanderError };
