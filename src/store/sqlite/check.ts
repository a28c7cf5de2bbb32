// `store check` for SQLite: SQLite's own integrity check, then precrm's rules — values the domain allows, links
// that point at existing records, ids below their counters, and lookup keys that agree with the domain's.
// Messages name ids and columns, never stored personal data.
import { emailKey, phoneKey } from '../../domain/dedupe.js';
import { DIRECTIONS, OUTCOMES, SEGMENTS, STAGES, TOUCH_TYPES } from '../../domain/types.js';
import type { Db } from './connection.js';
import { surveyKey } from '../../domain/queries.js';
import { nameKey } from '../../domain/references.js';
import { ID_KINDS } from './schema.js';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** Shows at most a few ids of a problem. */
const some = (ids: number[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(', ')} … (${ids.length} in all)` : ids.join(', '));

/** [problem, SQL returning the ids that have it] */
const RULES: [string, string][] = [
  ['prospects with an unknown stage', `SELECT id FROM prospects WHERE stage NOT IN (${quoted(STAGES)})`],
  ['stage history entries with an unknown stage (prospect ids)', `SELECT DISTINCT prospect_id FROM stage_history WHERE stage NOT IN (${quoted(STAGES)})`],
  ['prospects without a stage history', 'SELECT id FROM prospects p WHERE NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.prospect_id = p.id)'],
  ['stage history of missing prospects (prospect ids)', 'SELECT DISTINCT prospect_id FROM stage_history h WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = h.prospect_id)'],
  ['consent entries of missing prospects (prospect ids)', 'SELECT DISTINCT prospect_id FROM consent c WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = c.prospect_id)'],
  ['prospects referred by a missing prospect', 'SELECT id FROM prospects p WHERE referred_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prospects r WHERE r.id = p.referred_by)'],
  ['prospects with a cadence that is not a whole number of days', 'SELECT id FROM prospects WHERE cadence_days IS NOT NULL AND (typeof(cadence_days) <> \'integer\' OR cadence_days < 1)'],
  ['prospects whose tags or fields are not JSON', "SELECT id FROM prospects WHERE NOT json_valid(tags) OR json_type(tags) <> 'array' OR NOT json_valid(fields) OR json_type(fields) <> 'object'"],
  ['touches of missing prospects', 'SELECT id FROM touches t WHERE NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = t.prospect_id)'],
  ['touches with an unknown type', `SELECT id FROM touches WHERE type NOT IN (${quoted(TOUCH_TYPES)})`],
  ['touches with an unknown outcome or direction', `SELECT id FROM touches WHERE (outcome IS NOT NULL AND outcome NOT IN (${quoted(OUTCOMES)})) OR (direction IS NOT NULL AND direction NOT IN (${quoted(DIRECTIONS)}))`],
  ['surveys whose questions are not JSON', "SELECT id FROM surveys WHERE NOT json_valid(questions) OR json_type(questions) <> 'array'"],
  ['responses to a missing survey', 'SELECT id FROM responses r WHERE NOT EXISTS (SELECT 1 FROM surveys s WHERE s.name_key = r.survey_key)'],
  ['responses of missing prospects', 'SELECT id FROM responses r WHERE prospect_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prospects p WHERE p.id = r.prospect_id)'],
  ['responses with an unknown segment or stage', `SELECT id FROM responses WHERE segment NOT IN (${quoted(SEGMENTS)}) OR (stage IS NOT NULL AND stage NOT IN (${quoted(STAGES)}))`],
  ['responses whose answers are not JSON', "SELECT id FROM responses WHERE NOT json_valid(answers) OR json_type(answers) <> 'object'"],
];

const TABLE_OF = { prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses' } as const;

/** Problems found in an open precrm database (empty when it is sound). */
export function checkDatabase(db: Db): string[] {
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  if (integrity.length !== 1 || integrity[0] !== 'ok') return ['SQLite integrity check failed:', ...integrity.slice(0, 20)];
  const problems: string[] = [];
  for (const [what, sql] of RULES) {
    const ids = db.prepare(sql).pluck().all() as number[];
    if (ids.length) problems.push(`${what}: ${some(ids)}`);
  }
  for (const kind of ID_KINDS) {
    const next = db.prepare('SELECT next_id FROM counters WHERE kind = ?').pluck().get(kind) as number | undefined;
    const top = db.prepare(`SELECT max(id) FROM ${TABLE_OF[kind]}`).pluck().get() as number | null;
    if (next === undefined) problems.push(`the ${kind} id counter is missing`);
    else if (top !== null && top >= next) problems.push(`${kind} ids reach ${top} but the counter would hand out ${next} again`);
  }
  problems.push(...staleKeys(db));
  return problems;
}

/** Rows whose lookup keys disagree with the domain's (written by another program, or by an older precrm). */
function staleKeys(db: Db): string[] {
  const wrong: number[] = [];
  const rows = db.prepare('SELECT id, name, email, phone, email_key, phone_key, name_lower, name_key FROM prospects').raw().iterate() as Iterable<unknown[]>;
  for (const [id, name, email, phone, ek, pk, nl, nk] of rows) {
    const n = name as string | null;
    if (emailKey(email as string | null) !== ek || phoneKey(phone as string | null) !== pk
      || (n === null ? null : n.toLowerCase()) !== nl || (n === null ? null : nameKey(n)) !== nk) wrong.push(id as number);
  }
  const surveys: number[] = [];
  for (const [id, name, key] of db.prepare('SELECT id, name, name_key FROM surveys').raw().iterate() as Iterable<unknown[]>) {
    if (surveyKey(name as string) !== key) surveys.push(id as number);
  }
  return [
    ...(wrong.length ? [`prospects whose lookup keys are out of date: ${some(wrong)}`] : []),
    ...(surveys.length ? [`surveys whose lookup key is out of date: ${some(surveys)}`] : []),
  ];
}
