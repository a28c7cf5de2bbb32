// What `report html` reads, as targeted store queries: the one place the page touches the store.
import { dueHorizon, type DueRow } from '../../domain/due.js';
import { mayContact, type CohortMember, type ProspectFilter } from '../../domain/queries.js';
import type { LoyaltyReport } from '../../domain/reports/loyalty.js';
import type { Purchase, Survey, SurveyResponse, Tally } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import { talliesIn, type DayWindow } from './anonymous.js';
import { loyaltyOf, loyaltyQuery } from './loyalty.js';

export interface Records {
  cohort: CohortMember[];
  /** Touches up to each conversion of the cohort (for sources). */
  touchesBefore: Map<number, number>;
  /** The cohort's referrers: name, and whether they may be named (contactable). */
  referrers: Map<number, { name: string | null; contactable: boolean }>;
  due: DueRow[];
  surveys: { survey: Survey; responses: SurveyResponse[] }[];
  /** `report loyalty --by sampled` of the page's window (read as first purchases) and filters. */
  loyalty: LoyaltyReport;
  /** Every purchase of the surveys' linked respondents (the outcome sections). */
  respondentPurchases: Purchase[];
  /** The tallies of the page's window, counted above the funnel's first stage as `report funnel` does. */
  tallies: Tally[];
}

/** What the page is of. */
export interface PageQuery {
  /** The page's cohort: prospects created in --since/--until, of a source, owner, tags. */
  filter: ProspectFilter;
  /** The loyalty section's customers: the same window and filters, read as first purchases. */
  loyalty: ProspectFilter;
  /** The window whose tallies the funnel shows above its first stage; null when filtered. */
  tallies: DayWindow | null;
  now: Date;
}

export async function selectRecords(store: Store, options: PageQuery): Promise<Records> {
  const { filter, now } = options;
  const [{ conversionInstants }, { dueList }] = await Promise.all([import('../../domain/reports/journey.js'), import('../../domain/due.js')]);
  const cohort = await store.cohort(filter);
  const referrerIds = [...new Set(cohort.flatMap((p) => (p.referredBy === null ? [] : [p.referredBy])))];
  const [touchesBefore, referrers, dueCandidates, surveys] = await Promise.all([
    store.countTouchesUpTo(conversionInstants(cohort)), store.getProspects(referrerIds), store.dueCandidates({}, dueHorizon(now, 7)), store.surveys(),
  ]);
  const answered = await Promise.all(surveys.map(async (survey) => ({ survey, responses: await store.listResponses({ survey: survey.name }) })));
  const respondents = [...new Set(answered.flatMap((a) => a.responses.flatMap((x) => (x.prospectId === null ? [] : [x.prospectId]))))];
  return {
    cohort,
    touchesBefore,
    referrers: new Map(referrers.map((p) => [p.id, { name: p.name, contactable: mayContact(p) }])),
    due: dueList(dueCandidates, now, 7),
    surveys: answered,
    respondentPurchases: await store.purchasesOf(respondents),
    loyalty: await loyaltyOf(store, options.loyalty, await loyaltyQuery({ by: 'sampled' }, now)),
    tallies: await talliesIn(store, options.tallies),
  };
}
