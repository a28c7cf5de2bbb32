// `precrm import prospects|touches|purchases|responses <file|->`: read, validate every row, plan, then apply in ONE locked store update.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import type { ImportFlags } from './import-run.js';
import { collect } from '../common/options.js';

/** The work lives in import-run.ts, loaded only when one of these commands runs (CSV code stays out of start-up). */
const run = () => import('./import-run.js');

const MAP_HELP = 'read a column as a field (repeatable; field.<key> for a custom field, ignore to drop)';

function commonOptions(cmd: Command, mapHelp = MAP_HELP): Command {
  return cmd
    .option('--map <header=field>', mapHelp, collect)
    .option('--map-value <column:value=new>', 'read a value of a column as another (repeatable), e.g. "Lifecycle Stage:lead=interested"', collect)
    .option('--date-order <order>', 'how the file writes 03/07/2024: dmy (3 July) or mdy (March 7); unset, such dates are refused')
    .option('--delimiter <char>', 'field delimiter (default: , ; or tab, sniffed from the header)')
    .option('--encoding <name>', 'the file\'s encoding: utf8, utf16le, utf16be, windows-1252 or latin1 (default: detected)')
    .option('--header-line <n>', 'the line the header row is on (default: 1, or the first after a preamble such as LinkedIn\'s notes)')
    .option('--skip-invalid', 'import the valid rows and skip the invalid ones (listed on stderr)')
    .option('--rejects <file>', 'write the rejected rows there (their columns plus a reason column)')
    .option('--dry-run', 'report what would happen and how the columns were read; write nothing (--format csv|json: one row per line)');
}

export function registerImport(program: Command, ctx: Context): void {
  const imp = program.command('import').description('read prospects, touches, purchases or survey responses from CSV (a file or - for stdin)')
    .addHelpText('after', examples('precrm import prospects contacts.csv --dry-run', 'precrm import touches visits.csv --skip-invalid --rejects rejected.csv'));

  commonOptions(imp.command('prospects <file>').description('create or merge prospects from a CSV export (contacts, forms, spreadsheets) or a vCard file (.vcf)'))
    .option('--on-duplicate <rule>', 'same email or phone as a known prospect: merge (default: fill empty fields, union tags), skip, error')
    .addHelpText('after', examples(
      'precrm import prospects contacts.csv',
      'precrm import prospects contacts.vcf',
      'precrm import prospects signups.csv --map "Your e-mail=email" --map "Allergies=field.allergy" --dry-run',
      'precrm import prospects hubspot.csv --map-value "Lifecycle Stage:other=aware" --date-order mdy --dry-run --format csv',
      'curl -s https://forms.example/export.csv | precrm -q import prospects - --skip-invalid --rejects rejects.csv',
    ))
    .action((file: string, flags: ImportFlags) => run().then((m) => m.importProspects(ctx, file, flags)));

  commonOptions(imp.command('touches <file>').description('log touches from CSV (prospect id or email, type, at, note, outcome, direction, by)'))
    .addHelpText('after', examples(
      'precrm import touches visits.csv',
      'precrm -q import touches web-visits.csv --skip-invalid   # nightly from cron; identical touches are skipped',
    ))
    .action((file: string, flags: ImportFlags) => run().then((m) => m.importTouches(ctx, file, flags)));

  commonOptions(imp.command('purchases <file>').description('record purchases from CSV: precrm\'s export, or a Square, Shopify or WooCommerce order export as it is (buyer by prospect id, email, phone or name)'))
    .addHelpText('after', examples(
      'precrm import purchases orders_export.csv --dry-run',
      'PRECRM_CURRENCY=EUR precrm -q import purchases square-transactions.csv --skip-invalid   # nightly; orders already in are skipped',
    ))
    .action((file: string, flags: ImportFlags) => run().then((m) => m.importPurchases(ctx, file, flags)));

  commonOptions(imp.command('responses <survey> <file>').description('record survey answers from CSV: a form tool\'s export (columns headed by question key or text, a Timestamp, an optional Email) or the output of export responses'),
    'read a column as the answers to a question key, or as at, email or prospect (repeatable; ignore to drop)')
    .addHelpText('after', examples(
      'precrm import responses "bakery perception" form-export.csv',
      'precrm import responses "bakery perception" form.csv --map "Any other thoughts?=expect" --skip-invalid --rejects rejects.csv',
      'precrm export responses "bakery perception" | precrm import responses "bakery perception" - --dry-run',
    ))
    .action((survey: string, file: string, flags: ImportFlags) => run().then((m) => m.importResponses(ctx, survey, file, flags)));
}
