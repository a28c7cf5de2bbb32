// `precrm report survey <survey>`: per question, the pure survey report (responses, mean, NPS, distribution, top
// answers); with --outcome, per answer, what its respondents bought within --within after answering.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { usageError } from '../../domain/errors.js';
import type { OutcomeRow } from '../../domain/reports/survey-outcome.js';
import type { SurveyGroup, SurveyReportRow } from '../../domain/reports/survey-report.js';
import { examples } from '../common/examples.js';
import { findSurvey } from '../common/lookup.js';
import { parseChoice, parseDayWindow, parseSpanDays } from '../common/options.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import type { DayWindow } from './anonymous.js';
import { addOutputOption } from './flags.js';
import { reportOut, reportRows, type OutputFlags, type ReportOut } from './output.js';
import { SURVEY_OUTCOME_COLUMNS, surveyReportColumns } from './survey-columns.js';

export interface SurveyFlags extends OutputFlags { by?: string; since?: string; until?: string; outcome?: boolean; within?: string }

/** The per-question report, or (--outcome) the per-answer one; both read the responses of `window`. */
export type SurveyOptions = { ref: string; window: DayWindow; out: ReportOut } & (
  | { kind: 'answers'; by?: SurveyGroup }
  | { kind: 'outcome'; withinDays: number; now: Date });

/** The survey's name, how many responses were read, and the rows of the report asked for. */
export type SurveyResult = { survey: string; responses: number } & (
  | { kind: 'answers'; rows: SurveyReportRow[] }
  | { kind: 'outcome'; rows: OutcomeRow[]; withinDays: number });

export function register(parent: Command): Command {
  return addOutputOption(parent.command('survey <survey>').description('per question: responses, mean, NPS, distribution and the most frequent answers')
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
    ));
}

/** `--within` (default 90d) as whole days; it only means something with `--outcome`, and --by not then. */
async function outcomeWithinDays(flags: SurveyFlags): Promise<number> {
  if (!flags.outcome && flags.within !== undefined) throw usageError('--within goes with --outcome (the window after each answer a purchase counts in)');
  if (flags.outcome && flags.by !== undefined) throw usageError('--by does not go with --outcome (the outcome is per question and answer)');
  if (flags.within !== undefined) return parseSpanDays(flags.within, '--within span');
  return (await import('../../domain/reports/survey-outcome.js')).OUTCOME_DAYS;
}

export async function parse([ref]: Args, flags: SurveyFlags, ctx: Pick<Context, 'clock' | 'term'>): Promise<SurveyOptions> {
  const at = { ref: ref as string, out: reportOut(flags, ctx) };
  if (flags.outcome || flags.within !== undefined) {
    const withinDays = await outcomeWithinDays(flags);
    const now = ctx.clock.now();
    return { kind: 'outcome', withinDays, now, window: parseDayWindow(flags, now), ...at };
  }
  const { SURVEY_GROUPS } = await import('../../domain/reports/survey-report.js');
  const by = flags.by === undefined ? undefined : parseChoice(flags.by, SURVEY_GROUPS, '--by grouping');
  return { kind: 'answers', ...(by === undefined ? {} : { by }), window: parseDayWindow(flags, ctx.clock.now()), ...at };
}

/** The survey's responses of the window, and what the report needs of their respondents (the store's job). */
export async function run(ctx: Pick<Context, 'stores'>, options: SurveyOptions): Promise<SurveyResult> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, options.ref);
  const responses = await store.listResponses({ survey: survey.name, ...options.window });
  const linked = [...new Set(responses.flatMap((r) => (r.prospectId === null ? [] : [r.prospectId])))];
  const read = { survey: survey.name, responses: responses.length };
  if (options.kind === 'outcome') {
    const purchases = await store.purchasesOf(linked);
    const { surveyOutcome } = await import('../../domain/reports/survey-outcome.js');
    const { withinDays, now } = options;
    return { kind: 'outcome', rows: surveyOutcome(survey, responses, purchases, { withinDays, now: now.toISOString() }), withinDays, ...read };
  }
  const respondents = options.by === 'source' ? await store.getProspects(linked) : [];
  const { surveyReport } = await import('../../domain/reports/survey-report.js');
  return { kind: 'answers', rows: surveyReport(survey, responses, respondents, { by: options.by }), ...read };
}

/** A table on stdout is followed by what was read: the survey, its responses, the outcome's window. */
export function show(result: SurveyResult, options: SurveyOptions): Shown {
  const read = `survey "${result.survey}": ${result.responses} response(s)`;
  if (result.kind === 'outcome') {
    const tableNote = `${read}, purchases within ${result.withinDays} days of each answer`;
    return reportRows(result.rows, SURVEY_OUTCOME_COLUMNS, options.out, 'outcome', { tableNote });
  }
  const columns = surveyReportColumns(options.out.format, options.kind === 'answers' ? options.by : undefined);
  return reportRows(result.rows, columns, options.out, 'survey', { tableNote: read });
}

export const survey: Verb<SurveyFlags, SurveyOptions, SurveyResult> = { register, parse, run, show };
