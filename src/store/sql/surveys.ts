// Surveys and their responses on any SQL backend, by column name. A response points at its survey by id; its
// record names the survey, read by joining (a survey is found by its name ignoring case: surveyKey, indexed).
import { surveyKey } from '../../domain/queries.js';
import type { Survey, SurveyResponse } from '../../domain/types.js';
import { columns, insertSql, jsonValue, valuesOf } from './columns.js';
import { surveyIdOf, type Links } from './links.js';
import type { SqlRunner } from './runner.js';

export const SURVEY_ROW = columns(['id', 'name', 'name_key', 'questions', 'created_at'] as const);
const SURVEY_READ = columns(['id', 'name', 'questions', 'created_at'] as const, 's');

function surveyFromRow(r: readonly unknown[]): Survey {
  const at = SURVEY_READ.at;
  return { id: Number(r[at.id]), name: r[at.name] as string, questions: jsonValue(r[at.questions]) as Survey['questions'], createdAt: r[at.created_at] as string };
}

const surveyValues = (s: Survey): unknown[] =>
  valuesOf(SURVEY_ROW, { id: s.id, name: s.name, name_key: surveyKey(s.name), questions: JSON.stringify(s.questions), created_at: s.createdAt });

/** The surveys a WHERE clause on `surveys` (aliased s) selects, in id order. */
export async function surveysWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Survey[]> {
  return (await db.rows(`SELECT ${SURVEY_READ.list} FROM surveys s WHERE ${where} ORDER BY s.id`, params)).map(surveyFromRow);
}

export const insertSurvey = async (db: SqlRunner, s: Survey): Promise<void> => {
  await db.run(insertSql('surveys', SURVEY_ROW), surveyValues(s));
};

/** Rewrites a survey; 0 when there is no such survey. */
export const updateSurvey = (db: SqlRunner, s: Survey): Promise<number> =>
  db.run('UPDATE surveys SET name = ?, name_key = ?, questions = ?, created_at = ? WHERE id = ?', [...surveyValues(s).slice(1), s.id]);

export const deleteSurvey = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM surveys WHERE id = ?', [id]);
};

export const RESPONSE_ROW = columns(['id', 'survey_id', 'prospect_id', 'segment', 'stage', 'at', 'answers'] as const);
/** A response with its survey's name (`responses` aliased r, joined to `surveys` aliased s). */
const RESPONSE_READ = columns(['r.id', 'r.prospect_id', 'r.segment', 'r.stage', 'r.at', 'r.answers', 's.name'] as const);

function responseFromRow(r: readonly unknown[]): SurveyResponse {
  const at = RESPONSE_READ.at;
  return {
    id: Number(r[at['r.id']]),
    survey: r[at['s.name']] as string,
    prospectId: r[at['r.prospect_id']] === null ? null : Number(r[at['r.prospect_id']]),
    segment: r[at['r.segment']] as SurveyResponse['segment'],
    stage: r[at['r.stage']] as SurveyResponse['stage'],
    at: r[at['r.at']] as string,
    answers: jsonValue(r[at['r.answers']]) as SurveyResponse['answers'],
  };
}

/** The responses a WHERE clause on `responses` (aliased r, its survey s) selects, by answer time then id. */
export async function responsesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<SurveyResponse[]> {
  const sql = `SELECT ${RESPONSE_READ.list} FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE ${where} ORDER BY r.at, r.id`;
  return (await db.rows(sql, params)).map(responseFromRow);
}

export const responseValues = (r: SurveyResponse, links: Links): unknown[] => valuesOf(RESPONSE_ROW, {
  id: r.id, survey_id: surveyIdOf(links, r), prospect_id: r.prospectId, segment: r.segment, stage: r.stage, at: r.at, answers: JSON.stringify(r.answers),
});

export const insertResponse = async (db: SqlRunner, r: SurveyResponse, links: Links): Promise<void> => {
  await db.run(insertSql('responses', RESPONSE_ROW), responseValues(r, links));
};

/** Rewrites a response (its survey found by name, as the record gives it); 0 when there is no such response. */
export const updateResponse = (db: SqlRunner, r: SurveyResponse): Promise<number> =>
  db.run(
    'UPDATE responses SET survey_id = (SELECT min(id) FROM surveys WHERE name_key = ?), prospect_id = ?, segment = ?, stage = ?, at = ?, answers = ? WHERE id = ?',
    [surveyKey(r.survey), r.prospectId, r.segment, r.stage, r.at, JSON.stringify(r.answers), r.id],
  );

export const deleteResponse = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM responses WHERE id = ?', [id]);
};
