// survey list / show: read a snapshot and hand rows to the output layer.
import type { Context } from '../context.js';
import { showDateTime } from '../domain/dates.js';
import { findSurvey } from '../domain/survey.js';
import type { Question, StoreDoc, Survey } from '../domain/types.js';
import { WHOLE, type Column } from '../output/columns.js';
import { printRows } from './print.js';

const responseCount = (doc: StoreDoc, s: Survey) => doc.responses.filter((r) => r.survey.toLowerCase() === s.name.toLowerCase()).length;

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
  const doc = await ctx.documentStore.read();
  const rows = doc.surveys.map((s) => ({ ...s, responses: responseCount(doc, s) }));
  await printRows(ctx, rows, SURVEY_COLUMNS, { jsonRecords: rows });
  if (ctx.format === 'table') ctx.info(`${rows.length} survey(s)`);
}

/** json: the survey record with its response count; csv/tsv: one row per question; table: a header and the questions. */
export async function showSurvey(ctx: Context, ref: string): Promise<void> {
  const doc = await ctx.documentStore.read();
  const survey = findSurvey(doc.surveys, ref);
  const responses = responseCount(doc, survey);
  if (ctx.format === 'json') {
    ctx.out(`${JSON.stringify({ ...survey, responses }, null, 2)}\n`);
    return;
  }
  const c = ctx.color;
  const head = `${c.bold(survey.name)}  #${survey.id}  ${responses} response(s)  created ${showDateTime(survey.createdAt)}\n`;
  await printRows(ctx, survey.questions, QUESTION_COLUMNS, { heading: head.replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f]/g, '�') });
}
