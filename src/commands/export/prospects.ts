// `precrm export prospects`: every prospect field in a fixed column order (custom fields last), to stdout or -o FILE.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { Prospect } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import { examples } from '../common/examples.js';
import { parseProspectFilter } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parseOutput, showRows, withFilterFlags, type ExportFlags, type ExportOutput } from './output.js';
import { PROSPECT_CSV_COLUMNS, fieldColumns } from '../prospect/columns.js';

export interface ProspectsOptions { filter: ProspectFilter; out: ExportOutput }

export interface ProspectsResult {
  prospects: Prospect[];
  /** Every prospect field in a fixed order, then one per custom field the prospects have. */
  columns: Column<Prospect>[];
}

export function register(parent: Command): Command {
  return withFilterFlags(parent.command('prospects').description('every prospect field, fixed column order (see README)'), 'created')
    .addHelpText('after', examples('precrm export prospects -o prospects.csv', 'precrm export prospects --contactable --tag cakes --excel -o mailing.csv', 'precrm export prospects --json > backup.json'));
}

export function parse(_args: Args, flags: ExportFlags, ctx: Pick<Context, 'term' | 'clock'>): ProspectsOptions {
  const out = parseOutput(flags, ctx.term);
  return { filter: parseProspectFilter(flags, ctx.clock.now()), out };
}

/** The prospects the filter keeps, by id, and their columns. */
export async function run(ctx: Pick<Context, 'stores'>, options: ProspectsOptions): Promise<ProspectsResult> {
  const prospects = await (await ctx.stores.open()).listProspects({ filter: options.filter });
  return { prospects, columns: [...PROSPECT_CSV_COLUMNS, ...fieldColumns(prospects)] };
}

export const show = ({ prospects, columns }: ProspectsResult, options: ProspectsOptions): Shown =>
  showRows(prospects, columns, options.out, { noun: 'prospect(s)', sheet: 'prospects', jsonRecords: prospects });

export const prospects: Verb<ExportFlags, ProspectsOptions, ProspectsResult> = { register, parse, run, show };
