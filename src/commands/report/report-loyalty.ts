// `precrm report loyalty`: flags → the customers of a first-purchase window, their purchases and touches (the
// store's job), the figures per group (domain/reports/loyalty.ts), and under a table the one-line reading.
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { LOYALTY_GROUPS, type LoyaltyQuery, type LoyaltyReport } from '../../domain/reports/loyalty.js';
import type { Store } from '../../store/store.js';
import { loyaltyColumns } from './loyalty-columns.js';
import { currencyCode } from '../common/money-option.js';
import { parseChoice, parseDayWindow, parseSpanDays } from '../common/options.js';
import { parseProspectFilter, parseWindow } from '../common/prospect-filter.js';
import type { CohortFlags } from './report-run.js';
import { emitRows, fileFormat } from '../common/rows-out.js';

export interface LoyaltyFlags extends CohortFlags { by?: string; active?: string; currency?: string }

/** How far back a purchase keeps a customer active when --active does not say. */
export const ACTIVE_DAYS = 90;

/** The customers a loyalty report counts: first purchase in --since/--until (whole local days), of a source, owner, tags. */
export function loyaltyFilter(flags: CohortFlags, now: Date): ProspectFilter {
  const filter = parseProspectFilter(flags, now, { createdWindow: false });
  const { since, until } = parseWindow(flags, now);
  return { ...filter, converted: { since, until } };
}

/** The report's query: --by, --currency and --active (a span back from today, counted as `--since 90d` counts). */
export function loyaltyQuery(flags: { by?: string; active?: string; currency?: string }, now: Date): LoyaltyQuery {
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, LOYALTY_GROUPS, '--by group');
  const days = flags.active === undefined ? ACTIVE_DAYS : parseSpanDays(flags.active, '--active span');
  const currency = flags.currency === undefined ? undefined : currencyCode(flags.currency, '--currency');
  const activeSince = parseDayWindow({ since: `${days}d` }, now).since!;
  return { by, activeSince, now: now.toISOString(), ...(currency === undefined ? {} : { currency }) };
}

/** Reads what the report needs (touches only for the groupings that look at them) and computes it. */
export async function loyaltyOf(store: Store, filter: ProspectFilter, q: LoyaltyQuery): Promise<LoyaltyReport> {
  const needsTouches = q.by === 'sampled' || q.by === 'first-touch';
  const [buyers, purchases, touches] = await Promise.all([
    store.cohort(filter), store.listPurchases(filter), needsTouches ? store.cohortTouches(filter) : Promise.resolve([]),
  ]);
  const { loyaltyReport } = await import('../../domain/reports/loyalty.js');
  return loyaltyReport(buyers, purchases, touches, q);
}

export async function runLoyalty(ctx: Context, flags: LoyaltyFlags): Promise<void> {
  const now = ctx.clock.now();
  const q = loyaltyQuery(flags, now);
  const filter = loyaltyFilter(flags, now);
  const { rows, currencies } = await loyaltyOf(await ctx.stores.open(), filter, q);
  const format = fileFormat(ctx.term.format, flags.output);
  const columns = loyaltyColumns(format, q.by, currencies);
  const { loyaltyReading } = await import('../../domain/reports/loyalty-reading.js');
  const reading = q.by === undefined ? null : loyaltyReading(rows, q.by);
  const wrote = await emitRows(ctx, rows, columns, { format, output: flags.output, sheet: 'loyalty', ...(reading === null ? {} : { footing: reading }) });
  if (wrote) ctx.term.info(`wrote ${rows.length} row(s) to ${flags.output}`);
  else if (rows.length === 0 && format === 'table') ctx.term.info('no customers in this window yet (try a wider --since/--until or fewer filters)');
}
