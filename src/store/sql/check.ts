// `store check` on a SQL backend: precrm's rules on the tables — values the domain allows, links that point at
// existing records, ids below their counters, JSON that parses, lookup keys that agree with the domain's. Each
// backend adds its own engine's checks (SQLite's integrity check). Messages name ids and columns, never data.
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { surveyKey } from '../../domain/queries.js';
import { nameKey } from '../../domain/references.js';
import { HEX_256 } from '../../domain/suppression.js';
import { DIRECTIONS, OUTCOMES, SEGMENTS, STAGES, SUPPRESSION_REASONS, TOUCH_TYPES } from '../../domain/types.js';
import { ID_KINDS } from './schema.js';
import { isCanonicalDate } from '../stored-dates.js';
import type { SqlRunner } from './runner.js';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** Shows at most a few ids of a problem. */
const some = (ids: number[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(', ')} … (${ids.length} in all)` : ids.join(', '));

/** [problem, SQL returning the ids that have it], in SQL both engines speak. */
const RULES: [string, string][] = [
  ['prospects with an unknown stage', `SELECT id FROM prospects WHERE stage NOT IN (${quoted(STAGES)})`],
  ['stage history entries with an unknown stage (prospect ids)', `SELECT DISTINCT prospect_id FROM stage_history WHERE stage NOT IN (${quoted(STAGES)})`],
  ['prospects without a stage history', 'SELECT id FROM prospects p WHERE NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.prospect_id = p.id)'],
  ['stage history of missing prospects (prospect ids)', 'SELECT DISTINCT prospect_id FROM stage_history h WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = h.prospect_id)'],
  ['consent entries of missing prospects (prospect ids)', 'SELECT DISTINCT prospect_id FROM consent c WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = c.prospect_id)'],
  ['prospects referred by a missing prospect', 'SELECT id FROM prospects p WHERE referred_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prospects r WHERE r.id = p.referred_by)'],
  ['prospects with a cadence that is not a whole number of days', 'SELECT id FROM prospects WHERE cadence_days IS NOT NULL AND (cadence_days < 1 OR cadence_days <> round(cadence_days))'],
  ['touches of missing prospects', 'SELECT id FROM touches t WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = t.prospect_id)'],
  ['touches with an unknown type', `SELECT id FROM touches WHERE type NOT IN (${quoted(TOUCH_TYPES)})`],
  ['touches with an unknown outcome or direction', `SELECT id FROM touches WHERE (outcome IS NOT NULL AND outcome NOT IN (${quoted(OUTCOMES)})) OR (direction IS NOT NULL AND direction NOT IN (${quoted(DIRECTIONS)}))`],
  ['responses to a missing survey', 'SELECT id FROM responses r WHERE NOT EXISTS (SELECT 1 FROM surveys s WHERE s.name_key = r.survey_key)'],
  ['responses of missing prospects', 'SELECT id FROM responses r WHERE prospect_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = r.prospect_id)'],
  ['responses with an unknown segment or stage', `SELECT id FROM responses WHERE segment NOT IN (${quoted(SEGMENTS)}) OR (stage IS NOT NULL AND stage NOT IN (${quoted(STAGES)}))`],
];

const TABLE_OF = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses' } as const;

/** Whether a text parses as JSON of this shape. */
function isJson(text: unknown, shape: 'array' | 'object'): boolean {
  try {
    const v = JSON.parse(String(text)) as unknown;
    return shape === 'array' ? Array.isArray(v) : typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

const problem = (what: string, ids: number[]) => (ids.length ? [`${what}: ${some(ids)}`] : []);

/** The suppression list's rules; counts only, since a hash is no one's business. `at` must be an instant the domain can compare. */
async function suppressionProblems(db: SqlRunner): Promise<string[]> {
  const secrets = (await db.rows('SELECT secret FROM suppression_secret')).map((r) => r[0]);
  const entries = await db.rows('SELECT hash, reason, at FROM suppression');
  const problems: string[] = [];
  if (secrets.some((s) => typeof s !== 'string' || !HEX_256.test(s))) problems.push('the suppression secret is not 64 lower-case hex digits');
  if (secrets.length === 0 && entries.length) problems.push('suppression entries without the secret they were made with');
  const bad = (test: (r: unknown[]) => boolean) => entries.filter(test).length;
  const counted = (n: number, what: string) => (n ? [`${n} suppression entr${n === 1 ? 'y' : 'ies'} ${what}`] : []);
  problems.push(...counted(bad((r) => !HEX_256.test(String(r[0]))), 'whose hash is not 64 lower-case hex digits'));
  problems.push(...counted(bad((r) => !(SUPPRESSION_REASONS as readonly unknown[]).includes(r[1])), 'with an unknown reason'));
  problems.push(...counted(bad((r) => !isCanonicalDate(String(r[2]))), 'whose date is not an ISO instant'));
  return problems;
}

/**
 * Problems found in a precrm database (empty when it is sound). `suppression`: false for a database of a schema
 * older than the list.
 */
export async function checkTables(db: SqlRunner, suppression = true): Promise<string[]> {
  const problems: string[] = [];
  for (const [what, sql] of RULES) problems.push(...problem(what, (await db.rows(sql)).map((r) => Number(r[0]))));
  for (const kind of ID_KINDS) {
    const [row] = await db.rows(`SELECT (SELECT next_id FROM counters WHERE kind = '${kind}'), (SELECT max(id) FROM ${TABLE_OF[kind]})`);
    const [next, top] = [row![0] as number | null, row![1] as number | null];
    if (next === null) problems.push(`the ${kind} id counter is missing`);
    else if (top !== null && top >= next) problems.push(`${kind} ids reach ${top} but the counter would hand out ${next} again`);
  }
  const badJson: number[] = [];
  const staleKeys: number[] = [];
  for (const [id, name, email, phone, ek, pk, nl, nk, tags, fields] of await db.rows('SELECT id, name, email, phone, email_key, phone_key, name_lower, name_key, tags, fields FROM prospects ORDER BY id')) {
    if (!isJson(tags, 'array') || !isJson(fields, 'object')) badJson.push(id as number);
    const n = name as string | null;
    if (emailKey(email as string | null) !== ek || phoneKey(phone as string | null) !== pk
      || (n === null ? null : n.toLowerCase()) !== nl || (n === null ? null : nameKey(n)) !== nk) staleKeys.push(id as number);
  }
  problems.push(...problem('prospects whose tags or fields are not JSON', badJson));
  const surveys = await db.rows('SELECT id, name, name_key, questions FROM surveys ORDER BY id');
  problems.push(...problem('surveys whose questions are not JSON', surveys.filter((r) => !isJson(r[3], 'array')).map((r) => r[0] as number)));
  problems.push(...problem('responses whose answers are not JSON', (await db.rows('SELECT id, answers FROM responses ORDER BY id')).filter((r) => !isJson(r[1], 'object')).map((r) => r[0] as number)));
  problems.push(...problem('prospects whose lookup keys are out of date', staleKeys));
  problems.push(...problem('surveys whose lookup key is out of date', surveys.filter((r) => surveyKey(r[1] as string) !== r[2]).map((r) => r[0] as number)));
  if (suppression) problems.push(...(await suppressionProblems(db)));
  return problems;
}
