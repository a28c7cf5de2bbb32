// The JSON backend's reads: every StoreReader question answered from the one in-memory document, with the
// domain's own predicates (that is the definition a database backend must match).
import { duplicateMatcher, type DuplicateQuery } from '../../domain/dedupe.js';
import { searchedTexts } from '../../domain/forget.js';
import { allowedBy, CONTACTABLE } from '../../domain/contactable.js';
import {
  byTouchTime, laterTouch, prospectMatcher, responseMatcher, sortProspects, surveyKey, tallyMatcher, touchMatcher,
  type CohortMember, type CohortTouch, type ProspectFilter, type ProspectQuery, type ProspectWithLastTouch,
  type ResponseQuery, type TallyQuery, type TouchQuery,
} from '../../domain/queries.js';
import { candidatesIn, sameName, type ProspectReference } from '../../domain/references.js';
import type { FunnelCounts } from '../../domain/reports/funnel.js';
import type { IdKind, Occasion, Prospect, Purchase, StoreDoc, SuppressionEntry, Survey, SurveyResponse, Tally, Touch } from '../../domain/types.js';
import type { IdCounters, StoreCounts, StoreReader } from '../store.js';
import { copyData } from './copy-data.js';

type Listed = { id: number };
const LIST: Record<IdKind, 'prospects' | 'touches' | 'surveys' | 'responses' | 'purchases' | 'tallies' | 'occasions'> = {
  prospect: 'prospects', touch: 'touches', survey: 'surveys', response: 'responses', purchase: 'purchases', tally: 'tallies', occasion: 'occasions',
};

/** Sorts a list by id in place unless it already is (the usual case: ids are handed out in order). */
function byIdInPlace(list: Listed[]): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1]!.id > list[i]!.id) {
      list.sort((a, b) => a.id - b.id);
      return;
    }
  }
}

const lowerHas = (needles: readonly string[]) => {
  const lowered = needles.map((n) => n.toLowerCase()).filter((n) => n !== '');
  return (text: string | null | undefined) => Boolean(text) && lowered.some((n) => text!.toLowerCase().includes(n));
};

export class DocReader implements StoreReader {
  private indexes: Partial<Record<IdKind, Map<number, number>>> = {};

  /** `copies`: hand out copies (inside a transaction, where the document is about to be written). */
  constructor(protected readonly doc: StoreDoc, private readonly copies: boolean) {
    for (const kind of Object.keys(LIST) as IdKind[]) byIdInPlace(doc[LIST[kind]]);
  }

  protected out<T>(value: T): T {
    return this.copies ? copyData(value) : value;
  }

  /** Position of an id in its list (lists are kept in id order). */
  protected indexOf(kind: IdKind, id: number): number | undefined {
    let index = this.indexes[kind];
    if (!index) {
      index = new Map();
      const list = this.doc[LIST[kind]] as Listed[];
      for (let i = 0; i < list.length; i++) index.set(list[i]!.id, i);
      this.indexes[kind] = index;
    }
    return index.get(id);
  }

  /** Records a new position in the index, if one was built. */
  protected indexed(kind: IdKind, id: number, position: number): void {
    this.indexes[kind]?.set(id, position);
  }

  protected forgetIndex(kind: IdKind): void {
    delete this.indexes[kind];
  }

  private byId<K extends IdKind>(kind: K, id: number): Listed | undefined {
    const i = this.indexOf(kind, id);
    return i === undefined ? undefined : (this.doc[LIST[kind]] as Listed[])[i];
  }

  async getProspect(id: number): Promise<Prospect | null> {
    return this.out((this.byId('prospect', id) as Prospect | undefined) ?? null);
  }

  async getProspects(ids: readonly number[]): Promise<Prospect[]> {
    const found = [...new Set(ids)].map((id) => this.byId('prospect', id) as Prospect | undefined).filter((p): p is Prospect => p !== undefined);
    return this.out(found.sort((a, b) => a.id - b.id));
  }

  async prospectCandidates(ref: ProspectReference): Promise<Prospect[]> {
    return this.out(candidatesIn(this.doc.prospects, ref));
  }

  async findDuplicates(q: DuplicateQuery): Promise<Prospect[]> {
    return this.out(this.doc.prospects.filter(duplicateMatcher(q)));
  }

  async prospectsNamed(name: string): Promise<Prospect[]> {
    return this.out(this.doc.prospects.filter((p) => sameName(p, name)));
  }

  async listProspects(q: ProspectQuery = {}): Promise<Prospect[]> {
    const keep = q.filter ? prospectMatcher(q.filter) : undefined;
    const rows = keep ? this.doc.prospects.filter(keep) : this.doc.prospects;
    const sorted = q.sort && (q.sort.key !== 'id' || q.sort.descending) ? sortProspects(rows, q.sort) : rows;
    return this.out(q.limit === undefined ? (sorted === this.doc.prospects ? [...sorted] : sorted) : sorted.slice(0, q.limit));
  }

  async referralsOf(id: number): Promise<Prospect[]> {
    return this.out(this.doc.prospects.filter((p) => p.referredBy === id));
  }

  async prospectsMentioning(needles: readonly string[]): Promise<Prospect[]> {
    const has = lowerHas(needles);
    return this.out(this.doc.prospects.filter((p) => searchedTexts(p).some(([, text]) => has(text))));
  }

  async getTouch(id: number): Promise<Touch | null> {
    return this.out((this.byId('touch', id) as Touch | undefined) ?? null);
  }

  async listTouches(q: TouchQuery = {}): Promise<Touch[]> {
    const keep = touchMatcher(q);
    const ofProspect = q.prospects ? this.prospectIds(q.prospects) : undefined;
    const rows = this.doc.touches.filter((t) => keep(t) && (!ofProspect || ofProspect.has(t.prospectId))).sort(byTouchTime);
    return this.out(q.latest === undefined ? rows : rows.slice(Math.max(0, rows.length - q.latest)));
  }

  async lastTouches(prospectIds: readonly number[]): Promise<Map<number, Touch>> {
    const wanted = new Set(prospectIds);
    const last = new Map<number, Touch>();
    for (const t of this.doc.touches) if (wanted.has(t.prospectId)) last.set(t.prospectId, laterTouch(last.get(t.prospectId), t));
    return this.out(last);
  }

  async countTouchesUpTo(items: readonly { prospectId: number; at: string }[]): Promise<Map<number, number>> {
    const upTo = new Map(items.map((i) => [i.prospectId, i.at]));
    const counts = new Map(items.map((i) => [i.prospectId, 0]));
    for (const t of this.doc.touches) {
      const at = upTo.get(t.prospectId);
      if (at !== undefined && t.at <= at) counts.set(t.prospectId, counts.get(t.prospectId)! + 1);
    }
    return counts;
  }

  async touchesMentioning(needles: readonly string[]): Promise<Touch[]> {
    const has = lowerHas(needles);
    return this.out(this.doc.touches.filter((t) => has(t.note)));
  }

  async purchasesOf(prospectIds: readonly number[]): Promise<Purchase[]> {
    const wanted = new Set(prospectIds);
    return this.out(this.doc.purchases.filter((u) => wanted.has(u.prospectId)).sort(byTouchTime));
  }

  async listPurchases(filter?: ProspectFilter): Promise<Purchase[]> {
    const ids = filter ? this.prospectIds(filter) : undefined;
    return this.out(this.doc.purchases.filter((u) => !ids || ids.has(u.prospectId)).sort(byTouchTime));
  }

  async purchasesWithOrders(orderIds: readonly string[]): Promise<Purchase[]> {
    const wanted = new Set(orderIds);
    return this.out(this.doc.purchases.filter((u) => u.orderId !== null && wanted.has(u.orderId)).sort(byTouchTime));
  }

  async dueCandidates(filter: ProspectFilter, horizon: string): Promise<ProspectWithLastTouch[]> {
    const keep = prospectMatcher(filter);
    const candidates = this.doc.prospects.filter((p) => allowedBy(CONTACTABLE.due, p) && keep(p)
      && ((p.followUp !== null && p.followUp.at <= horizon) || p.cadenceDays !== null));
    return this.withLastTouch(candidates);
  }

  async staleCandidates(filter: ProspectFilter, silentBefore: string): Promise<ProspectWithLastTouch[]> {
    const keep = prospectMatcher(filter);
    const rows = await this.withLastTouch(this.doc.prospects.filter((p) => allowedBy(CONTACTABLE.stale, p) && keep(p)));
    return rows.filter((r) => (r.lastTouch?.at ?? r.prospect.createdAt) < silentBefore);
  }

  private async withLastTouch(prospects: Prospect[]): Promise<ProspectWithLastTouch[]> {
    const last = await this.lastTouches(prospects.map((p) => p.id));
    return this.out(prospects.map((prospect) => ({ prospect, lastTouch: last.get(prospect.id) ?? null })));
  }

  async cohort(filter: ProspectFilter): Promise<CohortMember[]> {
    return this.out(this.doc.prospects.filter(prospectMatcher(filter)));
  }

  async funnelCounts(filter: ProspectFilter): Promise<FunnelCounts> {
    const { tallyFunnel } = await import('../../domain/reports/funnel.js');
    return tallyFunnel(this.doc.prospects.filter(prospectMatcher(filter)));
  }

  async cohortTouches(filter: ProspectFilter): Promise<CohortTouch[]> {
    const ids = this.prospectIds(filter);
    return this.out(this.doc.touches.filter((t) => ids.has(t.prospectId)).sort(byTouchTime));
  }

  private prospectIds(filter: ProspectFilter): Set<number> {
    const keep = prospectMatcher(filter);
    const ids = new Set<number>();
    for (const p of this.doc.prospects) if (keep(p)) ids.add(p.id);
    return ids;
  }

  async surveys(): Promise<Survey[]> {
    return this.out([...this.doc.surveys]);
  }

  async getSurvey(id: number): Promise<Survey | null> {
    return this.out((this.byId('survey', id) as Survey | undefined) ?? null);
  }

  async surveyByName(name: string): Promise<Survey | null> {
    const key = surveyKey(name);
    return this.out(this.doc.surveys.find((s) => surveyKey(s.name) === key) ?? null);
  }

  /**
   * A response names its survey as the survey is named (a store written before names were folded may hold "FIRST
   * impressions" for "First Impressions"), as a SQL store does, which keeps the survey's id, not a spelling.
   */
  async listResponses(q: ResponseQuery = {}): Promise<SurveyResponse[]> {
    const names = new Map(this.doc.surveys.map((s) => [surveyKey(s.name), s.name]));
    const named = (r: SurveyResponse): SurveyResponse => {
      const name = names.get(surveyKey(r.survey));
      return name === undefined || name === r.survey ? r : { ...r, survey: name };
    };
    return this.out(this.doc.responses.filter(responseMatcher(q)).sort(byTouchTime).map(named));
  }

  async countResponses(surveyNames: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(surveyNames.map((n) => [surveyKey(n), 0]));
    for (const r of this.doc.responses) {
      const key = surveyKey(r.survey);
      const n = counts.get(key);
      if (n !== undefined) counts.set(key, n + 1);
    }
    return counts;
  }

  async listTallies(q: TallyQuery = {}): Promise<Tally[]> {
    return this.out(this.doc.tallies.filter(tallyMatcher(q)).sort(byTouchTime));
  }

  /** The whole list with its secret, for `store migrate` (read-only: the document's own). */
  suppressionList(): StoreDoc['suppression'] {
    return this.doc.suppression;
  }

  async suppressionSecret(): Promise<string | null> {
    return this.doc.suppression.secret;
  }

  async suppressionEntries(hashes: readonly string[]): Promise<SuppressionEntry[]> {
    const wanted = new Set(hashes);
    return this.out(this.doc.suppression.entries.filter((e) => wanted.has(e.hash)));
  }

  async listOccasions(prospectIds?: readonly number[]): Promise<Occasion[]> {
    const wanted = prospectIds && new Set(prospectIds);
    return this.out(wanted ? this.doc.occasions.filter((o) => wanted.has(o.prospectId)) : this.doc.occasions);
  }

  async getOccasion(id: number): Promise<Occasion | null> {
    return this.out((this.byId('occasion', id) as Occasion | undefined) ?? null);
  }

  async counts(): Promise<StoreCounts> {
    const d = this.doc;
    return {
      prospects: d.prospects.length, touches: d.touches.length, surveys: d.surveys.length, responses: d.responses.length,
      purchases: d.purchases.length, tallies: d.tallies.length, occasions: d.occasions.length,
    };
  }

  async counters(): Promise<IdCounters> {
    return { ...this.doc.nextId };
  }
}

export { LIST };
