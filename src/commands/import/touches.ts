// `precrm import touches <file|->`: log touches from CSV (prospect id or email, type, at …); a touch already in is skipped.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { examples } from '../common/examples.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { withImportFlags, type ImportContext, type ImportFlags } from './flags.js';
import { showImport, type ImportResult } from './result.js';
import type { TouchImportOptions } from './touch-planner.js';

export function register(parent: Command): Command {
  return withImportFlags(parent.command('touches <file>').description('log touches from CSV (prospect id or email, type, at, note, outcome, direction, by)'))
    .addHelpText('after', examples(
      'precrm import touches visits.csv',
      'precrm -q import touches web-visits.csv --skip-invalid   # nightly from cron; identical touches are skipped',
    ));
}

export async function parse([file]: Args, flags: ImportFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<TouchImportOptions> {
  // The CSV code loads only when an import runs.
  const [{ importOptions }, { TOUCH_HEADERS }, { fallbackCurrency }] = await Promise.all([
    import('./options.js'), import('../../csv/touch-rows.js'), import('./currency.js'),
  ]);
  const currency = fallbackCurrency(ctx.clock.env);
  return { ...importOptions(file as string, flags, ctx, TOUCH_HEADERS), currency };
}

export async function run(ctx: ImportContext, options: TouchImportOptions): Promise<ImportResult> {
  const [{ importFile }, { touchKind }] = await Promise.all([import('./importer.js'), import('./touch-planner.js')]);
  return importFile(ctx, options, touchKind(options));
}

export const show = (result: ImportResult, options: TouchImportOptions): Shown => showImport(result, options);

export const touches: Verb<ImportFlags, TouchImportOptions, ImportResult> = { register, parse, run, show };
