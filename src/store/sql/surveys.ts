// Surveys and their responses on any SQL backend. A response belongs to a survey by the name ignoring case: both
// tables keep that key (surveyKey), so the rule is one index seek.
import { surveyKey } from '../../domain/queries.js';
import type { Survey, SurveyResponse } from '../../domain/types.js';
import type { SqlRunner } from './runner.js';

const SURVEY_COLUMNS = 'id, name, questions, created_at';
const surveyFromRaw = (r: unknown[]): Survey => ({
  id: r[0] as number, name: r[1] as string, questions: JSON.parse(r[2] as string) as Survey['questions'], createdAt: r[3] as string,
});

/** The surveys a WHERE clause on `surveys` (aliased s) selects, in id order. */
export async function surveysWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Survey[]> {
  return (await db.rows(`SELECT ${SURVEY_COLUMNS} FROM surveys s WHERE ${where} ORDER BY id`, params)).map(surveyFromRaw);
}

export const insertSurvey = async (db: SqlRunner, s: Survey): Promise<void> => {
  await db.run('INSERT INTO surveys (id, name, name_key, questions, created_at) VALUES (?, ?, ?, ?, ?)', [s.id, s.name, surveyKey(s.name), JSON.stringify(s.questions), s.createdAt]);
};

/** Rewrites a survey; 0 when there is no such survey. */
export const updateSurvey = (db: SqlRunner, s: Survey): Promise<number> =>
  db.run('UPDATE surveys SET name = ?, name_key = ?, questions = ?, created_at = ? WHERE id = ?', [s.name, surveyKey(s.name), JSON.stringify(s.questions), s.createdAt, s.id]);

export const deleteSurvey = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM surveys WHERE id = ?', [id]);
};

const RESPONSE_COLUMNS = 'id, survey, prospect_id, segment, stage, at, answers';
const responseFromRaw = (r: unknown[]): SurveyResponse => ({
  id: Number(r[0]),
  survey: r[1] as string,
  prospectId: r[2] === null ? null : Number(r[2]),
  segment: r[3] as SurveyResponse['segment'],
  stage: r[4] as SurveyResponse['stage'],
  at: r[5] as string,
  answers: JSON.parse(r[6] as string) as SurveyResponse['answers'],
});

/** The responses a WHERE clause on `responses` (aliased r) selects, by answer time then id. */
export async function responsesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<SurveyResponse[]> {
  return (await db.rows(`SELECT ${RESPONSE_COLUMNS} FROM responses r WHERE ${where} ORDER BY at, id`, params)).map(responseFromRaw);
}

export const RESPONSE_INSERT_COLUMNS = 'id, survey, survey_key, prospect_id, segment, stage, at, answers';

export const responseValues = (r: SurveyResponse): unknown[] =>
  [r.id, r.survey, surveyKey(r.survey), r.prospectId, r.segment, r.stage, r.at, JSON.stringify(r.answers)];

export const insertResponse = async (db: SqlRunner, r: SurveyResponse): Promise<void> => {
  await db.run(`INSERT INTO responses (${RESPONSE_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, responseValues(r));
};

/** Rewrites a response; 0 when there is no such response. */
export const updateResponse = (db: SqlRunner, r: SurveyResponse): Promise<number> =>
  db.run('UPDATE responses SET survey = ?, survey_key = ?, prospect_id = ?, segment = ?, stage = ?, at = ?, answers = ? WHERE id = ?', [...responseValues(r).slice(1), r.id]);

export const deleteResponse = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM responses WHERE id = ?', [id]);
};
