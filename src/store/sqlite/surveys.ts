// Reading and writing surveys and their responses. A response belongs to a survey by the name ignoring case:
// both tables keep that key (surveyKey), so the rule is one index seek.
import type { Survey, SurveyResponse } from '../../domain/types.js';
import type { Db } from './connection.js';
import { statement } from './statements.js';

/** The one rule tying a response to its survey: the name, ignoring case. */
export const surveyKey = (name: string): string => name.toLowerCase();

const SURVEY_COLUMNS = 'id, name, questions, created_at';
const surveyFromRaw = (r: unknown[]): Survey => ({
  id: r[0] as number, name: r[1] as string, questions: JSON.parse(r[2] as string) as Survey['questions'], createdAt: r[3] as string,
});

export const allSurveys = (db: Db): Survey[] =>
  (statement(db, `SELECT ${SURVEY_COLUMNS} FROM surveys ORDER BY id`).raw().all() as unknown[][]).map(surveyFromRaw);

/** The surveys of this name ignoring case, in id order. */
export const surveysNamed = (db: Db, name: string): Survey[] =>
  (statement(db, `SELECT ${SURVEY_COLUMNS} FROM surveys WHERE name_key = ? ORDER BY id`).raw().all(surveyKey(name)) as unknown[][]).map(surveyFromRaw);

export const insertSurvey = (db: Db, s: Survey): void => {
  statement(db, 'INSERT INTO surveys (id, name, name_key, questions, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(s.id, s.name, surveyKey(s.name), JSON.stringify(s.questions), s.createdAt);
};

/** Rewrites a survey; 0 when there is no such survey. */
export const updateSurvey = (db: Db, s: Survey): number =>
  statement(db, 'UPDATE surveys SET name = ?, name_key = ?, questions = ?, created_at = ? WHERE id = ?')
    .run(s.name, surveyKey(s.name), JSON.stringify(s.questions), s.createdAt, s.id).changes;

const RESPONSE_COLUMNS = 'id, survey, prospect_id, segment, stage, at, answers';
export const responseFromRaw = (r: unknown[]): SurveyResponse => ({
  id: r[0] as number,
  survey: r[1] as string,
  prospectId: r[2] as number | null,
  segment: r[3] as SurveyResponse['segment'],
  stage: r[4] as SurveyResponse['stage'],
  at: r[5] as string,
  answers: JSON.parse(r[6] as string) as SurveyResponse['answers'],
});

/** The responses a WHERE clause on `responses` (aliased r) selects, by answer time then id. */
export function responsesWhere(db: Db, where: string, params: readonly unknown[] = []): SurveyResponse[] {
  return (statement(db, `SELECT ${RESPONSE_COLUMNS} FROM responses r WHERE ${where} ORDER BY at, id`).raw().all(...params) as unknown[][]).map(responseFromRaw);
}

export const responsesOfSurvey = (db: Db, name: string): SurveyResponse[] => responsesWhere(db, 'r.survey_key = ?', [surveyKey(name)]);
export const responsesOfProspect = (db: Db, prospectId: number): SurveyResponse[] => responsesWhere(db, 'r.prospect_id = ?', [prospectId]);

const responseValues = (r: SurveyResponse): unknown[] =>
  [r.id, r.survey, surveyKey(r.survey), r.prospectId, r.segment, r.stage, r.at, JSON.stringify(r.answers)];

export const insertResponse = (db: Db, r: SurveyResponse): void => {
  statement(db, 'INSERT INTO responses (id, survey, survey_key, prospect_id, segment, stage, at, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(...responseValues(r));
};

/** Rewrites a response; 0 when there is no such response. */
export const updateResponse = (db: Db, r: SurveyResponse): number =>
  statement(db, 'UPDATE responses SET survey = ?, survey_key = ?, prospect_id = ?, segment = ?, stage = ?, at = ?, answers = ? WHERE id = ?')
    .run(...responseValues(r).slice(1), r.id).changes;

export const deleteResponse = (db: Db, id: number): void => {
  statement(db, 'DELETE FROM responses WHERE id = ?').run(id);
};
