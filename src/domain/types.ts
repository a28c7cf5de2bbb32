// The records precrm keeps: the shapes of docs/CONTRACT.md §4 and §5, shared by every layer.
import type { RecordOf, RecordOfKind } from './records/declare.js';
import type { CONSENT_ENTRY } from './records/consent-entry.js';
import type { FOLLOW_UP, PROSPECT } from './records/prospect.js';
import type { OCCASION } from './records/occasion.js';
import type { CONVERSION, PURCHASE } from './records/purchase.js';
import type { RESPONSE, SEGMENTS } from './records/response.js';
import type { PATH_STAGES, STAGE_CHANGE, STAGES } from './records/stage-change.js';
import type { SUPPRESSION_ENTRY, SUPPRESSION_REASONS } from './records/suppression-entry.js';
import type { QUESTION, QUESTION_TYPES, SURVEY } from './records/survey.js';
import type { TALLY } from './records/tally.js';
import type { DIRECTIONS, OUTCOMES, TOUCH, TOUCH_TYPES } from './records/touch.js';

// The enumerations live with the kinds that declare them (domain/records/); they are re-exported here, where
// every layer has always found them.
export { PATH_STAGES, STAGES } from './records/stage-change.js';
export { DIRECTIONS, OUTCOMES, TOUCH_TYPES } from './records/touch.js';
export { SEGMENTS } from './records/response.js';
export { SUPPRESSION_REASONS } from './records/suppression-entry.js';

export type Stage = (typeof STAGES)[number];
export type PathStage = (typeof PATH_STAGES)[number];
export type TouchType = (typeof TOUCH_TYPES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Segment = (typeof SEGMENTS)[number];
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

// Each record type is its kind's declaration read as a type (domain/records/declare.ts RecordOf): a field added
// to a declaration is in the type, the validation and the SQL columns at once.
export interface StageChange extends RecordOfKind<typeof STAGE_CHANGE> {}
export interface ConsentEntry extends RecordOfKind<typeof CONSENT_ENTRY> {}
export interface FollowUp extends RecordOf<typeof FOLLOW_UP> {}
export interface Conversion extends RecordOf<typeof CONVERSION> {}
export interface Prospect extends RecordOfKind<typeof PROSPECT> {}
export interface Touch extends RecordOfKind<typeof TOUCH> {}
export interface Question extends RecordOf<typeof QUESTION> {}
export interface Survey extends RecordOfKind<typeof SURVEY> {}
export interface SurveyResponse extends RecordOfKind<typeof RESPONSE> {}
/** A purchase. A prospect's first one (by time, then id) is also its `conversion`. */
export interface Purchase extends RecordOfKind<typeof PURCHASE> {}
/** A day that matters to a prospect: yearly (year null) or once. */
export interface Occasion extends RecordOfKind<typeof OCCASION> {}
/** One email or phone on the suppression list: its keyed hash (never the text), why, and since when. */
export interface SuppressionEntry extends RecordOfKind<typeof SUPPRESSION_ENTRY> {}
/** A count of anonymous touches (greeted 40 passers-by), belonging to no prospect. */
export interface Tally extends RecordOfKind<typeof TALLY> {}

export type IdKind = 'prospect' | 'touch' | 'survey' | 'response' | 'purchase' | 'tally' | 'occasion';

/** The store's suppression list and the secret its hashes are keyed with (null until the first entry needs one). */
export interface SuppressionList { secret: string | null; entries: SuppressionEntry[] }

export const SCHEMA_VERSION = 6;

export interface StoreDoc {
  schema: number;
  nextId: Record<IdKind, number>;
  prospects: Prospect[];
  touches: Touch[];
  /** Every purchase, the first of each prospect included (its conversion is a copy kept on the prospect). */
  purchases: Purchase[];
  surveys: Survey[];
  responses: SurveyResponse[];
  suppression: SuppressionList;
  tallies: Tally[];
  occasions: Occasion[];
}

export function emptyDoc(): StoreDoc {
  return {
    schema: SCHEMA_VERSION,
    nextId: { prospect: 1, touch: 1, survey: 1, response: 1, purchase: 1, tally: 1, occasion: 1 },
    prospects: [],
    touches: [],
    purchases: [],
    surveys: [],
    responses: [],
    suppression: { secret: null, entries: [] },
    tallies: [],
    occasions: [],
  };
}

/** Hands out the next id of a kind; ids are never reused because nextId only grows. */
export function takeId(doc: StoreDoc, kind: IdKind): number {
  const id = doc.nextId[kind];
  doc.nextId[kind] = id + 1;
  return id;
}
