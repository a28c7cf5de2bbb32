// The loyalty section of `report html`: `report loyalty --by sampled` for the page's window (by first purchase),
// as a chart of customers and those who came back, the report's table and its one-line reading.
import type { LoyaltyReport, LoyaltyRow } from '../../domain/reports/loyalty.js';
import { loyaltyReading } from '../../domain/reports/loyalty-reading.js';
import type { BarChart } from '../../output/charts.js';
import type { Column } from '../../output/columns.js';
import type { Section } from '../../output/html-page.js';
import { loyaltyColumns } from './loyalty-columns.js';

const LABELS: Record<string, string> = { yes: 'sampled first', no: 'not sampled' };

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

/** The report's table columns, headed in words (`repeat rate`) and with the groups named as in the chart. */
function pageColumns(currencies: readonly string[]): Column<LoyaltyRow>[] {
  return loyaltyColumns('table', 'sampled', currencies).map((c, i) => ({
    ...c, label: (c.label ?? c.key).replace(/_/g, ' '), ...(i === 0 ? { get: (r: LoyaltyRow) => LABELS[r.group ?? ''] ?? r.group } : {}),
  }));
}

/** The section; `chart` draws a bar chart (output/charts.ts barChartSvg), passed in so the library loads once. */
export async function loyaltySection(report: LoyaltyReport, chart: (c: BarChart) => Promise<string>): Promise<Section> {
  const { rows, currencies } = report;
  return {
    id: 'loyalty',
    title: 'Loyalty: does a taste before buying bring customers back?',
    intro: 'Customers whose first purchase falls in the window, by whether they had a sample or tasting before it: all of them (light) and those who came back for a second purchase (dark).',
    chart: rows.length ? await chart({
      title: 'Loyalty: customers and repeat customers, sampled first or not', direction: 'horizontal', valueLabel: 'customers',
      items: rows.map((r) => ({
        label: LABELS[r.group ?? ''] ?? String(r.group), value: r.customers, inner: r.repeat_customers,
        note: `${r.repeat_customers} of ${r.customers} came back · ${pct(r.repeat_rate)}`,
      })),
    }) : undefined,
    columns: pageColumns(currencies),
    rows,
    empty: 'No customers in this window yet.',
    more: loyaltyReading(rows, 'sampled') ?? undefined,
  };
}
