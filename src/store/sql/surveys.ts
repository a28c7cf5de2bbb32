// Surveys and their responses on any SQL backend, by column name (from the declarations). A response points at
// its survey by id; its record names the survey, read by joining (a survey is found by its name ignoring case:
// surveyKey, indexed).
import { RESPONSE } from '../../domain/records/response.js';
import { SURVEY } from '../../domain/records/survey.js';
import { surveyKey } from '../../domain/queries.js';
import type { Survey, SurveyResponse } from '../../domain/types.js';
import { kindTable } from './kind-table.js';
import { linksFor, surveyIdOf, type Links } from './links.js';
import type { SqlRunner } from './runner.js';

export const SURVEYS = kindTable(SURVEY, { alias: 's', derived: { name_key: (s) => surveyKey(s.name) } });

/** The surveys a WHERE clause on `surveys` (aliased s) selects, in id order. */
export async function surveysWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<Survey[]> {
  return (await db.rows(`SELECT ${SURVEYS.read.list} FROM surveys s WHERE ${where} ORDER BY s.id`, params)).map((r) => SURVEYS.fromRow(r, {}));
}

export const insertSurvey = async (db: SqlRunner, s: Survey): Promise<void> => {
  await db.run(SURVEYS.insert, SURVEYS.values(s, undefined));
};

/** Rewrites a survey; 0 when there is no such survey. */
export const updateSurvey = (db: SqlRunner, s: Survey): Promise<number> => db.run(SURVEYS.update, SURVEYS.updateValues(s, undefined));

export const deleteSurvey = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM surveys WHERE id = ?', [id]);
};

/** Responses (aliased r) with their survey's name from the joined `surveys` (aliased s); the row holds its survey's id. */
export const RESPONSES = kindTable(RESPONSE, {
  alias: 'r', joined: { survey: 's.name' }, derived: { survey_id: (r, links: Links) => surveyIdOf(links, r) },
});

/** The responses a WHERE clause on `responses` (aliased r, its survey s) selects, by answer time then id. */
export async function responsesWhere(db: SqlRunner, where: string, params: readonly unknown[] = []): Promise<SurveyResponse[]> {
  const sql = `SELECT ${RESPONSES.read.list} FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE ${where} ORDER BY r.at, r.id`;
  return (await db.rows(sql, params)).map((r) => RESPONSES.fromRow(r, {}));
}

export const insertResponse = async (db: SqlRunner, r: SurveyResponse, links: Links): Promise<void> => {
  await db.run(RESPONSES.insert, RESPONSES.values(r, links));
};

/** Rewrites a response (its survey found by name, as the record gives it); 0 when there is no such response. */
export const updateResponse = async (db: SqlRunner, r: SurveyResponse): Promise<number> =>
  db.run(RESPONSES.update, RESPONSES.updateValues(r, await linksFor(db, 'response', [r])));

export const deleteResponse = async (db: SqlRunner, id: number): Promise<void> => {
  await db.run('DELETE FROM responses WHERE id = ?', [id]);
};
