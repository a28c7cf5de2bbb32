// `precrm survey list`: the surveys with their question and response counts.
import type { Command } from 'commander';
import type { Context } from '../../context/context.js';
import { surveyKey } from '../../domain/queries.js';
import type { Format } from '../../output/render.js';
import { examples } from '../common/examples.js';
import { info, rows, type Shown } from '../show.js';
import type { Args, Verb } from '../verb.js';
import { SURVEY_COLUMNS, type SurveyRow } from './columns.js';

export interface ListOptions { format: Format }

export function register(parent: Command): Command {
  return parent.command('list').alias('ls').description('surveys with their question and response counts')
    .addHelpText('after', examples('precrm survey list', 'precrm survey list --json'));
}

export const parse = (_args: Args, _flags: object, ctx: Pick<Context, 'term'>): ListOptions => ({ format: ctx.term.format });

export async function run(ctx: Pick<Context, 'stores'>): Promise<SurveyRow[]> {
  const store = await ctx.stores.open();
  const surveys = await store.surveys();
  const counts = await store.countResponses(surveys.map((s) => s.name));
  return surveys.map((s) => ({ ...s, responses: counts.get(surveyKey(s.name)) ?? 0 }));
}

export function show(list: SurveyRow[], o: ListOptions): Shown {
  const shown = rows(list, SURVEY_COLUMNS, { jsonRecords: list });
  return o.format === 'table' ? [shown, info(`${list.length} survey(s)`)] : [shown];
}

export const list: Verb<object, ListOptions, SurveyRow[]> = { register, parse, run, show };
