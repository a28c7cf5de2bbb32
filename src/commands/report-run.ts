// Runs a report: parse the query, read the store once, compute rows in the domain, render them in any format.
import type { Context } from '../context.js';
import { usageError } from '../domain/errors.js';
import { ACTIVITY_GROUPS } from '../domain/reports/activity.js';
import type { CohortQuery } from '../domain/reports/cohort-filter.js';
import { PROSPECT_GROUPS } from '../domain/reports/groups.js';
import type { FunnelRow } from '../domain/reports/funnel.js';
import type { StoreDoc } from '../domain/types.js';
import { bar } from '../output/bars.js';
import type { Column } from '../output/columns.js';
import { parseChoice, parseDayWindow } from './options.js';
import { emitRows, fileFormat } from './rows-out.js';
import {
  ACTIVITY_COLUMNS, COHORT_COLUMNS, FUNNEL_COLUMNS, REFERRAL_COLUMNS, SOURCE_COLUMNS, TOUCH_COLUMNS, VELOCITY_COLUMNS, groupColumn,
} from './report-columns.js';

export interface CohortFlags { since?: string; until?: string; source?: string; owner?: string; tag?: string[]; output?: string }
export interface FunnelFlags extends CohortFlags { by?: string }
export interface PeriodFlags extends CohortFlags { period?: string; by?: string }

/** Width of the funnel bar at 100% of the cohort; on a narrow terminal it shrinks down to 6 cells. */
const BAR_WIDTH = 24;

/** Turns the shared filter flags into a cohort query: whole local days, since ≤ until. */
export function cohortQuery(flags: CohortFlags, now: Date): CohortQuery {
  const { since, until } = parseDayWindow(flags, now);
  if (since && until && since > until) throw usageError(`--since ${flags.since} is after --until ${flags.until} (the window would be empty)`);
  return {
    since,
    until,
    source: flags.source,
    owner: flags.owner,
    tags: flags.tag,
  };
}

async function print<R>(ctx: Context, rows: readonly R[], columns: readonly Column<R>[], sheet: string, output: string | undefined): Promise<void> {
  const format = fileFormat(ctx.format, output);
  const wrote = await emitRows(ctx, rows, columns, { format, output, sheet });
  if (wrote) ctx.info(`wrote ${rows.length} row(s) to ${output}`);
  // An empty report is a success; say why the table is empty, on stderr so pipes see only the header.
  else if (rows.length === 0 && format === 'table') ctx.info('no data for this cohort yet (try a wider --since/--until or fewer filters)');
}

export async function runFunnel(ctx: Context, flags: FunnelFlags): Promise<void> {
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, PROSPECT_GROUPS, '--by group');
  const query = { ...cohortQuery(flags, ctx.now()), by };
  const doc = await ctx.documentStore.read();
  const { funnelReport } = await import('../domain/reports/funnel.js');
  const rows = funnelReport(doc.prospects, query);
  const columns: Column<FunnelRow>[] = by ? [groupColumn<FunnelRow>(by), ...FUNNEL_COLUMNS] : [...FUNNEL_COLUMNS];
  // The bar is for eyes only: a terminal table gets it, pipes and files get the plain columns.
  if (ctx.format === 'table' && ctx.stdoutIsTTY && flags.output === undefined) {
    columns.push({
      key: 'bar', label: '', type: 'string', get: (r) => r.overall_rate, priority: 3, minWidth: 6, maxWidth: BAR_WIDTH,
      fill: (v, _r, width) => ctx.color.cyan(bar(v as number | null, width)),
    });
  }
  await print(ctx, rows, columns, 'funnel', flags.output);
}

type SimpleReport = 'sources' | 'touches' | 'velocity' | 'referrals';

async function simpleRows(name: SimpleReport, doc: StoreDoc, query: CohortQuery): Promise<[unknown[], Column<any>[]]> {
  switch (name) {
    case 'sources': return [(await import('../domain/reports/sources.js')).sourcesReport(doc.prospects, doc.touches, query), SOURCE_COLUMNS];
    case 'touches': return [(await import('../domain/reports/touches.js')).touchesReport(doc.prospects, doc.touches, query), TOUCH_COLUMNS];
    case 'velocity': return [(await import('../domain/reports/velocity.js')).velocityReport(doc.prospects, query), VELOCITY_COLUMNS];
    default: return [(await import('../domain/reports/referrals.js')).referralsReport(doc.prospects, query), REFERRAL_COLUMNS];
  }
}

/** Reports that take only the cohort filters. */
export async function runSimpleReport(ctx: Context, name: SimpleReport, flags: CohortFlags): Promise<void> {
  const query = cohortQuery(flags, ctx.now());
  const doc = await ctx.documentStore.read();
  const [rows, columns] = await simpleRows(name, doc, query);
  await print(ctx, rows, columns, name, flags.output);
}

export async function runCohorts(ctx: Context, flags: PeriodFlags): Promise<void> {
  const period = parseChoice(flags.period ?? 'month', ['week', 'month'] as const, '--period');
  const now = ctx.now();
  const query = { ...cohortQuery(flags, now), period };
  const doc = await ctx.documentStore.read();
  const { cohortsReport } = await import('../domain/reports/cohorts.js');
  await print(ctx, cohortsReport(doc.prospects, query, now), COHORT_COLUMNS, 'cohorts', flags.output);
}

export async function runActivity(ctx: Context, flags: PeriodFlags): Promise<void> {
  const period = parseChoice(flags.period ?? 'week', ['day', 'week', 'month'] as const, '--period');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, ACTIVITY_GROUPS, '--by group');
  const query = { ...cohortQuery(flags, ctx.now()), period, by };
  const doc = await ctx.documentStore.read();
  const { activityReport } = await import('../domain/reports/activity.js');
  const columns = by ? [groupColumn(by), ...ACTIVITY_COLUMNS] : ACTIVITY_COLUMNS;
  await print(ctx, activityReport(doc.prospects, doc.touches, query), columns, 'activity', flags.output);
}
