// `precrm report loyalty`: flags → the customers of a first-purchase window, their purchases and touches (the
// store's job), the figures per group (domain/reports/loyalty.ts), and under a table the one-line reading.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { LoyaltyQuery, LoyaltyReport } from '../../domain/reports/loyalty.js';
import type { Store } from '../../store/store.js';
import { examples } from '../common/examples.js';
import { parseChoice, parseDayWindow, parseSpanDays } from '../common/options.js';
import { addFilterOptions, parseProspectFilter, parseWindow } from '../common/prospect-filter.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { CURRENCY_HELP, addOutputOption, moneyQuery, type CohortFlags } from './flags.js';
import { loyaltyColumns } from './loyalty-columns.js';
import { emptyNote, reportOut, reportRows, type ReportOut } from './output.js';

export interface LoyaltyFlags extends CohortFlags { by?: string; active?: string; currency?: string }

export interface LoyaltyOptions { query: LoyaltyQuery; filter: ProspectFilter; out: ReportOut }

export interface LoyaltyResult extends LoyaltyReport {
  /** The domain's one-line reading of the rows (which group came back more), for under a table; null without --by. */
  reading: string | null;
}

/** How far back a purchase keeps a customer active when --active does not say. */
const ACTIVE_DAYS = 90;

export function register(parent: Command): Command {
  return addFilterOptions(addOutputOption(parent.command('loyalty')), { only: ['source', 'tag', 'owner', 'since', 'until'], prefix: 'customers: ', dates: 'first purchase' })
    .description('do customers come back? per group: repeat rate, days to the second purchase, revenue per customer, still active')
    .option('--by <group>', 'split customers by source, first-touch, sampled (a sample or tasting before buying), referred or owner')
    .option('--active <span>', 'a customer with a purchase in this span back from today is active (default 90d)')
    .option('--currency <code>', CURRENCY_HELP)
    .addHelpText('after', examples(
      'precrm report loyalty --by sampled',
      'precrm report loyalty --by first-touch --since 2026-01-01 --format csv',
      'precrm report loyalty --by source --active 30d --currency EUR --json',
    ));
}

/** The customers a loyalty report counts: first purchase in --since/--until (whole local days), of a source, owner, tags. */
export function loyaltyFilter(flags: CohortFlags, now: Date): ProspectFilter {
  const filter = parseProspectFilter(flags, now, { createdWindow: false });
  const { since, until } = parseWindow(flags, now);
  return { ...filter, converted: { since, until } };
}

/** The report's query: --by, --currency and --active (a span back from today, counted as `--since 90d` counts). */
export async function loyaltyQuery(flags: { by?: string; active?: string; currency?: string }, now: Date): Promise<LoyaltyQuery> {
  const { LOYALTY_GROUPS } = await import('../../domain/reports/loyalty.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, LOYALTY_GROUPS, '--by group');
  const days = flags.active === undefined ? ACTIVE_DAYS : parseSpanDays(flags.active, '--active span');
  const money = moneyQuery(flags);
  const activeSince = parseDayWindow({ since: `${days}d` }, now).since!;
  return { by, activeSince, now: now.toISOString(), ...money };
}

export async function parse(_args: Args, flags: LoyaltyFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<LoyaltyOptions> {
  const now = ctx.clock.now();
  const query = await loyaltyQuery(flags, now);
  return { query, filter: loyaltyFilter(flags, now), out: reportOut(flags, ctx) };
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

export async function run(ctx: Pick<Context, 'stores'>, options: LoyaltyOptions): Promise<LoyaltyResult> {
  const report = await loyaltyOf(await ctx.stores.open(), options.filter, options.query);
  const { loyaltyReading } = await import('../../domain/reports/loyalty-reading.js');
  return { ...report, reading: options.query.by === undefined ? null : loyaltyReading(report.rows, options.query.by) };
}

export function show({ rows, currencies, reading }: LoyaltyResult, options: LoyaltyOptions): Shown {
  const columns = loyaltyColumns(options.out.format, options.query.by, currencies);
  const note = emptyNote(rows, 'no customers in this window yet (try a wider --since/--until or fewer filters)');
  return reportRows(rows, columns, options.out, 'loyalty', { ...note, ...(reading === null ? {} : { footing: reading }) });
}

export const loyalty: Verb<LoyaltyFlags, LoyaltyOptions, LoyaltyResult> = { register, parse, run, show };
