// `precrm import responses <survey> <file|->`: record a survey's answers from a form tool's export or `export responses`.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { withImportFlags, type ImportContext, type ImportFlags } from './flags.js';
import type { ResponseImportOptions } from './response-planner.js';
import { showImport, type ImportResult } from './result.js';

export function register(parent: Command): Command {
  return withImportFlags(parent.command('responses <survey> <file>').description('record survey answers from CSV: a form tool\'s export (columns headed by question key or text, a Timestamp, an optional Email) or the output of export responses'),
    'read a column as the answers to a question key, or as at, email or prospect (repeatable; ignore to drop)')
    .addHelpText('after', examples(
      'precrm import responses "bakery perception" form-export.csv',
      'precrm import responses "bakery perception" form.csv --map "Any other thoughts?=expect" --skip-invalid --rejects rejects.csv',
      'precrm export responses "bakery perception" | precrm import responses "bakery perception" - --dry-run',
    ));
}

/** --map is checked in run, against the survey's questions. */
export async function parse([survey, file]: Args, flags: ImportFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<ResponseImportOptions> {
  // The CSV code loads only when an import runs.
  const { importOptions } = await import('./options.js');
  return { ...importOptions(file as string, flags, ctx), survey: survey as string };
}

export async function run(ctx: ImportContext, options: ResponseImportOptions): Promise<ImportResult> {
  const [{ importFile }, { responseKind }] = await Promise.all([import('./importer.js'), import('./response-planner.js')]);
  return importFile(ctx, options, responseKind(options));
}

export const show = (result: ImportResult, options: ResponseImportOptions): Shown => showImport(result, options);

export const responses: Verb<ImportFlags, ResponseImportOptions, ImportResult> = { register, parse, run, show };
