// survey list / show: read a snapshot and hand rows to the output layer.
import type { Context } from '../../context/context.js';
import { showDateTime } from '../../domain/dates.js';
import { surveyKey } from '../../domain/queries.js';
import type { Question, Survey } from '../../domain/types.js';
import { WHOLE, type Column } from '../../output/columns.js';
import { oneLine } from '../../output/text.js';
import { printRows } from '../common/print.js';
import { findSurvey } from '../common/lookup.js';


type SurveyRow = Survey & { responses: number };

const SURVEY_COLUMNS: Column<SurveyRow>[] = [
  { key: 'id', type: 'int' },
  { key: 'name', type: 'string' },
  { key: 'questions', type: 'int', get: (s) => s.questions.length, priority: 2 },
  { key: 'responses', type: 'int', priority: 1 },
  { key: 'created_at', type: 'datetime', label: 'created', get: (s) => s.createdAt, priority: 3 },
];

const QUESTION_COLUMNS: Column<Question>[] = [
  { key: 'key', type: 'string' },
  { key: 'type', type: 'string', minWidth: WHOLE, priority: 1 },
  { key: 'text', type: 'string', minWidth: 16 },
  { key: 'choices', type: 'list', get: (q) => q.choices, priority: 2 },
];

export async function listSurveys(ctx: Context): Promise<void> {
  const store = await ctx.stores.open();
  const surveys = await store.surveys();
  const counts = await store.countResponses(surveys.map((s) => s.name));
  const rows = surveys.map((s) => ({ ...s, responses: counts.get(surveyKey(s.name)) ?? 0 }));
  await printRows(ctx, rows, SURVEY_COLUMNS, { jsonRecords: rows });
  if (ctx.term.format === 'table') ctx.term.info(`${rows.length} survey(s)`);
}

/** json: the survey record with its response count; csv/tsv: one row per question; table: a header and the questions. */
export async function showSurvey(ctx: Context, ref: string): Promise<void> {
  const store = await ctx.stores.open();
  const survey = await findSurvey(store, ref);
  const responses = (await store.countResponses([survey.name])).get(surveyKey(survey.name)) ?? 0;
  if (ctx.term.format === 'json') {
    ctx.term.out(`${JSON.stringify({ ...survey, responses }, null, 2)}\n`);
    return;
  }
  const c = ctx.term.color;
  // The name is made safe before it is coloured: only the bold around it may reach a terminal as an escape sequence.
  const head = `${c.bold(oneLine(survey.name))}  #${survey.id}  ${responses} response(s)  created ${showDateTime(survey.createdAt)}\n`;
  await printRows(ctx, survey.questions, QUESTION_COLUMNS, { heading: head });
}
