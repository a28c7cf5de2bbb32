// `precrm report survey <name>`: the pure survey report, rendered in every format (bars for distributions in tables).
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { SURVEY_GROUPS, surveyReport, type SurveyGroup, type SurveyReportRow } from '../../domain/reports/survey-report.js';
import type { TopValue } from '../../domain/reports/words.js';
import { findSurvey } from '../common/lookup.js';
import { sparkBars } from '../../output/bars.js';
import { WHOLE, type Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';
import { parseChoice, parseDayWindow } from '../common/options.js';
import { addOutputOption } from './report.js';
import { examples } from '../common/examples.js';

export interface SurveyReportFlags { by?: string; since?: string; until?: string; output?: string; outcome?: boolean; within?: string }

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

export async function reportSurvey(ctx: Context, ref: string, flags: SurveyReportFlags): Promise<void> {
  if (flags.outcome || flags.within !== undefined) return (await import('./report-survey-outcome.js')).reportSurveyOutcome(ctx, ref, flags);
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, SURVEY_GROUPS, '--by grouping');
  const now = ctx.clock.now();
  const { since, until } = parseDayWindow(flags, now);
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, ref);
  const responses = await store.listResponses({ survey: survey.name, since, until });
  const respondents = by === 'source' ? await store.getProspects([...new Set(responses.flatMap((r) => (r.prospectId === null ? [] : [r.prospectId])))]) : [];
  const rows = surveyReport(survey, responses, respondents, { by });
  // The output writer (and what it needs) loads only when a report is written.
  const { emitRows, fileFormat } = await import('../common/rows-out.js');
  const format = fileFormat(ctx.term.format, flags.output);
  const wrote = await emitRows(ctx, rows, surveyReportColumns(format, by), { format, output: flags.output, sheet: 'survey' });
  if (wrote) ctx.term.info(`wrote ${rows.length} row(s) to ${flags.output}`);
  else if (format === 'table') ctx.term.info(`survey "${survey.name}": ${responses.length} response(s)`);
}


/** Adds `survey <name>` to the `report` command. */
export function registerSurveyReport(report: Command, ctx: Context): void {
  addOutputOption(report.command('survey <survey>').description('per question: responses, mean, NPS, distribution and the most frequent answers')
    .option('--by <group>', 'split every figure by segment, stage (at answer time) or source'))
    .option('--since <when>', 'responses on or after (2026-03-01, 30d …)')
    .option('--until <when>', 'responses on or before')
    .option('--outcome', 'per answer: respondents who made a first (and second) purchase within --within after answering')
    .option('--within <span>', 'with --outcome: the window after each answer (default 90d; 30d, 8w, 6m …)')
    .addHelpText('after', examples(
      'precrm report survey "first impressions"',
      'precrm report survey "first impressions" --by segment',
      'precrm report survey "first impressions" --by stage --format csv > expectations.csv',
      'precrm report survey "first impressions" --outcome --within 60d',
    ))
    .action((ref: string, flags: SurveyReportFlags) => reportSurvey(ctx, ref, flags));
}
