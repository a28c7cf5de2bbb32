// The columns of `report loyalty` (and its HTML section): revenue per customer is one column per currency in
// tables, CSV and spreadsheets, and one object keyed by currency in JSON, never a sum across currencies. Tables
// head their columns with shorter labels (the averages are per customer) so they fit a terminal more often.
import type { LoyaltyRow } from '../../domain/reports/loyalty.js';
import type { Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { groupColumn } from './columns.js';

const COUNTS: Column<LoyaltyRow>[] = [
  { key: 'customers', type: 'int', priority: 1 },
  { key: 'repeat_customers', type: 'int', label: 'repeat', priority: 5 },
  { key: 'repeat_rate', type: 'rate', label: 'repeat_rate', priority: 1 },
  { key: 'median_days_to_second', type: 'number', decimals: 1, label: 'days_to_2nd', priority: 2 },
  { key: 'purchases_per_customer', type: 'number', decimals: 2, label: 'purchases/customer', priority: 4 },
];

const ACTIVE: Column<LoyaltyRow> = { key: 'active_share', type: 'rate', label: 'active', priority: 2 };

/** `revenue_per_customer_EUR` (a table says `EUR/customer`), one per currency of the report, in its order. */
const revenueColumns = (currencies: readonly string[]): Column<LoyaltyRow>[] => currencies.map((c) => ({
  key: `revenue_per_customer_${c}`, label: `${c}/customer`, type: 'number', decimals: 2, get: (r) => r.revenue_per_customer[c] ?? 0, priority: 3,
}));

const REVENUE_OBJECT: Column<LoyaltyRow> = { key: 'revenue_per_customer', type: 'json' };

/** The columns for a format; `by` names the group column (`first-touch` is written `first_touch`). */
export function loyaltyColumns(format: Format, by: string | undefined, currencies: readonly string[]): Column<LoyaltyRow>[] {
  const group = by === undefined ? [] : [groupColumn<LoyaltyRow>(by.replace('-', '_'))];
  const money = format === 'json' ? [REVENUE_OBJECT] : revenueColumns(currencies);
  return [...group, ...COUNTS, ...money, ACTIVE];
}
