// `precrm report html`: one self-contained page with the funnel, sources, cohorts, velocity, referrers, loyalty, the
// week's follow-ups and survey results. Every figure comes from the same pure report functions as `report funnel|
// sources|cohorts|velocity|referrals|loyalty`, so the page cannot disagree with the CSV. Only names are shown, never contact
// details, and nothing of a do-not-contact or forgotten prospect. The charting library loads only here.
import type { Context } from '../../context/context.js';
import { localDay, showDay } from '../../domain/dates.js';
import { dueHorizon, type DueRow } from '../../domain/due.js';
import { mayContact, type CohortMember, type ProspectFilter } from '../../domain/queries.js';
import type { FunnelRow } from '../../domain/reports/funnel.js';
import type { LoyaltyReport } from '../../domain/reports/loyalty.js';
import type { Purchase, Survey, SurveyResponse, Tally } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import type { Section } from '../../output/html-page.js';
import { cohortFilter, funnelTallies, type CohortFlags } from './report-run.js';
import type { Store } from '../../store/store.js';
import { moneyColumns, rowCurrencies } from '../common/money-columns.js';
import { COHORT_COLUMNS, FUNNEL_COLUMNS, VELOCITY_COLUMNS, sourceColumns } from './report-columns.js';

export interface HtmlFlags extends CohortFlags { out?: string; title?: string }

interface Records {
  cohort: CohortMember[];
  /** Touches up to each conversion of the cohort (for sources). */
  touchesBefore: Map<number, number>;
  /** The cohort's referrers: name, and whether they may be named (contactable). */
  referrers: Map<number, { name: string | null; contactable: boolean }>;
  due: DueRow[];
  surveys: { survey: Survey; responses: SurveyResponse[] }[];
  /** `report loyalty --by sampled` of the page's window (read as first purchases) and filters. */
  loyalty: LoyaltyReport;
  /** Every purchase of the surveys' linked respondents (the outcome sections). */
  respondentPurchases: Purchase[];
  /** The tallies of the page's window, counted above the funnel's first stage as `report funnel` does. */
  tallies: Tally[];
}

/** Everything the page reads, as targeted store queries: the one place it touches the store. */
async function selectRecords(store: Store, filter: ProspectFilter, now: Date, loyalty: () => Promise<LoyaltyReport>, flags: HtmlFlags): Promise<Records> {
  const [{ conversionInstants }, { dueList }] = await Promise.all([import('../../domain/reports/journey.js'), import('../../domain/due.js')]);
  const cohort = await store.cohort(filter);
  const referrerIds = [...new Set(cohort.flatMap((p) => (p.referredBy === null ? [] : [p.referredBy])))];
  const [touchesBefore, referrers, dueCandidates, surveys] = await Promise.all([
    store.countTouchesUpTo(conversionInstants(cohort)), store.getProspects(referrerIds), store.dueCandidates({}, dueHorizon(now, 7)), store.surveys(),
  ]);
  const answered = await Promise.all(surveys.map(async (survey) => ({ survey, responses: await store.listResponses({ survey: survey.name }) })));
  const respondents = [...new Set(answered.flatMap((a) => a.responses.flatMap((x) => (x.prospectId === null ? [] : [x.prospectId]))))];
  return {
    cohort,
    touchesBefore,
    referrers: new Map(referrers.map((p) => [p.id, { name: p.name, contactable: mayContact(p) }])),
    due: dueList(dueCandidates, now, 7),
    surveys: answered,
    respondentPurchases: await store.purchasesOf(respondents),
    loyalty: await loyalty(),
    tallies: await funnelTallies(store, flags, now),
  };
}

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

/** The funnel's stages under the anonymous counts of the window (none without tallies), as `report funnel` has them. */
async function withAnonymous(stages: FunnelRow[], tallies: readonly Tally[]): Promise<FunnelRow[]> {
  if (tallies.length === 0) return stages;
  const { anonymousFunnelRows } = await import('../../domain/reports/tallies.js');
  return [...anonymousFunnelRows(tallies, stages[0]?.reached ?? 0), ...stages] as FunnelRow[];
}

/** A funnel bar's note: an anonymous count has no step, only the new prospects per count. */
const funnelNote = (f: FunnelRow): string => (f.current === null
  ? `${f.reached} · new prospects ${pct(f.overall_rate)}`
  : `${f.reached} · step ${pct(f.step_rate)} · overall ${pct(f.overall_rate)}`);

export async function runHtmlReport(ctx: Context, flags: HtmlFlags): Promise<void> {
  const now = ctx.clock.now();
  const filter = cohortFilter(flags, now);
  // Checked before any work: never onto the store or its own files, whatever the path or symlink.
  const { outputTarget, writeOutput } = await import('../common/output-file.js');
  const target = flags.out === undefined ? undefined : await outputTarget(ctx, flags.out, 'the report file');
  const store = await ctx.stores.open();
  const { loyaltyFilter, loyaltyOf, loyaltyQuery } = await import('./report-loyalty.js');
  const loyalty = () => loyaltyOf(store, loyaltyFilter(flags, now), loyaltyQuery({ by: 'sampled' }, now));
  const records = await selectRecords(store, filter, now, loyalty, flags);
  const sections = await buildSections(records, filter, now);
  const { renderPage } = await import('../../output/html-page.js');
  const window = [flags.since && `from ${localDay(new Date(filter.createdSince!))}`, flags.until && `to ${localDay(new Date(filter.createdUntil!))}`].filter(Boolean).join(' ');
  const html = renderPage({
    title: flags.title ?? 'precrm report',
    subtitle: `Prospects created ${window || 'at any time'} · made ${localDay(now)} · names only, no contact details`,
    sections,
  });
  if (target) {
    // The page holds names: written as every -o file is (atomically, mode 0600; yesterday's file whole on failure).
    await writeOutput(ctx, target, html);
    if (target.place.kind !== 'stdout') ctx.term.info(`wrote ${target.shown}`);
  } else ctx.term.out(html);
}

async function buildSections(r: Records, filter: ProspectFilter, now: Date): Promise<Section[]> {
  const [{ funnelReport }, { sourcesReport }, { cohortsReport }, { velocityReport }, { referralsReport }, { surveyReport }, charts] = await Promise.all([
    import('../../domain/reports/funnel.js'), import('../../domain/reports/sources.js'), import('../../domain/reports/cohorts.js'),
    import('../../domain/reports/velocity.js'), import('../../domain/reports/referrals.js'),
    import('../../domain/reports/survey-report.js'), import('../../output/charts.js'),
  ]);
  const { outcomeSection } = await import('./report-html-outcome.js');
  const funnel = await withAnonymous(funnelReport(r.cohort), r.tallies);
  const sources = sourcesReport(r.cohort, r.touchesBefore);
  const cohorts = cohortsReport(r.cohort, { period: 'month', since: filter.createdSince, until: filter.createdUntil }, now);
  const velocity = velocityReport(r.cohort);
  const names = new Map([...r.referrers].map(([id, x]) => [id, x.name]));
  const referrers = referralsReport(r.cohort, names).filter((row) => r.referrers.get(row.id)?.contactable && row.name !== null).slice(0, 10);
  // A page, not the list: the 25 most pressing (due's own order), and how many more `precrm due --within 7d` has.
  const due = r.due.slice(0, DUE_ROWS).map((d) => ({ name: d.prospect.name ?? '', reason: d.reason, day: showDay(d.dueAt), note: null }));
  const moreDue = r.due.length > DUE_ROWS ? `and ${r.due.length - DUE_ROWS} more (precrm due --within 7d)` : undefined;
  const sections: Section[] = [
    {
      id: 'funnel', title: 'Funnel', intro: FUNNEL_INTRO + (r.tallies.length ? ANONYMOUS_INTRO : ''),
      chart: await charts.barChartSvg({
        title: 'Funnel: prospects reaching each stage', direction: 'horizontal', valueLabel: 'prospects',
        // "anon. greeting": the table's "anonymous greeting", short enough for a phone's label room.
        items: funnel.map((f) => ({ label: f.stage.replace(/^anonymous /, 'anon. '), value: f.reached, note: funnelNote(f) })),
      }),
      columns: FUNNEL_COLUMNS, rows: funnel,
    },
    {
      id: 'sources', title: 'Sources', intro: 'Prospects per source (light) and how many became customers (dark).',
      chart: await charts.barChartSvg({
        title: 'Sources: prospects and customers', direction: 'horizontal', valueLabel: 'prospects',
        items: sources.map((s) => ({ label: s.source ?? '(none)', value: s.prospects, inner: s.customers, note: `${s.customers} of ${s.prospects} · ${pct(s.conversion_rate)}` })),
      }),
      columns: sourceColumns(rowCurrencies(sources, (s) => s.revenue), 'table'), rows: sources, empty: 'No prospects in this window.',
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
    { id: 'referrers', title: 'Top referrers', columns: referrerColumns(rowCurrencies(referrers, (x) => x.referred_revenue)), rows: referrers, empty: 'No referrals yet.' },
    await (await import('./report-html-loyalty.js')).loyaltySection(r.loyalty, charts.barChartSvg),
    { id: 'due', title: 'Due this week', intro: 'Follow-ups and cadences falling due in the next 7 days (contact details stay in precrm).', columns: DUE_PAGE_COLUMNS, rows: due, empty: 'Nothing due this week.', more: moreDue },
  ];
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
