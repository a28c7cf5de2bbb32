// The columns of every report, declared once and used for table, CSV, TSV and JSON (names from docs/CONTRACT.md §3).
import type { ActivityRow } from '../../domain/reports/activity.js';
import type { CohortRow } from '../../domain/reports/cohorts.js';
import type { FunnelRow } from '../../domain/reports/funnel.js';
import type { ReferralRow } from '../../domain/reports/referrals.js';
import type { SourceRow } from '../../domain/reports/sources.js';
import type { TallyRow } from '../../domain/reports/tallies.js';
import type { MoneyFigures } from '../../domain/reports/cost.js';
import type { TouchRow } from '../../domain/reports/touches.js';
import type { VelocityRow } from '../../domain/reports/velocity.js';
import { WHOLE, type Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { sanitizeForTerminal } from '../../output/text.js';
import { moneyColumns } from '../common/money-columns.js';

/** Tables say "(none)" for a missing group; CSV leaves the cell empty and JSON prints null. */
const noneInTable = (v: unknown): string => (v === null || v === undefined ? '(none)' : sanitizeForTerminal(String(v)));

/** The `--by` column, first in the row, named after the grouping (source, owner, tag, month, type, staff). */
export function groupColumn<R extends { group?: string | null }>(name: string): Column<R> {
  return { key: name, type: 'string', get: (r) => r.group ?? null, show: noneInTable, minWidth: 12 };
}

// Days are fractional in csv/tsv/json (up to 6 decimals) and shown with one decimal in tables.
// priority: on a narrow terminal the highest numbers are left out first; the first column always stays.
export const FUNNEL_COLUMNS: Column<FunnelRow>[] = [
  { key: 'stage', type: 'string', minWidth: WHOLE },
  { key: 'reached', type: 'int', priority: 1 },
  { key: 'current', type: 'int', priority: 4 },
  { key: 'lost', type: 'int', priority: 5 },
  { key: 'step_rate', type: 'rate', priority: 2 },
  { key: 'overall_rate', type: 'rate', priority: 2 },
  { key: 'median_days', type: 'number', decimals: 1, priority: 6 },
];

const SOURCE_COUNTS: Column<SourceRow>[] = [
  { key: 'source', type: 'string', show: noneInTable, minWidth: 12 },
  { key: 'prospects', type: 'int', priority: 1 },
  { key: 'customers', type: 'int', priority: 1 },
  { key: 'conversion_rate', type: 'rate', priority: 2 },
  { key: 'median_days_to_convert', type: 'number', decimals: 1, priority: 4 },
  { key: 'avg_touches_before_conversion', type: 'number', decimals: 1, priority: 5 },
];

/** Cost and revenue per unit of cost, after revenue: only in a report whose data has costs (see costColumns' callers). */
function costAndYield<R extends MoneyFigures>(currencies: readonly string[], format: Format): Column<R>[] {
  return [
    ...moneyColumns<R>({ key: 'cost', get: (r) => r.cost, none: 0, priority: 3 }, currencies, format),
    ...moneyColumns<R>({ key: 'revenue_per_cost', label: 'revenue/cost', get: (r) => r.revenue_per_cost, none: null, priority: 3 }, currencies, format),
  ];
}

/**
 * `report sources`' columns: the counts, then revenue in the report's `currencies` (see money-columns.ts), and
 * with `costs` (a touch of the cohort has a cost) the cost and revenue per unit of cost.
 */
export const sourceColumns = (currencies: readonly string[], format: Format, costs = false): Column<SourceRow>[] => [
  ...SOURCE_COUNTS,
  ...moneyColumns<SourceRow>({ key: 'revenue', get: (r) => r.revenue, none: 0 }, currencies, format),
  ...(costs ? costAndYield<SourceRow>(currencies, format) : []),
];

const TOUCH_COUNTS: Column<TouchRow>[] = [
  { key: 'type', type: 'string', minWidth: WHOLE },
  { key: 'touches', type: 'int', priority: 1 },
  { key: 'prospects', type: 'int', priority: 2 },
  { key: 'conversion_rate', type: 'rate', priority: 3 },
  { key: 'first_touch_conversions', type: 'int', priority: 4 },
  { key: 'last_touch_conversions', type: 'int', priority: 4 },
];

/** `report touches`' columns: the counts, and with `costs` (a touch or tally has a cost) revenue, cost and their ratio. */
export const touchColumns = (currencies: readonly string[], format: Format, costs = false): Column<TouchRow>[] => [
  ...TOUCH_COUNTS,
  ...(costs ? [...moneyColumns<TouchRow>({ key: 'revenue', get: (r) => r.revenue, none: 0 }, currencies, format), ...costAndYield<TouchRow>(currencies, format)] : []),
];

export const VELOCITY_COLUMNS: Column<VelocityRow>[] = [
  { key: 'from', type: 'string', minWidth: WHOLE },
  { key: 'to', type: 'string', minWidth: WHOLE },
  { key: 'count', type: 'int', priority: 1 },
  { key: 'median_days', type: 'number', decimals: 1, priority: 2 },
  { key: 'p90_days', type: 'number', decimals: 1, priority: 3 },
];

export const COHORT_COLUMNS: Column<CohortRow>[] = [
  { key: 'cohort', type: 'string', minWidth: WHOLE },
  { key: 'prospects', type: 'int', priority: 1 },
  { key: 'customers', type: 'int', priority: 1 },
  { key: 'conversion_rate', type: 'rate', priority: 2 },
  { key: 'median_days_to_convert', type: 'number', decimals: 1, priority: 3 },
];

const REFERRAL_COUNTS: Column<ReferralRow>[] = [
  { key: 'id', type: 'int', priority: 4 },
  { key: 'name', type: 'string', minWidth: 12 },
  { key: 'referrals', type: 'int', priority: 1 },
  { key: 'referred_customers', type: 'int', priority: 2 },
];

export const referralColumns = (currencies: readonly string[], format: Format): Column<ReferralRow>[] => [
  ...REFERRAL_COUNTS,
  ...moneyColumns<ReferralRow>({ key: 'referred_revenue', get: (r) => r.referred_revenue, none: 0 }, currencies, format),
];

export const ACTIVITY_COLUMNS: Column<ActivityRow>[] = [
  { key: 'period', type: 'string', minWidth: WHOLE },
  { key: 'touches', type: 'int', priority: 1 },
  { key: 'prospects', type: 'int', priority: 2 },
];

export const TALLY_COLUMNS: Column<TallyRow>[] = [
  { key: 'period', type: 'string', minWidth: WHOLE },
  { key: 'count', type: 'int', priority: 1 },
  { key: 'tallies', type: 'int', priority: 2 },
];

/** One cost column per currency (`cost_INR`), never one sum across currencies. */
export const costColumns = (currencies: readonly string[]): Column<TallyRow>[] =>
  currencies.map((c) => ({ key: `cost_${c}`, type: 'number', get: (r) => r.cost[c] ?? 0, priority: 3 }));
