// The sections of `report html`, from the records the page read: every figure from the same pure report functions
// as `report funnel|sources|cohorts|velocity|referrals|loyalty|survey`, charts drawn by output/charts.ts.
import { showDay } from '../../domain/dates.js';
import type { ProspectFilter } from '../../domain/queries.js';
import type { FunnelRow } from '../../domain/reports/funnel.js';
import type { BarChart } from '../../output/charts.js';
import type { Column } from '../../output/columns.js';
import type { Section } from '../../output/html-page.js';
import { moneyColumns, rowCurrencies } from '../common/money-columns.js';
import { withAnonymous } from './anonymous.js';
import { COHORT_COLUMNS, FUNNEL_COLUMNS, VELOCITY_COLUMNS, sourceColumns } from './columns.js';
import type { Records } from './html-records.js';

type Chart = (c: BarChart) => Promise<string>;

type ReferrerLine = { name: string | null; referrals: number; referred_customers: number; referred_revenue: Record<string, number> };

/** The top referrers' columns: revenue is one column per currency when the referred customers paid in several. */
const referrerColumns = (currencies: readonly string[]): Column<ReferrerLine>[] => [
  { key: 'name', type: 'string' },
  { key: 'referrals', type: 'int' },
  { key: 'referred_customers', type: 'int', label: 'customers' },
  ...moneyColumns<ReferrerLine>({ key: 'referred_revenue', label: 'revenue', get: (r) => r.referred_revenue, none: 0 }, currencies, 'table'),
];

/** The due rows a page lists at most; the rest are counted under the table. */
const DUE_ROWS = 25;

const DUE_PAGE_COLUMNS: Column<{ name: string; reason: string; day: string; note: string | null }>[] = [
  { key: 'day', type: 'string', label: 'due' },
  { key: 'name', type: 'string' },
  { key: 'reason', type: 'string' },
];

const SURVEY_COLUMNS: Column<{ group?: string; question: string; responses: number; nps: number | null; mean: number | null; top: string }>[] = [
  { key: 'group', type: 'string', label: 'segment' },
  { key: 'question', type: 'string' },
  { key: 'responses', type: 'int' },
  { key: 'nps', type: 'number', decimals: 0, label: 'NPS' },
  { key: 'mean', type: 'number', decimals: 2 },
  { key: 'top', type: 'string', label: 'top answers' },
];

const pct = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);

const FUNNEL_INTRO = 'How far prospects got: reached = at or beyond the stage; step = of the stage before; overall = of everyone.';
const ANONYMOUS_INTRO = ' The anonymous rows above the first stage are the counts logged with tally log in this window (people greeted, samples handed out); their overall = the new prospects the same window brought per count.';

/** A funnel bar's note: an anonymous count has no step, only the new prospects per count. */
const funnelNote = (f: FunnelRow): string => (f.current === null
  ? `${f.reached} · new prospects ${pct(f.overall_rate)}`
  : `${f.reached} · step ${pct(f.step_rate)} · overall ${pct(f.overall_rate)}`);

export async function buildSections(r: Records, filter: ProspectFilter, now: Date): Promise<Section[]> {
  const charts = await import('../../output/charts.js');
  const sections = [
    await funnelSection(r, charts.barChartSvg),
    await sourcesSection(r, charts.barChartSvg),
    ...(await timeSections(r, filter, now, charts.barChartSvg)),
    await referrerSection(r),
    await (await import('./html-loyalty.js')).loyaltySection(r.loyalty, charts.barChartSvg),
    dueSection(r),
  ];
  return [...sections, ...(await surveySections(r, now))];
}

/** The funnel under the window's anonymous counts, as `report funnel` has them, with its chart. */
async function funnelSection(r: Records, chart: Chart): Promise<Section> {
  const { funnelReport } = await import('../../domain/reports/funnel.js');
  const funnel = await withAnonymous(funnelReport(r.cohort), r.tallies);
  return {
    id: 'funnel', title: 'Funnel', intro: FUNNEL_INTRO + (r.tallies.length ? ANONYMOUS_INTRO : ''),
    chart: await chart({
      title: 'Funnel: prospects reaching each stage', direction: 'horizontal', valueLabel: 'prospects',
      // "anon. greeting": the table's "anonymous greeting", short enough for a phone's label room.
      items: funnel.map((f) => ({ label: f.stage.replace(/^anonymous /, 'anon. '), value: f.reached, note: funnelNote(f) })),
    }),
    columns: FUNNEL_COLUMNS, rows: funnel,
  };
}

async function sourcesSection(r: Records, chart: Chart): Promise<Section> {
  const { sourcesReport } = await import('../../domain/reports/sources.js');
  const sources = sourcesReport(r.cohort, r.touchesBefore);
  return {
    id: 'sources', title: 'Sources', intro: 'Prospects per source (light) and how many became customers (dark).',
    chart: await chart({
      title: 'Sources: prospects and customers', direction: 'horizontal', valueLabel: 'prospects',
      items: sources.map((s) => ({ label: s.source ?? '(none)', value: s.prospects, inner: s.customers, note: `${s.customers} of ${s.prospects} · ${pct(s.conversion_rate)}` })),
    }),
    columns: sourceColumns(rowCurrencies(sources, (s) => s.revenue), 'table'), rows: sources, empty: 'No prospects in this window.',
  };
}

/** Cohorts by month of the page's window and the velocity of its steps, each with a chart when it has rows. */
async function timeSections(r: Records, filter: ProspectFilter, now: Date, chart: Chart): Promise<Section[]> {
  const [{ cohortsReport }, { velocityReport }] = await Promise.all([import('../../domain/reports/cohorts.js'), import('../../domain/reports/velocity.js')]);
  const cohorts = cohortsReport(r.cohort, { period: 'month', since: filter.createdSince, until: filter.createdUntil }, now);
  const velocity = velocityReport(r.cohort);
  return [
    {
      id: 'cohorts', title: 'Cohorts by month', intro: 'Prospects by month of creation (light) and those of them who bought (dark).',
      chart: cohorts.length ? await chart({
        title: 'Cohorts by month', direction: 'vertical', valueLabel: 'prospects',
        items: cohorts.map((c) => ({ label: c.cohort, value: c.prospects, inner: c.customers })),
      }) : undefined,
      columns: COHORT_COLUMNS, rows: cohorts, empty: 'No prospects in this window.',
    },
    {
      id: 'velocity', title: 'Velocity', intro: 'Median days for each step prospects took.',
      chart: velocity.length ? await chart({
        title: 'Velocity: median days per step', direction: 'horizontal', valueLabel: 'median days',
        items: velocity.map((v) => ({ label: `${v.from} → ${v.to}`, value: v.median_days ?? 0, note: v.median_days === null ? '–' : `${v.median_days.toFixed(1)} d` })),
      }) : undefined,
      columns: VELOCITY_COLUMNS, rows: velocity, empty: 'No stage changes in this window.',
    },
  ];
}

/** The ten top referrers who may be named (contactable, with a name). */
async function referrerSection(r: Records): Promise<Section> {
  const { referralsReport } = await import('../../domain/reports/referrals.js');
  const names = new Map([...r.referrers].map(([id, x]) => [id, x.name]));
  const referrers = referralsReport(r.cohort, names).filter((row) => r.referrers.get(row.id)?.contactable && row.name !== null).slice(0, 10);
  return { id: 'referrers', title: 'Top referrers', columns: referrerColumns(rowCurrencies(referrers, (x) => x.referred_revenue)), rows: referrers, empty: 'No referrals yet.' };
}

/** A page, not the list: the 25 most pressing (due's own order), and how many more `precrm due --within 7d` has. */
function dueSection(r: Records): Section {
  const due = r.due.slice(0, DUE_ROWS).map((d) => ({ name: d.prospect.name ?? '', reason: d.reason, day: showDay(d.dueAt), note: null }));
  const more = r.due.length > DUE_ROWS ? `and ${r.due.length - DUE_ROWS} more (precrm due --within 7d)` : undefined;
  return { id: 'due', title: 'Due this week', intro: 'Follow-ups and cadences falling due in the next 7 days (contact details stay in precrm).', columns: DUE_PAGE_COLUMNS, rows: due, empty: 'Nothing due this week.', more };
}

/** Per answered survey: NPS and top answers by segment, then what each answer led to. */
async function surveySections(r: Records, now: Date): Promise<Section[]> {
  const { surveyReport } = await import('../../domain/reports/survey-report.js');
  const { outcomeSection } = await import('./html-outcome.js');
  const sections: Section[] = [];
  for (const { survey, responses } of r.surveys) {
    const rows = surveyReport(survey, responses, [], { by: 'segment' })
      .filter((row) => row.responses > 0 && (row.type === 'nps' || row.type === 'choice' || row.type === 'scale'))
      .map((row) => ({ ...row, top: (row.top ?? []).slice(0, 3).map((t) => `${t.value} ${t.count}`).join(', ') }));
    if (rows.length) sections.push({ id: `survey-${survey.id}`, title: `Survey: ${survey.name}`, intro: 'NPS and the most frequent answers, by segment (anonymous, prospect, customer).', columns: SURVEY_COLUMNS, rows });
    const outcome = outcomeSection(survey, responses, r.respondentPurchases, now);
    if (outcome) sections.push(outcome);
  }
  return sections;
}
