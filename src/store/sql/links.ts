// The ids a batch of records needs before its rows can be written: the purchase ids of the converted prospects
// (from the `purchase` counter) and the survey id of each response (a response names its survey; its row points
// at the survey by id).
import { surveyKey } from '../../domain/queries.js';
import type { IdKind, Prospect, SurveyResponse } from '../../domain/types.js';
import type { RecordOf } from '../store.js';
import { bug, takeIds } from './counters.js';
import type { SqlRunner } from './runner.js';

export interface Links {
  /** Purchase id of each converted prospect, by prospect id. */
  purchaseIds: ReadonlyMap<number, number>;
  /** Survey id by surveyKey of the survey's name. */
  surveyIds: ReadonlyMap<string, number>;
}

export const NO_LINKS: Links = { purchaseIds: new Map(), surveyIds: new Map() };

/**
 * Purchase ids for the converted prospects among `records`, in their order (so a store migrated into a SQL
 * backend numbers its purchases 1..n in prospect-id order, as every re-migration does).
 */
async function purchaseIds(db: SqlRunner, records: readonly Prospect[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  const converted = records.filter((p) => p.conversion !== null);
  if (converted.length === 0) return ids;
  let next = await takeIds(db, 'purchase', converted.length);
  for (const p of converted) ids.set(p.id, next++);
  return ids;
}

/** The ids of the surveys the responses answer; a response to a survey that does not exist is a bug. */
async function surveyIds(db: SqlRunner, records: readonly SurveyResponse[]): Promise<Map<string, number>> {
  const keys = [...new Set(records.map((r) => surveyKey(r.survey)))];
  const rows = await db.rows(`SELECT name_key, id FROM surveys WHERE name_key ${db.dialect.inList('text')} ORDER BY id`, [db.dialect.list(keys)]);
  const ids = new Map<string, number>();
  for (const [key, id] of rows) if (!ids.has(key as string)) ids.set(key as string, Number(id));
  const missing = records.find((r) => !ids.has(surveyKey(r.survey)));
  if (missing) throw bug(`response ${missing.id} answers a survey that does not exist`);
  return ids;
}

/** What the rows of these records need (taking purchase ids moves the counter: call it once per insert). */
export async function linksFor(db: SqlRunner, kind: IdKind, records: readonly RecordOf[IdKind][]): Promise<Links> {
  if (kind === 'prospect') return { ...NO_LINKS, purchaseIds: await purchaseIds(db, records as readonly Prospect[]) };
  if (kind === 'response') return { ...NO_LINKS, surveyIds: await surveyIds(db, records as readonly SurveyResponse[]) };
  return NO_LINKS;
}

/** The survey id of a response's row. */
export function surveyIdOf(links: Links, r: SurveyResponse): number {
  const id = links.surveyIds.get(surveyKey(r.survey));
  if (id === undefined) throw bug(`response ${r.id} answers a survey that does not exist`);
  return id;
}
