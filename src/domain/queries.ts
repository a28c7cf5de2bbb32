// The questions commands ask of a store, as data, and the one definition of each answer: the prospect filter of
// list, export and reports, the sort orders, the touch and response queries. The JSON backend answers them with
// these predicates over its document; a database backend may narrow by index first, but must give the same rows.
import { toMs } from './reports/instants.js';
import { STAGES, type Prospect, type Stage, type SurveyResponse, type Tally, type Touch, type TouchType } from './types.js';
import { mayContact } from './contactable.js';

/** The one prospect filter (prospect list, export, reports, due/stale). Every field left out matches all. */
export interface ProspectFilter {
  /** In any of these stages. */
  stages?: readonly Stage[];
  /** Same source, ignoring case. */
  source?: string;
  /** Same owner, ignoring case. */
  owner?: string;
  /** Carries every one of these tags, ignoring case. */
  tags?: readonly string[];
  /** Contains this text, ignoring case, in name, email, phone, company, notes or a tag. */
  search?: string;
  /** Created at or after this instant (ISO). */
  createdSince?: string;
  /** Created at or before this instant (ISO). */
  createdUntil?: string;
  /** Only prospects that may be contacted: not do-not-contact and not forgotten (contactable.ts, CONTACTABLE.any). */
  contactable?: boolean;
  /** Only converted prospects, optionally with the purchase in a window (ISO instants, inclusive). */
  converted?: { since?: string; until?: string };
}

const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();

export { mayContact };

/** How the filter compares text ignoring case (source, owner, tags, search): JavaScript's own lower-casing. */
export const foldCase = (s: string): string => s.toLowerCase();
/** The key a tag is matched by (`--tag`); a database keeps it beside each tag. */
export const tagKey = foldCase;

/** The text `search` looks in. */
export function searchText(p: Pick<Prospect, 'name' | 'description' | 'email' | 'phone' | 'company' | 'notes' | 'tags'>): string {
  return foldCase([p.name, p.description, p.email, p.phone, p.company, p.notes, ...p.tags].filter(Boolean).join('\n'));
}

const inWindow = (ms: number, since: number | undefined, until: number | undefined) =>
  (since === undefined || ms >= since) && (until === undefined || ms <= until);
const msOf = (iso: string | undefined) => (iso === undefined ? undefined : toMs(iso));

/** The predicate of a filter, built once (lower-casing and date parsing happen here, not per prospect). */
export function prospectMatcher(f: ProspectFilter): (p: Prospect) => boolean {
  const stages = f.stages && new Set<Stage>(f.stages);
  const source = f.source === undefined ? undefined : foldCase(f.source);
  const owner = f.owner === undefined ? undefined : foldCase(f.owner);
  const tags = f.tags?.map(tagKey);
  const search = f.search === undefined ? undefined : foldCase(f.search);
  const [since, until] = [msOf(f.createdSince), msOf(f.createdUntil)];
  const [convSince, convUntil] = [msOf(f.converted?.since), msOf(f.converted?.until)];
  return (p) => {
    if (stages && !stages.has(p.stage)) return false;
    if (source !== undefined && (p.source === null || foldCase(p.source) !== source)) return false;
    if (owner !== undefined && (p.owner === null || foldCase(p.owner) !== owner)) return false;
    if (tags && !tags.every((t) => p.tags.some((x) => tagKey(x) === t))) return false;
    if ((since !== undefined || until !== undefined) && !inWindow(toMs(p.createdAt), since, until)) return false;
    if (f.contactable && !mayContact(p)) return false;
    if (f.converted && (p.conversion === null || !inWindow(toMs(p.conversion.at), convSince, convUntil))) return false;
    if (search && !searchText(p).includes(search)) return false;
    return true;
  };
}

export const PROSPECT_SORT_KEYS = ['id', 'name', 'created', 'updated', 'stage', 'source', 'owner', 'follow-up'] as const;
export type ProspectSortKey = (typeof PROSPECT_SORT_KEYS)[number];
interface ProspectSort { key: ProspectSortKey; descending?: boolean }

const STAGE_ORDER: Record<string, number> = Object.fromEntries(STAGES.map((s, i) => [s, i]));
const SORT_VALUE: Record<ProspectSortKey, (p: Prospect) => string | number> = {
  id: (p) => p.id,
  name: (p) => lower(p.name),
  created: (p) => p.createdAt,
  updated: (p) => p.updatedAt,
  stage: (p) => STAGE_ORDER[p.stage]!,
  source: (p) => p.source ?? '',
  owner: (p) => p.owner ?? '',
  'follow-up': (p) => p.followUp?.at ?? '9999',
};

/** Sorts a page: by the key (JavaScript string order, i.e. UTF-16 code units), ties by id ascending. */
export function sortProspects<P extends Prospect>(rows: readonly P[], sort: ProspectSort = { key: 'id' }): P[] {
  const dir = sort.descending ? -1 : 1;
  if (sort.key === 'id') return [...rows].sort((a, b) => dir * (a.id - b.id));
  const value = SORT_VALUE[sort.key];
  return rows.map((p) => [value(p), p] as const)
    .sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1].id - b[1].id))
    .map(([, p]) => p);
}

/** A page of prospects: those matching the filter, sorted, at most `limit`. */
export interface ProspectQuery { filter?: ProspectFilter; sort?: ProspectSort; limit?: number }

/** Touches, always sorted by time then id, oldest first. */
export interface TouchQuery {
  prospectId?: number;
  /** Touches of any of these prospects. */
  prospectIds?: readonly number[];
  types?: readonly TouchType[];
  /** At or after this instant (ISO). */
  since?: string;
  /** At or before this instant (ISO). */
  until?: string;
  /** Logged by this member of staff, ignoring case and surrounding spaces. */
  by?: string;
  /** Only touches of prospects matching this filter. */
  prospects?: ProspectFilter;
  /** Only the latest n (still returned oldest first). */
  latest?: number;
}

/** Time order of touches: by time, then id. */
export const byTouchTime = (a: Pick<Touch, 'at' | 'id'>, b: Pick<Touch, 'at' | 'id'>): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id);

/** The predicate of a touch query, without `prospects` (which needs the prospect) and `latest` (which needs all). */
export function touchMatcher(q: TouchQuery): (t: Touch) => boolean {
  const types = q.types && new Set<TouchType>(q.types);
  const ofProspects = q.prospectIds && new Set(q.prospectIds);
  const by = q.by?.trim().toLowerCase();
  return (t) => (q.prospectId === undefined || t.prospectId === q.prospectId)
    && (!ofProspects || ofProspects.has(t.prospectId))
    && (!types || types.has(t.type))
    && (q.since === undefined || t.at >= q.since) && (q.until === undefined || t.at <= q.until)
    && (by === undefined || t.by?.toLowerCase() === by);
}

/** Tallies in a window (ISO instants, inclusive), sorted by time then id. */
export interface TallyQuery { since?: string; until?: string }

export function tallyMatcher(q: TallyQuery): (t: Tally) => boolean {
  return (t) => (q.since === undefined || t.at >= q.since) && (q.until === undefined || t.at <= q.until);
}

/** Responses, sorted by answer time then id. `survey` is matched by surveyKey. */
export interface ResponseQuery { survey?: string; prospectId?: number; since?: string; until?: string }

/** The one rule that ties a response to its survey: the name, ignoring case. */
export const surveyKey = (name: string): string => name.toLowerCase();

export function responseMatcher(q: ResponseQuery): (r: SurveyResponse) => boolean {
  const key = q.survey === undefined ? undefined : surveyKey(q.survey);
  return (r) => (key === undefined || surveyKey(r.survey) === key)
    && (q.prospectId === undefined || r.prospectId === q.prospectId)
    && (q.since === undefined || r.at >= q.since) && (q.until === undefined || r.at <= q.until);
}

/** What a report needs of a prospect: a slim row a database can serve from indexed columns. */
export type CohortMember = Pick<Prospect, 'id' | 'source' | 'owner' | 'tags' | 'stage' | 'stageHistory' | 'createdAt' | 'conversion' | 'referredBy'>;
/** What a report needs of a touch. */
export type CohortTouch = Pick<Touch, 'id' | 'prospectId' | 'type' | 'at' | 'by' | 'cost' | 'currency'>;
/** A prospect with its latest touch (null when never touched): what due and stale decide on. */
export interface ProspectWithLastTouch { prospect: Prospect; lastTouch: Touch | null }

/** The latest of two touches by time, then id. */
export const laterTouch = <T extends Pick<Touch, 'at' | 'id'>>(a: T | undefined, b: T): T => (!a || byTouchTime(b, a) > 0 ? b : a);
