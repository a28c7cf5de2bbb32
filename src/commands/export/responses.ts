// `precrm export responses <survey>`: a survey's responses, oldest first, one column per question.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { mayContact } from '../../domain/queries.js';
import type { Survey, SurveyResponse } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';
import { examples } from '../common/examples.js';
import { findSurvey } from '../common/lookup.js';
import { parseDayWindow } from '../common/options.js';
import type { Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { parseOutput, showRows, withOutputFlags, type ExportOutput, type OutputFlags } from './output.js';

export interface ResponsesFlags extends OutputFlags { since?: string; until?: string; contactable?: boolean }

export interface ResponsesOptions {
  /** The survey as named on the command line (name or id). */
  survey: string;
  since?: string;
  until?: string;
  contactable: boolean;
  out: ExportOutput;
}

export interface ResponsesResult {
  survey: Survey;
  responses: SurveyResponse[];
  /** The response's own fields, then one per question of the survey. */
  columns: Column<SurveyResponse>[];
}

export function register(parent: Command): Command {
  return withOutputFlags(parent.command('responses <survey>').description('a survey\'s responses, oldest first: id, survey, prospect_id, segment, stage, at, then one column per question')
    .option('--since <when>', 'answered on or after (2026-03-01, 30d …)')
    .option('--until <when>', 'answered on or before')
    .option('--contactable', 'leave out answers of do-not-contact and forgotten prospects'))
    .addHelpText('after', examples('precrm export responses "bakery perception" -o answers.csv', 'precrm export responses "bakery perception" --since 30d --json'));
}

export function parse([survey]: Args, flags: ResponsesFlags, ctx: Pick<Context, 'term' | 'clock'>): ResponsesOptions {
  const out = parseOutput(flags, ctx.term);
  const { since, until } = parseDayWindow(flags, ctx.clock.now());
  return { survey: survey as string, since, until, contactable: Boolean(flags.contactable), out };
}

/** The survey, its columns and its responses in the window; --contactable leaves out those of people who may not be contacted. */
export async function run(ctx: Pick<Context, 'stores'>, o: ResponsesOptions): Promise<ResponsesResult> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, o.survey);
  // Loaded here, with the survey: they stay out of every command's start-up.
  const columns = (await import('./response-columns.js')).responseColumns(survey);
  const responses = await store.listResponses({ survey: survey.name, since: o.since, until: o.until });
  if (!o.contactable) return { survey, responses, columns };
  const respondents = await store.getProspects([...new Set(responses.flatMap((r) => (r.prospectId === null ? [] : [r.prospectId])))]);
  const hidden = new Set(respondents.filter((p) => !mayContact(p)).map((p) => p.id));
  return { survey, responses: responses.filter((r) => r.prospectId === null || !hidden.has(r.prospectId)), columns };
}

export const show = ({ responses, columns }: ResponsesResult, options: ResponsesOptions): Shown =>
  showRows(responses, columns, options.out, { noun: 'response(s)', sheet: 'responses', jsonRecords: responses });

export const responses: Verb<ResponsesFlags, ResponsesOptions, ResponsesResult> = { register, parse, run, show };
