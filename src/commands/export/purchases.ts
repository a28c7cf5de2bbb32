// `precrm export purchases`: every purchase, oldest first, with the buyer's id, email, phone and name.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { examples } from '../common/examples.js';
import { parseDayWindow } from '../common/options.js';
import { parseProspectFilter } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { PURCHASE_CSV_COLUMNS, type PurchaseRow } from './columns.js';
import { parseOutput, showRows, withFilterFlags, type ExportFlags, type ExportOutput } from './output.js';

export interface PurchasesOptions {
  /** On the purchase's own date. */
  since?: string;
  until?: string;
  buyers: ProspectFilter;
  out: ExportOutput;
}

export function register(parent: Command): Command {
  return withFilterFlags(parent.command('purchases').description('every purchase, oldest first, with the buyer\'s id, email, phone and name'), 'bought')
    .addHelpText('after', examples('precrm export purchases --since 2026-01-01 -o purchases.csv', 'precrm export purchases --source instagram --json'));
}

export function parse(_args: Args, flags: ExportFlags, ctx: Pick<Context, 'term' | 'clock'>): PurchasesOptions {
  const out = parseOutput(flags, ctx.term);
  const now = ctx.clock.now();
  const { since, until } = parseDayWindow(flags, now);
  return { since, until, buyers: parseProspectFilter(flags, now, { createdWindow: false }), out };
}

/** The purchases of the buyers the filter keeps, in the window, each with its buyer. */
export async function run(ctx: Pick<Context, 'stores'>, { since, until, buyers }: PurchasesOptions): Promise<PurchaseRow[]> {
  const store = await ctx.stores.open();
  const purchases = (await store.listPurchases(buyers)).filter((u) => (since === undefined || u.at >= since) && (until === undefined || u.at <= until));
  const byId = new Map((await store.getProspects([...new Set(purchases.map((u) => u.prospectId))])).map((p) => [p.id, p]));
  return purchases.map((u) => ({ u, p: byId.get(u.prospectId)! }));
}

export const show = (rows: PurchaseRow[], options: PurchasesOptions): Shown =>
  showRows(rows, PURCHASE_CSV_COLUMNS, options.out, { noun: 'purchase(s)', sheet: 'purchases', jsonRecords: rows.map((r) => r.u) });

export const purchases: Verb<ExportFlags, PurchasesOptions, PurchaseRow[]> = { register, parse, run, show };
