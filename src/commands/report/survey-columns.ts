// The columns of `report survey`: per question (bars for distributions in tables, `1:0;2:1` in CSV, objects in
// JSON), and per answer with --outcome (what the respondents bought next).
import type { OutcomeRow } from '../../domain/reports/survey-outcome.js';
import type { SurveyGroup, SurveyReportRow } from '../../domain/reports/survey-report.js';
import type { TopValue } from '../../domain/reports/words.js';
import { sparkBars } from '../../output/bars.js';
import { WHOLE, type Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';

const pairs = (entries: [string, number][]) => entries.map(([k, n]) => `${k}:${n}`);
const topPairs = (top: TopValue[] | null) => (top ? pairs(top.map((t) => [t.value, t.count])) : null);

/** csv/tsv: `1:0;2:1` and `taste:2;price:1`; json: objects; table: bars between a scale's ends, `taste 2, price 1` for choices. */
function valueColumns(format: Format): Column<SurveyReportRow>[] {
  const flat = format === 'csv' || format === 'tsv' || format === 'xlsx';
  return [
    {
      key: 'distribution',
      type: 'json',
      minWidth: WHOLE,
      priority: 2,
      get: (r) => (flat && r.distribution ? pairs(Object.entries(r.distribution)).join(';') : r.distribution),
      show: (_v, r) => {
        if (!r.distribution) return '';
        const keys = Object.keys(r.distribution);
        // Choices have no order for bars to show between two end labels: each is named with its count.
        if (r.type === 'choice') return Object.entries(r.distribution).map(([choice, n]) => `${choice} ${n}`).join(', ');
        return `${keys[0]} ${sparkBars(Object.values(r.distribution))} ${keys[keys.length - 1]}`;
      },
    },
    {
      key: 'top',
      type: 'json',
      priority: 3,
      get: (r) => (flat ? (topPairs(r.top)?.join(';') ?? null) : r.top),
      show: (_v, r) => (r.top ?? []).map((t) => `${t.value} ${t.count}`).join(', '),
    },
  ];
}

export function surveyReportColumns(format: Format, by: SurveyGroup | undefined): Column<SurveyReportRow>[] {
  return [
    ...(by ? [{ key: by, type: 'string' as const, get: (r: SurveyReportRow) => r.group ?? null }] : []),
    { key: 'question', type: 'string' },
    { key: 'type', type: 'string', minWidth: WHOLE, priority: 4 },
    { key: 'responses', type: 'int', priority: 1 },
    { key: 'mean', type: 'number', decimals: 2, priority: 1 },
    { key: 'nps', type: 'number', decimals: 0, priority: 1 },
    ...valueColumns(format),
  ];
}

// Days are fractional in csv/tsv/json and shown with one decimal in tables, as in the other reports.
export const SURVEY_OUTCOME_COLUMNS: Column<OutcomeRow>[] = [
  { key: 'question', type: 'string', minWidth: WHOLE },
  { key: 'answer', type: 'string', minWidth: 12 },
  { key: 'not_linked', type: 'int', priority: 5 },
  { key: 'linked', type: 'int', priority: 1 },
  { key: 'already_customers', type: 'int', priority: 4 },
  { key: 'first_purchases', type: 'int', priority: 2 },
  { key: 'first_rate', type: 'rate', priority: 1 },
  { key: 'second_purchases', type: 'int', priority: 3 },
  { key: 'second_rate', type: 'rate', priority: 2 },
  { key: 'median_days', type: 'number', decimals: 1, priority: 3 },
  { key: 'still_open', type: 'int', priority: 6 },
];
