// `precrm export conversions`: first purchases, oldest first, with calendar days to convert and the touches before it.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { examples } from '../common/examples.js';
import { parseDayWindow } from '../common/options.js';
import { parseProspectFilter } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { CONVERSION_CSV_COLUMNS, type ConversionRow } from './columns.js';
import { parseOutput, showRows, withFilterFlags, type ExportFlags, type ExportOutput } from './output.js';

export interface ConversionsOptions { filter: ProspectFilter; out: ExportOutput }

export function register(parent: Command): Command {
  return withFilterFlags(parent.command('conversions').description('first purchases with days-to-convert and touches before it'), 'converted')
    .addHelpText('after', examples('precrm export conversions --since 2026-01-01 -o conversions.csv', 'precrm export conversions --source instagram --json'));
}

export function parse(_args: Args, flags: ExportFlags, ctx: Pick<Context, 'term' | 'clock'>): ConversionsOptions {
  const out = parseOutput(flags, ctx.term);
  const now = ctx.clock.now();
  // --since/--until are on the conversion's date, not the prospect's creation.
  return { filter: { ...parseProspectFilter(flags, now, { createdWindow: false }), converted: parseDayWindow(flags, now) }, out };
}

/** The converted prospects by conversion time (ties by id), each with its touches up to the conversion. */
export async function run(ctx: Pick<Context, 'stores'>, options: ConversionsOptions): Promise<ConversionRow[]> {
  const store = await ctx.stores.open();
  const converted = sortBy(await store.listProspects({ filter: options.filter }), (p) => p.conversion!.at);
  const counts = await store.countTouchesUpTo(converted.map((p) => ({ prospectId: p.id, at: p.conversion!.at })));
  return converted.map((p) => ({ p, touches: counts.get(p.id) ?? 0 }));
}

/** Stable by a string key, ties by id. */
const sortBy = <T extends { id: number }>(rows: T[], key: (r: T) => string) =>
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));

export const show = (rows: ConversionRow[], options: ConversionsOptions): Shown =>
  showRows(rows, CONVERSION_CSV_COLUMNS, options.out, { noun: 'conversion(s)', sheet: 'conversions' });

export const conversions: Verb<ExportFlags, ConversionsOptions, ConversionRow[]> = { register, parse, run, show };
