// A store whose reads are answered by another reader it picks per call (the JSON file's snapshot, a server
// connection or an empty store): every StoreReader method declared once, forwarding to `reader()`.
import type { StoreReader } from './store.js';

export abstract class ReadsFrom implements StoreReader {
  /** The reader that answers now (it may change: a snapshot after a write, tables after the first write). */
  protected abstract reader(): Promise<StoreReader>;

  private read<M extends keyof StoreReader>(method: M): StoreReader[M] {
    return (async (...args: unknown[]) => {
      const reader = await this.reader();
      return (reader[method] as (...a: unknown[]) => unknown).apply(reader, args);
    }) as StoreReader[M];
  }

  getProspect = this.read('getProspect');
  getProspects = this.read('getProspects');
  prospectCandidates = this.read('prospectCandidates');
  findDuplicates = this.read('findDuplicates');
  prospectsNamed = this.read('prospectsNamed');
  listProspects = this.read('listProspects');
  referralsOf = this.read('referralsOf');
  prospectsMentioning = this.read('prospectsMentioning');
  getTouch = this.read('getTouch');
  listTouches = this.read('listTouches');
  lastTouches = this.read('lastTouches');
  countTouchesUpTo = this.read('countTouchesUpTo');
  touchesMentioning = this.read('touchesMentioning');
  purchasesOf = this.read('purchasesOf');
  listPurchases = this.read('listPurchases');
  purchasesWithOrders = this.read('purchasesWithOrders');
  dueCandidates = this.read('dueCandidates');
  staleCandidates = this.read('staleCandidates');
  cohort = this.read('cohort');
  cohortTouches = this.read('cohortTouches');
  funnelCounts = this.read('funnelCounts');
  surveys = this.read('surveys');
  getSurvey = this.read('getSurvey');
  surveyByName = this.read('surveyByName');
  listResponses = this.read('listResponses');
  listTallies = this.read('listTallies');
  countResponses = this.read('countResponses');
  suppressionSecret = this.read('suppressionSecret');
  suppressionEntries = this.read('suppressionEntries');
  listOccasions = this.read('listOccasions');
  getOccasion = this.read('getOccasion');
  counts = this.read('counts');
  counters = this.read('counters');
}
