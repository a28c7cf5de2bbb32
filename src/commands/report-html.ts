// `precrm report html`: one self-contained page with the funnel, sources, cohorts, velocity, referrers, the week's
// follow-ups and survey results. Every figure comes from the same pure report functions as `report funnel|sources|
// cohorts|velocity|referrals`, so the page cannot disagree with the CSV. Only names are shown, never contact
// details, and nothing of a do-not-contact or forgotten prospect. The charting library loads only here.
import type { Context } from '../context.js';
import { localDay, showDay } from '../domain/dates.js';
import { mayContact } from '../domain/queries.js';
import type { CohortQuery } from '../domain/reports/cohort-filter.js';
import type { Prospect, Survey, SurveyResponse, Touch } from '../domain/types.js';
import type { Column } from '../output/columns.js';
import type { Section } from '../output/html-page.js';
import { cohortQuery, type CohortFlags } from './report-run.js';
import { COHORT_COLUMNS, FUNNEL_COLUMNS, SOURCE_COLUMNS, VELOCITY_COLUMNS } from './report-columns.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT, PrecrmError } from '../domain/errors.js';

export interface HtmlFlags extends CohortFlags { out?: string; title?: string }

interface Records { prospects: Prospect[]; touches: Touch[]; surveys: Survey[]; responses: SurveyResponse[] }

/** Everything the page reads: the one place it touches the store (the query interface can serve it). */
async function selectRecords(ctx: Context): Promise<Records> {
  const doc = await ctx.documentStore.read();
  return { prospects: doc.prospects, touches: doc.touches, surveys: doc.surveys, responses: doc.responses };
}

const REFERRER_COLUMNS: Column<{ name: string; referrals: number; referred_customers: number; referred_revenue: number }>[] = [
  { key: 'name', type: 'string' },
  { key: 'referrals', type: 'int' },
  { key: 'referred_customers', type: 'int', label: 'customers' },
  { key: 'referred_revenue', type: 'number', decimals: 2, label: 'revenue' },
];

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

export async function runHtmlReport(ctx: Context, flags: HtmlFlags): Promise<void> {
  const now = ctx.now();
  const query = cohortQuery(flags, now);
  const records = await selectRecords(ctx);
  const sections = await buildSections(records, query, now);
  const { renderPage } = await import('../output/html-page.js');
  const window = [flags.since && `from ${localDay(new Date(query.since!))}`, flags.until && `to ${localDay(new Date(query.until!))}`].filter(Boolean).join(' ');
  const html = renderPage({
    title: flags.title ?? 'precrm report',
    subtitle: `Prospects created ${window || 'at any time'} · made ${localDay(now)} · names only, no contact details`,
    sections,
  });
  if (flags.out) {
    await writeReport(ctx, flags.out, html);
    ctx.info(`wrote ${flags.out}`);
  } else ctx.out(html);
}

/** The page holds names: mode 0600, as export -o writes its files. */
async function writeReport(ctx: Context, out: string, html: string): Promise<void> {
  try {
    await writeFile(resolve(ctx.world.cwd, out), html, { mode: 0o600 });
  } catch (err) {
    throw new PrecrmError(`cannot write ${out} (${(err as NodeJS.ErrnoException).code ?? String(err)}); check the folder and its permissions`, EXIT.cantCreate);
  }
}

async function buildSections(r: Records, query: CohortQuery, now: Date): Promise<Section[]> {
  const [{ funnelReport }, { sourcesReport }, { cohortsReport }, { velocityReport }, { referralsReport }, { dueList }, { surveyReport }, charts] = await Promise.all([
    import('../domain/reports/funnel.js'), import('../domain/reports/sources.js'), import('../domain/reports/cohorts.js'),
    import('../domain/reports/velocity.js'), import('../domain/reports/referrals.js'), import('../domain/due.js'),
    import('../domain/reports/survey-report.js'), import('../output/charts.js'),
  ]);
  const funnel = funnelReport(r.prospects, query);
  const sources = sourcesReport(r.prospects, r.touches, query);
  const cohorts = cohortsReport(r.prospects, { ...query, period: 'month' }, now);
  const velocity = velocityReport(r.prospects, query);
  const contactable = new Set(r.prospects.filter(mayContact).map((p) => p.id));
  const referrers = referralsReport(r.prospects, query).filter((row) => contactable.has(row.id) && row.name !== null).slice(0, 10);
  const due = dueList(r.prospects.filter(mayContact), r.touches, now, 7)
    .map((d) => ({ name: d.prospect.name ?? '', reason: d.reason, day: showDay(d.dueAt), note: null }));
  const sections: Section[] = [
    {
      id: 'funnel', title: 'Funnel', intro: 'How far prospects got: reached = at or beyond the stage; step = of the stage before; overall = of everyone.',
      chart: await charts.barChartSvg({
        title: 'Funnel: prospects reaching each stage', direction: 'horizontal', valueLabel: 'prospects',
        items: funnel.map((f) => ({ label: f.stage, value: f.reached, note: `${f.reached} · step ${pct(f.step_rate)} · overall ${pct(f.overall_rate)}` })),
      }),
      columns: FUNNEL_COLUMNS, rows: funnel,
    },
    {
      id: 'sources', title: 'Sources', intro: 'Prospects per source (light) and how many became customers (dark).',
      chart: await charts.barChartSvg({
        title: 'Sources: prospects and customers', direction: 'horizontal', valueLabel: 'prospects',
        items: sources.map((s) => ({ label: s.source ?? '(none)', value: s.prospects, inner: s.customers, note: `${s.customers} of ${s.prospects} · ${pct(s.conversion_rate)}` })),
      }),
      columns: SOURCE_COLUMNS, rows: sources, empty: 'No prospects in this window.',
    },
    {
      id: 'cohorts', title: 'Cohorts by month', intro: 'Prospects by month of creation (light) and those of them who bought (dark).',
      chart: cohorts.length ? await charts.barChartSvg({
        title: 'Cohorts by month', direction: 'vertical', valueLabel: 'prospects',
        items: cohorts.map((c) => ({ label: c.cohort, value: c.prospects, inner: c.customers })),
      }) : undefined,
      columns: COHORT_COLUMNS, rows: cohorts, empty: 'No prospects in this window.',
    },
    {
      id: 'velocity', title: 'Velocity', intro: 'Median days for each step prospects took.',
      chart: velocity.length ? await charts.barChartSvg({
        title: 'Velocity: median days per step', direction: 'horizontal', valueLabel: 'median days',
        items: velocity.map((v) => ({ label: `${v.from} → ${v.to}`, value: v.median_days ?? 0, note: v.median_days === null ? '–' : `${v.median_days.toFixed(1)} d` })),
      }) : undefined,
      columns: VELOCITY_COLUMNS, rows: velocity, empty: 'No stage changes in this window.',
    },
    { id: 'referrers', title: 'Top referrers', columns: REFERRER_COLUMNS, rows: referrers, empty: 'No referrals yet.' },
    { id: 'due', title: 'Due this week', intro: 'Follow-ups and cadences falling due in the next 7 days (contact details stay in precrm).', columns: DUE_PAGE_COLUMNS, rows: due, empty: 'Nothing due this week.' },
  ];
  for (const survey of r.surveys) {
    const rows = surveyReport(survey, r.responses, r.prospects, { by: 'segment' })
      .filter((row) => row.responses > 0 && (row.type === 'nps' || row.type === 'choice' || row.type === 'scale'))
      .map((row) => ({ ...row, top: (row.top ?? []).slice(0, 3).map((t) => `${t.value} ${t.count}`).join(', ') }));
    if (rows.length) sections.push({ id: `survey-${survey.id}`, title: `Survey: ${survey.name}`, intro: 'NPS and the most frequent answers, by segment (anonymous, prospect, customer).', columns: SURVEY_COLUMNS, rows });
  }
  return sections;
}
