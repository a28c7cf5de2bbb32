// `precrm import prospects <file|->`: create or merge prospects from a contacts CSV or a vCard file, every row
// checked first, then applied in one locked store update.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import { parseChoice } from '../common/options.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { withImportFlags, type ImportContext, type ImportFlags } from './flags.js';
import type { ProspectImportOptions } from './prospect-planner.js';
import { showImport, type ImportResult } from './result.js';

export interface ProspectFlags extends ImportFlags { onDuplicate?: string }

export function register(parent: Command): Command {
  return withImportFlags(parent.command('prospects <file>').description('create or merge prospects from a CSV export (contacts, forms, spreadsheets) or a vCard file (.vcf)'))
    .option('--on-duplicate <rule>', 'same email or phone as a known prospect: merge (default: fill empty fields, union tags), skip, error')
    .addHelpText('after', examples(
      'precrm import prospects contacts.csv',
      'precrm import prospects contacts.vcf',
      'precrm import prospects signups.csv --map "Your e-mail=email" --map "Allergies=field.allergy" --dry-run',
      'precrm import prospects hubspot.csv --map-value "Lifecycle Stage:other=aware" --date-order mdy --dry-run --format csv',
      'curl -s https://forms.example/export.csv | precrm -q import prospects - --skip-invalid --rejects rejects.csv',
    ));
}

export async function parse([file]: Args, flags: ProspectFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<ProspectImportOptions> {
  // The CSV code loads only when an import runs.
  const [{ importOptions }, { ON_DUPLICATE }, { PROSPECT_HEADERS }, { shopCountry }] = await Promise.all([
    import('./options.js'), import('../../csv/plan-prospects.js'), import('../../csv/contact-columns.js'), import('../../domain/phones.js'),
  ]);
  const onDuplicate = flags.onDuplicate === undefined ? 'merge' : parseChoice(flags.onDuplicate, ON_DUPLICATE, '--on-duplicate');
  const country = shopCountry(ctx.clock.env);
  return { ...importOptions(file as string, flags, ctx, PROSPECT_HEADERS), onDuplicate, country };
}

export async function run(ctx: ImportContext, options: ProspectImportOptions): Promise<ImportResult> {
  const [{ importFile }, { prospectKind }] = await Promise.all([import('./importer.js'), import('./prospect-planner.js')]);
  return importFile(ctx, options, prospectKind(options));
}

export const show = (result: ImportResult, options: ProspectImportOptions): Shown => showImport(result, options);

export const prospects: Verb<ProspectFlags, ProspectImportOptions, ImportResult> = { register, parse, run, show };
