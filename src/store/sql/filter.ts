// The one translation of a ProspectFilter into SQL, for every read that filters prospects (list, export, reports,
// the funnel, due, stale): the database answers exactly what domain/queries.ts prospectMatcher answers, from the
// keys precrm keeps beside each prospect (source_key, owner_key, search_text, prospect_tags.tag_key, created_ms,
// purchases.at_ms). Each field of the filter has its clause builder in FILTER_CLAUSES, whose type makes a field
// without one a compile error: a new field cannot be left to a fallback.
import { foldCase, tagKey, type ProspectFilter } from '../../domain/queries.js';
import { toMs } from '../../domain/reports/instants.js';
import { CONTACTABLE as CONTACT_RULES } from '../../domain/contactable.js';
import { contactableSql } from './rules.js';

/** A condition on `prospects` (aliased p) and the values of its `?` placeholders. */
export interface SqlCondition { where: string; params: unknown[] }

/** The condition that keeps every prospect (what an empty filter compiles to). */
export const EVERY_PROSPECT = '1 = 1';

type Clause<K extends keyof ProspectFilter> = (value: NonNullable<ProspectFilter[K]>) => SqlCondition | null;

/** A builder for every field (`-?`: a field without a builder does not compile); null: the value filters nothing. */
export type FilterClauses = { [K in keyof ProspectFilter]-?: Clause<K> };

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const like = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The first purchase of a prospect (its conversion): no other purchase of the prospect comes before it by (at, id).
 * `u` is the purchase in question.
 */
const FIRST_PURCHASE = 'NOT EXISTS (SELECT 1 FROM purchases v WHERE v.prospect_id = u.prospect_id AND (v.at < u.at OR (v.at = u.at AND v.id < u.id)))';

/** The domain's mayContact (not do-not-contact, not forgotten) in SQL, compiled from its one declaration. */
export const CONTACTABLE = contactableSql(CONTACT_RULES.any);

export const FILTER_CLAUSES: FilterClauses = {
  stages: (stages) => ({ where: stages.length ? `p.stage IN (${marks(stages.length)})` : '1 = 0', params: [...stages] }),
  source: (source) => ({ where: 'p.source_key = ?', params: [foldCase(source)] }),
  owner: (owner) => ({ where: 'p.owner_key = ?', params: [foldCase(owner)] }),
  // Every one of the tags: one indexed look-up (tag_key, prospect_id) per tag.
  tags: (tags) => (tags.length === 0 ? null : {
    where: tags.map(() => 'p.id IN (SELECT g.prospect_id FROM prospect_tags g WHERE g.tag_key = ?)').join(' AND '),
    params: tags.map(tagKey),
  }),
  // search_text is the domain's searchText, lower-cased already; LIKE is exact there once the needle is lower-cased
  // too (SQLite's LIKE ignores ASCII case, which lower-case text on both sides cannot notice).
  search: (search) => (search === '' ? null : { where: "p.search_text LIKE ? ESCAPE '\\'", params: [like(foldCase(search))] }),
  createdSince: (since) => ({ where: 'p.created_ms >= ?', params: [toMs(since)] }),
  createdUntil: (until) => ({ where: 'p.created_ms <= ?', params: [toMs(until)] }),
  contactable: (contactable) => (contactable ? { where: CONTACTABLE, params: [] } : null),
  converted: (window) => {
    const conditions = [FIRST_PURCHASE];
    const params: unknown[] = [];
    if (window.since !== undefined) { conditions.push('u.at_ms >= ?'); params.push(toMs(window.since)); }
    if (window.until !== undefined) { conditions.push('u.at_ms <= ?'); params.push(toMs(window.until)); }
    return { where: `p.id IN (SELECT u.prospect_id FROM purchases u WHERE ${conditions.join(' AND ')})`, params };
  },
};

/** The condition selecting exactly the prospects the filter matches (EVERY_PROSPECT for an empty filter). */
export function compileProspectFilter(f: ProspectFilter = {}): SqlCondition {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const key of Object.keys(FILTER_CLAUSES) as (keyof ProspectFilter)[]) {
    const value = f[key];
    if (value === undefined) continue;
    const clause = (FILTER_CLAUSES[key] as Clause<typeof key>)(value as never);
    if (clause === null) continue;
    conditions.push(`(${clause.where})`);
    params.push(...clause.params);
  }
  return { where: conditions.length ? conditions.join(' AND ') : EVERY_PROSPECT, params };
}
