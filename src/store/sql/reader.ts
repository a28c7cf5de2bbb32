// The reads of a SQL backend: each StoreReader question narrowed by SQL through an index, then finished with the
// domain's own predicate and order (domain/queries.ts, references.ts, dedupe.ts), so the rows are exactly those the
// JSON backend gives. Shared by a store (its read connection) and a transaction (its write connection).
import { CONTACTABLE } from '../../domain/contactable.js';
import { duplicateMatcher, type DuplicateQuery } from '../../domain/dedupe.js';
import { searchedTexts } from '../../domain/forget.js';
import {
  responseMatcher, sortProspects, surveyKey, touchMatcher,
  type CohortMember, type CohortTouch, type ProspectFilter, type ProspectQuery, type ProspectWithLastTouch,
  type ResponseQuery, type TallyQuery, type TouchQuery,
} from '../../domain/queries.js';
import { nameKey, sameName, startsDescriptionWord, type ProspectReference } from '../../domain/references.js';
import type { Occasion, Prospect, Purchase, SuppressionEntry, Survey, SurveyResponse, Tally, Touch } from '../../domain/types.js';
import type { IdCounters, StoreCounts, StoreReader } from '../store.js';
import type { FunnelCounts } from '../../domain/reports/funnel.js';
import { compileProspectFilter, EVERY_PROSPECT, type SqlCondition } from './filter.js';
import { funnelCounts as funnelCountsWhere } from './funnel.js';
import { ID_KINDS } from './tables.js';
import { prospectsWhere, referenceWhere } from './prospects.js';
import { purchasesWhere } from './purchases.js';
import { contactableSql, SEARCHED_TEXT_SQL } from './rules.js';
import type { SqlRunner } from './runner.js';
import { responsesWhere, surveysWhere } from './surveys.js';
import { readEntries, readSecret } from './suppression.js';
import { decimalValue } from './money.js';
import { talliesWhere } from './tallies.js';
import { touchesWhere, touchFromRow, TOUCHES } from './touches.js';
import { occasionsWhere } from './occasions.js';

/** Both conditions (either may be the filter's). */
const and = (a: SqlCondition, b: SqlCondition): SqlCondition => ({ where: `(${a.where}) AND (${b.where})`, params: [...a.params, ...b.params] });

/** Who due and stale may list, as the domain declares it (domain/contactable.ts). */
const DUE: SqlCondition = { where: contactableSql(CONTACTABLE.due), params: [] };
const STALE: SqlCondition = { where: contactableSql(CONTACTABLE.stale), params: [] };

/** The tables `counts` counts, named as StoreCounts' keys. */
const COUNTED = ['prospects', 'touches', 'surveys', 'responses', 'purchases', 'tallies', 'occasions'] as const;

const lowerAny = (needles: readonly string[]) => needles.map((n) => n.toLowerCase()).filter((n) => n !== '');

export abstract class SqlReader implements StoreReader {
  /** The connection reads go through. */
  protected abstract db(): Promise<SqlRunner>;

  /** Whether prospect rows read are locked for the rest of the transaction (a writer's reads on a server). */
  protected lockRows = false;

  protected async prospects(where: string, params: readonly unknown[] = []): Promise<Prospect[]> {
    return prospectsWhere(await this.db(), where, params, this.lockRows);
  }

  async getProspect(id: number): Promise<Prospect | null> {
    return (await this.prospects('p.id = ?', [id]))[0] ?? null;
  }

  async getProspects(ids: readonly number[]): Promise<Prospect[]> {
    if (ids.length === 0) return [];
    const db = await this.db();
    return this.prospects(`p.id ${db.dialect.inList('int')}`, [db.dialect.list(ids)]);
  }

  async prospectCandidates(ref: ProspectReference): Promise<Prospect[]> {
    if (ref.kind === 'id') return this.getProspects([ref.id]);
    const { where, params } = referenceWhere(ref, 'indexed');
    const found = await this.prospects(where, params);
    if (found.length || ref.nameKey === '') return found;
    const words = referenceWhere(ref, 'words');
    const named = await this.prospects(words.where, words.params);
    if (named.length) return named;
    // The last tier, a word of a description: the domain decides among the prospects that have one.
    return startsDescriptionWord(await this.prospects('p.description IS NOT NULL'), ref.nameKey);
  }

  async findDuplicates(q: DuplicateQuery): Promise<Prospect[]> {
    const db = await this.db();
    const { inList, list } = db.dialect;
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (q.emails?.length) { conditions.push(`p.email_key ${inList('text')}`); params.push(list(q.emails)); }
    if (q.phones?.length) { conditions.push(`p.phone_key ${inList('text')}`); params.push(list(q.phones)); }
    if (q.bareNames?.length) {
      conditions.push(`(p.email_key IS NULL AND p.phone_key IS NULL AND coalesce(p.name_lower, '') ${inList('text')})`);
      params.push(list(q.bareNames));
    }
    if (conditions.length === 0) return [];
    await this.beforeIdentityLookup();
    return (await this.prospects(conditions.join(' OR '), params)).filter(duplicateMatcher(q));
  }

  async prospectsNamed(name: string): Promise<Prospect[]> {
    // name_key holds nameKey(name), indexed; the domain's predicate has the last word.
    return (await this.prospects('p.name_key = ?', [nameKey(name.trim())])).filter((p) => sameName(p, name));
  }

  /** Called before a duplicate look-up: a server backend serialises look-ups that may lead to an insert. */
  protected async beforeIdentityLookup(): Promise<void> {}

  async listProspects(q: ProspectQuery = {}): Promise<Prospect[]> {
    // Unfiltered and in id order, the limit is the database's to apply: `prospect list --limit 5`, or an import
    // asking whether the store holds any prospect, reads that many rows instead of every prospect.
    const byId = q.sort === undefined || (q.sort.key === 'id' && !q.sort.descending);
    if (q.limit !== undefined && q.filter === undefined && byId) {
      return this.prospects('p.id IN (SELECT id FROM prospects ORDER BY id LIMIT ?)', [q.limit]);
    }
    const { where, params } = compileProspectFilter(q.filter);
    const rows = await this.prospects(where, params);
    const sorted = q.sort && (q.sort.key !== 'id' || q.sort.descending) ? sortProspects(rows, q.sort) : rows;
    return q.limit === undefined ? sorted : sorted.slice(0, q.limit);
  }

  async referralsOf(id: number): Promise<Prospect[]> {
    return this.prospects('p.referred_by = ?', [id]);
  }

  async prospectsMentioning(needles: readonly string[]): Promise<Prospect[]> {
    const lowered = lowerAny(needles);
    if (lowered.length === 0) return [];
    const has = (text: string | null | undefined) => Boolean(text) && lowered.some((n) => text!.toLowerCase().includes(n));
    const rows = await this.prospects(SEARCHED_TEXT_SQL);
    return rows.filter((p) => searchedTexts(p).some(([, text]) => has(text)));
  }

  async getTouch(id: number): Promise<Touch | null> {
    return (await touchesWhere(await this.db(), 't.id = ?', [id]))[0] ?? null;
  }

  async listTouches(q: TouchQuery = {}): Promise<Touch[]> {
    const db = await this.db();
    const { inList, list } = db.dialect;
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (q.prospectId !== undefined) { conditions.push('t.prospect_id = ?'); params.push(q.prospectId); }
    if (q.prospectIds) { conditions.push(`t.prospect_id ${inList('int')}`); params.push(list(q.prospectIds)); }
    if (q.types) { conditions.push(`t.type ${inList('text')}`); params.push(list(q.types)); }
    if (q.since !== undefined) { conditions.push('t.at >= ?'); params.push(q.since); }
    if (q.until !== undefined) { conditions.push('t.at <= ?'); params.push(q.until); }
    if (q.prospects) {
      const cohort = compileProspectFilter(q.prospects);
      conditions.push(`t.prospect_id IN (SELECT p.id FROM prospects p WHERE ${cohort.where})`);
      params.push(...cohort.params);
    }
    const keep = touchMatcher(q);
    const rows = (await touchesWhere(db, conditions.length ? conditions.join(' AND ') : '1 = 1', params)).filter(keep);
    return q.latest === undefined ? rows : rows.slice(Math.max(0, rows.length - q.latest));
  }

  async lastTouches(prospectIds: readonly number[]): Promise<Map<number, Touch>> {
    const last = new Map<number, Touch>();
    if (prospectIds.length === 0) return last;
    const db = await this.db();
    // One index step per prospect (touches_prospect_at), all inside the database.
    const sql = `SELECT ${TOUCHES.read.list} FROM touches WHERE id IN (
      SELECT (SELECT id FROM touches WHERE prospect_id = j.value ORDER BY at DESC, id DESC LIMIT 1) FROM ${db.dialect.listTable('int')})`;
    for (const r of await db.rows(sql, [db.dialect.list(prospectIds)])) {
      const t = touchFromRow(r);
      last.set(t.prospectId, t);
    }
    return last;
  }

  async countTouchesUpTo(items: readonly { prospectId: number; at: string }[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>(items.map((i) => [i.prospectId, 0]));
    if (items.length === 0) return counts;
    const db = await this.db();
    // One statement for every prospect (an index range each): a report over thousands of customers is one round trip.
    const { from, params } = db.dialect.pairTable(items.map((i) => [i.prospectId, i.at] as const));
    const rows = await db.rows(`SELECT j.id, (SELECT count(*) FROM touches t WHERE t.prospect_id = j.id AND t.at <= j.at) FROM ${from}`, params);
    for (const [id, n] of rows) counts.set(Number(id), Number(n));
    return counts;
  }

  async touchesMentioning(needles: readonly string[]): Promise<Touch[]> {
    const lowered = lowerAny(needles);
    if (lowered.length === 0) return [];
    const rows = await touchesWhere(await this.db(), 't.note IS NOT NULL');
    return rows.filter((t) => lowered.some((n) => t.note!.toLowerCase().includes(n))).sort((a, b) => a.id - b.id);
  }

  async purchasesOf(prospectIds: readonly number[]): Promise<Purchase[]> {
    if (prospectIds.length === 0) return [];
    const db = await this.db();
    return purchasesWhere(db, `u.prospect_id ${db.dialect.inList('int')}`, [db.dialect.list([...new Set(prospectIds)])]);
  }

  async listPurchases(filter?: ProspectFilter): Promise<Purchase[]> {
    const { where, params } = compileProspectFilter(filter);
    const cohort = where === EVERY_PROSPECT ? '1 = 1' : `u.prospect_id IN (SELECT p.id FROM prospects p WHERE ${where})`;
    return purchasesWhere(await this.db(), cohort, params);
  }

  async purchasesWithOrders(orderIds: readonly string[]): Promise<Purchase[]> {
    if (orderIds.length === 0) return [];
    const db = await this.db();
    return purchasesWhere(db, `u.order_id ${db.dialect.inList('text')}`, [db.dialect.list([...new Set(orderIds)])]);
  }

  async dueCandidates(filter: ProspectFilter, horizon: string): Promise<ProspectWithLastTouch[]> {
    const { where, params } = and(compileProspectFilter(filter), DUE);
    const rows = await this.prospects(
      // The OR as a union of two index ranges (follow-ups by date, prospects with a cadence): written as one OR,
      // SQLite scans every prospect.
      `${where} AND p.id IN (SELECT id FROM prospects WHERE follow_up_at <= ? UNION ALL SELECT id FROM prospects WHERE cadence_days IS NOT NULL)`,
      [...params, horizon],
    );
    return this.withLastTouch(rows);
  }

  async staleCandidates(filter: ProspectFilter, silentBefore: string): Promise<ProspectWithLastTouch[]> {
    const { where, params } = and(compileProspectFilter(filter), STALE);
    const withLast = await this.withLastTouch(await this.prospects(where, params));
    return withLast.filter((r) => (r.lastTouch?.at ?? r.prospect.createdAt) < silentBefore);
  }

  private async withLastTouch(prospects: Prospect[]): Promise<ProspectWithLastTouch[]> {
    const last = await this.lastTouches(prospects.map((p) => p.id));
    return prospects.map((prospect) => ({ prospect, lastTouch: last.get(prospect.id) ?? null }));
  }

  async cohort(filter: ProspectFilter): Promise<CohortMember[]> {
    return this.listProspects({ filter });
  }

  /** Counted in the database, whatever the filter (compileProspectFilter selects the cohort exactly). */
  async funnelCounts(filter: ProspectFilter): Promise<FunnelCounts> {
    return funnelCountsWhere(await this.db(), compileProspectFilter(filter));
  }

  async cohortTouches(filter: ProspectFilter): Promise<CohortTouch[]> {
    const { where, params } = compileProspectFilter(filter);
    const cohort = where === EVERY_PROSPECT ? '' : `WHERE t.prospect_id IN (SELECT p.id FROM prospects p WHERE ${where})`;
    const rows = await (await this.db()).rows(`SELECT t.id, t.prospect_id, t.type, t.at, t.logged_by, t.cost, t.currency FROM touches t ${cohort} ORDER BY t.at, t.id`, params);
    return rows.map((r) => ({
      id: Number(r[0]), prospectId: Number(r[1]), type: r[2] as Touch['type'], at: r[3] as string, by: r[4] as string | null,
      cost: decimalValue(r[5]), currency: r[6] as string | null,
    }));
  }

  async listTallies(q: TallyQuery = {}): Promise<Tally[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (q.since !== undefined) { conditions.push('at >= ?'); params.push(q.since); }
    if (q.until !== undefined) { conditions.push('at <= ?'); params.push(q.until); }
    return talliesWhere(await this.db(), conditions.length ? conditions.join(' AND ') : '1 = 1', params);
  }

  async surveys(): Promise<Survey[]> {
    return surveysWhere(await this.db(), '1 = 1');
  }

  async getSurvey(id: number): Promise<Survey | null> {
    return (await surveysWhere(await this.db(), 's.id = ?', [id]))[0] ?? null;
  }

  async surveyByName(name: string): Promise<Survey | null> {
    await this.beforeSurveyLookup();
    return (await surveysWhere(await this.db(), 's.name_key = ?', [surveyKey(name)]))[0] ?? null;
  }

  /** Called before a survey look-up by name: a server backend serialises look-ups that may lead to an insert. */
  protected async beforeSurveyLookup(): Promise<void> {}

  async listResponses(q: ResponseQuery = {}): Promise<SurveyResponse[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (q.survey !== undefined) { conditions.push('s.name_key = ?'); params.push(surveyKey(q.survey)); }
    if (q.prospectId !== undefined) { conditions.push('r.prospect_id = ?'); params.push(q.prospectId); }
    if (q.since !== undefined) { conditions.push('r.at >= ?'); params.push(q.since); }
    if (q.until !== undefined) { conditions.push('r.at <= ?'); params.push(q.until); }
    return (await responsesWhere(await this.db(), conditions.length ? conditions.join(' AND ') : '1 = 1', params)).filter(responseMatcher(q));
  }

  async countResponses(surveyNames: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(surveyNames.map((n) => [surveyKey(n), 0]));
    if (surveyNames.length === 0) return counts;
    const db = await this.db();
    const rows = await db.rows(
      `SELECT s.name_key, count(*) FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.name_key ${db.dialect.inList('text')} GROUP BY s.name_key`,
      [db.dialect.list([...counts.keys()])],
    );
    for (const [key, n] of rows) counts.set(key as string, Number(n));
    return counts;
  }

  async suppressionSecret(): Promise<string | null> {
    return readSecret(await this.db());
  }

  async suppressionEntries(hashes: readonly string[]): Promise<SuppressionEntry[]> {
    return readEntries(await this.db(), hashes);
  }

  async counts(): Promise<StoreCounts> {
    const [r] = await (await this.db()).rows(
      `SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM ${t})`).join(', ')}`,
    );
    return Object.fromEntries(COUNTED.map((t, i) => [t, Number(r![i])])) as StoreCounts;
  }

  async listOccasions(prospectIds?: readonly number[]): Promise<Occasion[]> {
    const db = await this.db();
    if (prospectIds === undefined) return occasionsWhere(db, '1 = 1');
    if (prospectIds.length === 0) return [];
    return occasionsWhere(db, `o.prospect_id ${db.dialect.inList('int')}`, [db.dialect.list(prospectIds)]);
  }

  async getOccasion(id: number): Promise<Occasion | null> {
    return (await occasionsWhere(await this.db(), 'o.id = ?', [id]))[0] ?? null;
  }

  async counters(): Promise<IdCounters> {
    return countersOf(await this.db());
  }
}

/** The record kinds' counters. */
export async function countersOf(db: SqlRunner): Promise<IdCounters> {
  const rows = await db.rows('SELECT kind, next_id FROM counters');
  const next = new Map(rows.map((r) => [r[0] as string, Number(r[1])]));
  return Object.fromEntries(ID_KINDS.map((k) => [k, next.get(k)!])) as IdCounters;
}
