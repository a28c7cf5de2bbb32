// `store check` on a SQL backend: what the schema's constraints cannot say. The constraints (foreign keys, CHECKs,
// types) are verified by each engine's own check (SQLite: integrity and foreign_key_check); here, every value
// precrm derives from a record is compared with what the domain derives now — the lookup keys, the tag keys, the
// funnel's reach (journeyOf), the purchase instants and decimals — and each counter with its ids. Each problem
// names its first row by kind and id, never by data.
import { surveyKey } from '../../domain/queries.js';
import { toMs } from '../../domain/reports/instants.js';
import { HEX_256 } from '../../domain/suppression.js';
import { SUPPRESSION_REASONS, type Prospect } from '../../domain/types.js';
import { isCanonicalDate } from '../stored-dates.js';
import { decimalText } from './money.js';
import { PROSPECT_DERIVED, reachRows, tagRows } from './prospect-rows.js';
import { prospectsWhere } from './prospects.js';
import type { SqlRunner } from './runner.js';
import { COUNTER_KINDS, TABLE_OF } from './tables.js';

const BATCH = 2000;

/** Problems by what is wrong: the first row found and how many. */
class Findings {
  private readonly found = new Map<string, { kind: string; id: number; n: number }>();

  add(what: string, kind: string, id: number): void {
    const f = this.found.get(what);
    if (f) f.n++;
    else this.found.set(what, { kind, id, n: 1 });
  }

  lines(): string[] {
    return [...this.found].map(([what, f]) => `${f.kind} ${f.id}: ${what}${f.n > 1 ? ` (and ${f.n - 1} more)` : ''}`);
  }
}

const DERIVED = Object.entries(PROSPECT_DERIVED);
const same = (a: unknown, b: unknown) => (a === null || b === null ? a === b : String(a) === String(b));

/** Rows of a prospect-keyed table for prospects [from, to], grouped by prospect id. */
async function grouped(db: SqlRunner, sql: string, from: number, to: number): Promise<Map<number, unknown[][]>> {
  const by = new Map<number, unknown[][]>();
  for (const r of await db.rows(sql, [from, to])) {
    const id = Number(r[0]);
    by.set(id, [...(by.get(id) ?? []), r]);
  }
  return by;
}

/** Compares a batch of prospects' derived rows with what the domain derives from the records. */
async function checkProspects(db: SqlRunner, prospects: Prospect[], out: Findings): Promise<void> {
  const [from, to] = [prospects[0]!.id, prospects[prospects.length - 1]!.id];
  const keys = await grouped(db, `SELECT id, ${DERIVED.map(([c]) => c).join(', ')} FROM prospects WHERE id BETWEEN ? AND ?`, from, to);
  const tags = await grouped(db, 'SELECT prospect_id, tag_key FROM prospect_tags WHERE prospect_id BETWEEN ? AND ? ORDER BY prospect_id, seq', from, to);
  const reach = await grouped(db, 'SELECT prospect_id, rank, ms FROM funnel_reach WHERE prospect_id BETWEEN ? AND ? ORDER BY prospect_id, rank', from, to);
  for (const p of prospects) {
    const stored = keys.get(p.id)![0]!;
    if (DERIVED.some(([, derive], i) => !same(stored[i + 1], derive(p)))) out.add('its lookup keys are out of date', 'prospect', p.id);
    if (p.stageHistory.length === 0) out.add('it has no stage history', 'prospect', p.id);
    const tagKeys = (tags.get(p.id) ?? []).map((r) => r[1]);
    if (tagKeys.join('\n') !== tagRows(p).map((t) => t.tag_key).join('\n')) out.add('its tag keys are out of date', 'prospect', p.id);
    const expected = reachRows(p).map((r) => `${r.rank}:${r.ms}`).join(' ');
    if ((reach.get(p.id) ?? []).map((r) => `${Number(r[1])}:${Number(r[2])}`).join(' ') !== expected) {
      out.add('its funnel_reach rows disagree with its stage history (journeyOf)', 'prospect', p.id);
    }
  }
}

/** Each counter exists and is past every id of its kind. */
async function checkCounters(db: SqlRunner): Promise<string[]> {
  const problems: string[] = [];
  const tables = TABLE_OF;
  for (const kind of COUNTER_KINDS) {
    const [row] = await db.rows(`SELECT (SELECT next_id FROM counters WHERE kind = '${kind}'), (SELECT max(id) FROM ${tables[kind]})`);
    const [next, top] = [row![0] === null ? null : Number(row![0]), row![1] === null ? null : Number(row![1])];
    if (next === null) problems.push(`the ${kind} id counter is missing`);
    else if (top !== null && top >= next) problems.push(`${kind} ids reach ${top} but the counter would hand out ${next} again`);
  }
  return problems;
}

/** Purchases: the instant in milliseconds and the decimal as the domain's number writes them. */
async function checkPurchases(db: SqlRunner, out: Findings): Promise<void> {
  for (const [id, at, atMs, value] of await db.rows('SELECT id, at, at_ms, value FROM purchases ORDER BY id')) {
    if (Number(atMs) !== toMs(at as string)) out.add('its at_ms is not its instant', 'purchase', Number(id));
    if (value !== null && decimalText(Number(value)) !== String(value)) out.add('its value is not a canonical decimal', 'purchase', Number(id));
  }
}

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
 * Problems found in a precrm database whose constraints hold (empty when it is sound). `suppression`: false for a
 * database of a schema older than the list.
 */
export async function checkTables(db: SqlRunner, suppression = true): Promise<string[]> {
  const out = new Findings();
  for (let after = 0; ;) {
    const [last] = await db.rows(`SELECT max(id) FROM (SELECT id FROM prospects WHERE id > ? ORDER BY id LIMIT ${BATCH}) b`, [after]);
    if (last![0] === null) break;
    await checkProspects(db, await prospectsWhere(db, 'p.id > ? AND p.id <= ?', [after, Number(last![0])]), out);
    after = Number(last![0]);
  }
  await checkPurchases(db, out);
  for (const [id, name, key] of await db.rows('SELECT id, name, name_key FROM surveys ORDER BY id')) {
    if (surveyKey(name as string) !== key) out.add('its lookup key is out of date', 'survey', Number(id));
  }
  return [...(await checkCounters(db)), ...out.lines(), ...(suppression ? await suppressionProblems(db) : [])];
}
