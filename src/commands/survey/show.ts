// `precrm survey show <survey>`: a survey's questions; json: the survey record with its response count.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { showDateTime } from '../../domain/dates.js';
import { surveyKey } from '../../domain/queries.js';
import type { Survey } from '../../domain/types.js';
import type { Format } from '../../output/render.js';
import { oneLine } from '../../output/text.js';
import { findSurvey } from '../common/lookup.js';
import { examples } from '../common/examples.js';
import { rows, styled, text, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { QUESTION_COLUMNS } from './columns.js';

export interface ShowOptions { survey: string; format: Format }
export interface ShownSurvey { survey: Survey; responses: number }

export function register(parent: Command): Command {
  return parent.command('show <survey>').description('a survey\'s questions')
    .addHelpText('after', examples('precrm survey show "first impressions"', 'precrm survey show "first impressions" --format csv'));
}

export const parse = ([survey]: Args, _flags: object, ctx: Pick<Context, 'term'>): ShowOptions => ({ survey: survey as string, format: ctx.term.format });

export async function run(ctx: Pick<Context, 'stores'>, o: ShowOptions): Promise<ShownSurvey> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, o.survey);
  return { survey, responses: (await store.countResponses([survey.name])).get(surveyKey(survey.name)) ?? 0 };
}

/** json: the record; csv/tsv: one row per question; table: a header and the questions. */
export function show({ survey, responses }: ShownSurvey, o: ShowOptions): Shown {
  if (o.format === 'json') return [text(`${JSON.stringify({ ...survey, responses }, null, 2)}\n`)];
  return [styled((c) => {
    // The name is made safe before it is coloured: only the bold around it may reach a terminal as an escape sequence.
    const head = `${c.bold(oneLine(survey.name))}  #${survey.id}  ${responses} response(s)  created ${showDateTime(survey.createdAt)}\n`;
    return rows(survey.questions, QUESTION_COLUMNS, { heading: head });
  })];
}

export const showSurvey: Verb<object, ShowOptions, ShownSurvey> = { register, parse, run, show };
