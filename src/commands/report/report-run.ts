// Runs a report: parse the query, read the store once, compute rows in the domain, render them in any format.
import type { Context } from '../../context/context.js';
import type { ProspectFilter } from '../../domain/queries.js';
import { ACTIVITY_GROUPS } from '../../domain/reports/activity.js';
import { PROSPECT_GROUPS } from '../../domain/reports/groups.js';
import type { FunnelRow } from '../../domain/reports/funnel.js';
import { bar } from '../../output/bars.js';
import type { Column } from '../../output/columns.js';
import type { Store, StoreReader } from '../../store/store.js';
import type { MoneyQuery } from '../../domain/reports/currencies.js';
import type { Tally } from '../../domain/types.js';
import type { Format } from '../../output/render.js';
import { rowCurrencies } from '../common/money-columns.js';
import { currencyCode } from '../common/money-option.js';
import { parseChoice } from '../common/options.js';
import { parseProspectFilter, parseWindow } from '../common/prospect-filter.js';
import { emitRows, fileFormat } from '../common/rows-out.js';
import {
  ACTIVITY_COLUMNS, COHORT_COLUMNS, FUNNEL_COLUMNS, TALLY_COLUMNS, VELOCITY_COLUMNS,
  costColumns, groupColumn, referralColumns, sourceColumns, touchColumns,
} from './report-columns.js';
import { PERIODS } from '../../domain/reports/periods.js';
import type { AnonymousFunnelRow, TallyRow } from '../../domain/reports/tallies.js';

export interface CohortFlags { since?: string; until?: string; source?: string; owner?: string; tag?: string[]; output?: string }
/** The flags of a report with money: --currency picks one currency's figures. */
export interface MoneyFlags extends CohortFlags { currency?: string }
export interface FunnelFlags extends CohortFlags { by?: string }
export interface PeriodFlags extends CohortFlags { period?: string; by?: string }

/** Width of the funnel bar at 100% of the cohort; on a narrow terminal it shrinks down to 6 cells. */
const BAR_WIDTH = 24;

/** The cohort of the shared flags: prospects created in whole local days since ≤ until, of a source, owner, tags. */
export function cohortFilter(flags: CohortFlags, now: Date): ProspectFilter {
  return parseProspectFilter(flags, now, { refuseEmptyWindow: true });
}

async function print<R>(ctx: Context, rows: readonly R[], columns: readonly Column<R>[], sheet: string, output: string | undefined): Promise<void> {
  const format = fileFormat(ctx.term.format, output);
  const wrote = await emitRows(ctx, rows, columns, { format, output, sheet });
  if (wrote) ctx.term.info(`wrote ${rows.length} row(s) to ${output}`);
  // An empty report is a success; say why the table is empty, on stderr so pipes see only the header.
  else if (rows.length === 0 && format === 'table') ctx.term.info('no data for this cohort yet (try a wider --since/--until or fewer filters)');
}

export async function runFunnel(ctx: Context, flags: FunnelFlags): Promise<void> {
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, PROSPECT_GROUPS, '--by group');
  const filter = cohortFilter(flags, ctx.clock.now());
  const store = await ctx.stores.open();
  const { funnelReport, funnelRows } = await import('../../domain/reports/funnel.js');
  // Without groups the store counts (a database does it in SQL); groups need each prospect's source, owner, tags.
  const stages = by ? funnelReport(await store.cohort(filter), { by }) : funnelRows(await store.funnelCounts(filter));
  const rows = [...(await anonymousRows(store, flags, ctx.clock.now(), stages)), ...stages] as FunnelRow[];
  const columns: Column<FunnelRow>[] = by ? [groupColumn<FunnelRow>(by), ...FUNNEL_COLUMNS] : [...FUNNEL_COLUMNS];
  // The bar is for eyes only: a terminal table gets it, pipes and files get the plain columns.
  if (ctx.term.format === 'table' && ctx.term.stdoutIsTTY && flags.output === undefined) {
    columns.push({
      key: 'bar', label: '', type: 'string', get: (r) => r.overall_rate, priority: 3, minWidth: 6, maxWidth: BAR_WIDTH,
      fill: (v, _r, width) => ctx.term.color.cyan(bar(v as number | null, width)),
    });
  }
  await print(ctx, rows, columns, 'funnel', flags.output);
}

/** The tallies a funnel of these flags shows (report funnel, report html): its window's, none when grouped or filtered. */
export async function funnelTallies(store: StoreReader, flags: FunnelFlags, now: Date): Promise<Tally[]> {
  if (flags.by !== undefined || flags.source !== undefined || flags.owner !== undefined || flags.tag?.length) return [];
  return store.listTallies(parseWindow(flags, now));
}

/**
 * The anonymous counts of the funnel's window, shown above its first stage with the new prospects the same window
 * brought. Tallies belong to no source, owner or tag, and a grouped funnel has no one first stage: none then.
 */
async function anonymousRows(store: Store, flags: FunnelFlags, now: Date, stages: readonly FunnelRow[]): Promise<AnonymousFunnelRow[]> {
  const tallies = await funnelTallies(store, flags, now);
  if (tallies.length === 0) return [];
  const { anonymousFunnelRows } = await import('../../domain/reports/tallies.js');
  return anonymousFunnelRows(tallies, stages[0]?.reached ?? 0);
}

type SimpleReport = 'sources' | 'touches' | 'velocity' | 'referrals';

/** What a simple report reads beside its cohort: the filter, the --currency, and the flags (for the tallies' window). */
interface SimpleQuery { filter: ProspectFilter; money: MoneyQuery; flags: CohortFlags; now: Date }

/** Select the cohort (the store's job), then compute the report (the domain's); money columns follow the rows' currencies. */
async function simpleRows(name: SimpleReport, store: Store, q: SimpleQuery, format: Format): Promise<[unknown[], Column<any>[]]> {
  const cohort = await store.cohort(q.filter);
  switch (name) {
    case 'sources': {
      const [{ conversionInstants }, { sourcesReport }, { hasCosts }] = await Promise.all([
        import('../../domain/reports/journey.js'), import('../../domain/reports/sources.js'), import('../../domain/reports/cost.js'),
      ]);
      const [touchesBefore, touches] = await Promise.all([store.countTouchesUpTo(conversionInstants(cohort)), store.cohortTouches(q.filter)]);
      const rows = sourcesReport(cohort, touchesBefore, { ...q.money, touches });
      return [rows, sourceColumns(rowCurrencies(rows, (r) => r.revenue), format, hasCosts(touches))];
    }
    case 'touches': {
      const [{ touchesReport }, { hasCosts }] = await Promise.all([import('../../domain/reports/touches.js'), import('../../domain/reports/cost.js')]);
      const [touches, tallies] = await Promise.all([store.cohortTouches(q.filter), funnelTallies(store, q.flags, q.now)]);
      const rows = touchesReport(cohort, touches, { ...q.money, tallies });
      return [rows, touchColumns(rowCurrencies(rows, (r) => r.revenue), format, hasCosts(touches) || hasCosts(tallies))];
    }
    case 'velocity': return [(await import('../../domain/reports/velocity.js')).velocityReport(cohort), VELOCITY_COLUMNS];
    default: {
      const referrers = await store.getProspects([...new Set(cohort.flatMap((p) => (p.referredBy === null ? [] : [p.referredBy])))]);
      const names = new Map(referrers.map((p) => [p.id, p.name]));
      const rows = (await import('../../domain/reports/referrals.js')).referralsReport(cohort, names, q.money);
      return [rows, referralColumns(rowCurrencies(rows, (r) => r.referred_revenue), format)];
    }
  }
}

/** Reports that take only the cohort filters. */
export async function runSimpleReport(ctx: Context, name: SimpleReport, flags: MoneyFlags): Promise<void> {
  const filter = cohortFilter(flags, ctx.clock.now());
  const money = flags.currency === undefined ? {} : { currency: currencyCode(flags.currency, '--currency') };
  const q = { filter, money, flags, now: ctx.clock.now() };
  const [rows, columns] = await simpleRows(name, await ctx.stores.open(), q, fileFormat(ctx.term.format, flags.output));
  await print(ctx, rows, columns, name, flags.output);
}

export async function runCohorts(ctx: Context, flags: PeriodFlags): Promise<void> {
  const period = parseChoice(flags.period ?? 'month', ['week', 'month'] as const, '--period');
  const now = ctx.clock.now();
  const filter = cohortFilter(flags, now);
  const cohort = await (await ctx.stores.open()).cohort(filter);
  const { cohortsReport } = await import('../../domain/reports/cohorts.js');
  await print(ctx, cohortsReport(cohort, { period, ...parseWindow(flags, now) }, now), COHORT_COLUMNS, 'cohorts', flags.output);
}

export async function runTallies(ctx: Context, flags: PeriodFlags): Promise<void> {
  const period = parseChoice(flags.period ?? 'week', PERIODS, '--period');
  const { TALLY_GROUPS, costCurrencies, talliesReport } = await import('../../domain/reports/tallies.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, TALLY_GROUPS, '--by group');
  const tallies = await (await ctx.stores.open()).listTallies(parseWindow(flags, ctx.clock.now()));
  const columns = [...(by ? [groupColumn<TallyRow>(by)] : []), ...TALLY_COLUMNS, ...costColumns(costCurrencies(tallies))];
  await print(ctx, talliesReport(tallies, { period, by }), columns, 'tallies', flags.output);
}

export async function runActivity(ctx: Context, flags: PeriodFlags): Promise<void> {
  const period = parseChoice(flags.period ?? 'week', ['day', 'week', 'month'] as const, '--period');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, ACTIVITY_GROUPS, '--by group');
  const filter = cohortFilter(flags, ctx.clock.now());
  const touches = await (await ctx.stores.open()).cohortTouches(filter);
  const { activityReport } = await import('../../domain/reports/activity.js');
  const columns = by ? [groupColumn(by), ...ACTIVITY_COLUMNS] : ACTIVITY_COLUMNS;
  await print(ctx, activityReport(touches, { period, by }), columns, 'activity', flags.output);
}
