// The columns of every report, declared once and used for table, CSV, TSV and JSON (names from SPEC §3).
import type { ActivityRow } from '../domain/reports/activity.js';
import type { CohortRow } from '../domain/reports/cohorts.js';
import type { FunnelRow } from '../domain/reports/funnel.js';
import type { ReferralRow } from '../domain/reports/referrals.js';
import type { SourceRow } from '../domain/reports/sources.js';
import type { TouchRow } from '../domain/reports/touches.js';
import type { VelocityRow } from '../domain/reports/velocity.js';
import type { Column } from '../output/columns.js';
import { sanitizeForTerminal } from '../output/text.js';

/** Tables say "(none)" for a missing group; CSV leaves the cell empty and JSON prints null. */
const noneInTable = (v: unknown): string => (v === null || v === undefined ? '(none)' : sanitizeForTerminal(String(v)));

/** The `--by` column, first in the row, named after the grouping (source, owner, tag, month, type, staff). */
export function groupColumn<R extends { group?: string | null }>(name: string): Column<R> {
  return { key: name, type: 'string', get: (r) => r.group ?? null, show: noneInTable };
}

// Days are fractional in csv/tsv/json (up to 6 decimals) and shown with one decimal in tables.
export const FUNNEL_COLUMNS: Column<FunnelRow>[] = [
  { key: 'stage', type: 'string' },
  { key: 'reached', type: 'int' },
  { key: 'current', type: 'int' },
  { key: 'lost', type: 'int' },
  { key: 'step_rate', type: 'rate' },
  { key: 'overall_rate', type: 'rate' },
  { key: 'median_days', type: 'number', decimals: 1 },
];

export const SOURCE_COLUMNS: Column<SourceRow>[] = [
  { key: 'source', type: 'string', show: noneInTable },
  { key: 'prospects', type: 'int' },
  { key: 'customers', type: 'int' },
  { key: 'conversion_rate', type: 'rate' },
  { key: 'median_days_to_convert', type: 'number', decimals: 1 },
  { key: 'avg_touches_before_conversion', type: 'number', decimals: 1 },
  { key: 'revenue', type: 'number', decimals: 2 },
];

export const TOUCH_COLUMNS: Column<TouchRow>[] = [
  { key: 'type', type: 'string' },
  { key: 'touches', type: 'int' },
  { key: 'prospects', type: 'int' },
  { key: 'conversion_rate', type: 'rate' },
  { key: 'first_touch_conversions', type: 'int' },
  { key: 'last_touch_conversions', type: 'int' },
];

export const VELOCITY_COLUMNS: Column<VelocityRow>[] = [
  { key: 'from', type: 'string' },
  { key: 'to', type: 'string' },
  { key: 'count', type: 'int' },
  { key: 'median_days', type: 'number', decimals: 1 },
  { key: 'p90_days', type: 'number', decimals: 1 },
];

export const COHORT_COLUMNS: Column<CohortRow>[] = [
  { key: 'cohort', type: 'string' },
  { key: 'prospects', type: 'int' },
  { key: 'customers', type: 'int' },
  { key: 'conversion_rate', type: 'rate' },
  { key: 'median_days_to_convert', type: 'number', decimals: 1 },
];

export const REFERRAL_COLUMNS: Column<ReferralRow>[] = [
  { key: 'id', type: 'int' },
  { key: 'name', type: 'string' },
  { key: 'referrals', type: 'int' },
  { key: 'referred_customers', type: 'int' },
  { key: 'referred_revenue', type: 'number', decimals: 2 },
];

export const ACTIVITY_COLUMNS: Column<ActivityRow>[] = [
  { key: 'period', type: 'string' },
  { key: 'touches', type: 'int' },
  { key: 'prospects', type: 'int' },
];
