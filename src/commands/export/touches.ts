// `precrm export touches`: touches, oldest first, each with its prospect's id, email and name.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { TOUCH_TYPES, type TouchType } from '../../domain/types.js';
import { examples } from '../common/examples.js';
import { parseChoice, parseDayWindow } from '../common/options.js';
import { parseProspectFilter } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { TOUCH_CSV_COLUMNS, type TouchRow } from './columns.js';
import { parseOutput, showRows, withFilterFlags, type ExportFlags, type ExportOutput } from './output.js';

export interface TouchesFlags extends ExportFlags { type?: string; by?: string }

export interface TouchesOptions {
  type?: TouchType;
  by?: string;
  /** On the touch's own date. */
  since?: string;
  until?: string;
  prospects: ProspectFilter;
  out: ExportOutput;
}

export function register(parent: Command): Command {
  return withFilterFlags(parent.command('touches').description('touches, oldest first, with the prospect\'s id, email and name'), 'touched')
    .option('--type <type>', `only this touch type (${TOUCH_TYPES.join(', ')})`)
    .option('--by <name>', 'only touches by this member of staff')
    .addHelpText('after', examples('precrm export touches --since 30d -o touches.csv', 'precrm export touches --type tasting --format tsv'));
}

export function parse(_args: Args, flags: TouchesFlags, ctx: Pick<Context, 'term' | 'clock'>): TouchesOptions {
  const out = parseOutput(flags, ctx.term);
  const now = ctx.clock.now();
  const type = flags.type === undefined ? undefined : parseChoice(flags.type, TOUCH_TYPES, 'touch type');
  const { since, until } = parseDayWindow(flags, now);
  return { type, by: flags.by, since, until, prospects: parseProspectFilter(flags, now, { createdWindow: false }), out };
}

/** The touches, each with its prospect. */
export async function run(ctx: Pick<Context, 'stores'>, o: TouchesOptions): Promise<TouchRow[]> {
  const store = await ctx.stores.open();
  const touches = await store.listTouches({ types: o.type && [o.type], by: o.by, since: o.since, until: o.until, prospects: o.prospects });
  const byId = new Map((await store.getProspects([...new Set(touches.map((t) => t.prospectId))])).map((p) => [p.id, p]));
  return touches.map((t) => ({ t, p: byId.get(t.prospectId)! }));
}

export const show = (rows: TouchRow[], options: TouchesOptions): Shown =>
  showRows(rows, TOUCH_CSV_COLUMNS, options.out, { noun: 'touch(es)', sheet: 'touches', jsonRecords: rows.map((r) => r.t) });

export const touches: Verb<TouchesFlags, TouchesOptions, TouchRow[]> = { register, parse, run, show };
