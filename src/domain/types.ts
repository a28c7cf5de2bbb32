// The records precrm keeps: the shapes of docs/CONTRACT.md §4 and §5, shared by every layer.

export const STAGES = ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
/** The path stages, in order; `lost` is off the path. */
export const PATH_STAGES = ['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate'] as const;
export type PathStage = (typeof PATH_STAGES)[number];

export const TOUCH_TYPES = [
  'greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting',
  'event', 'website', 'social', 'referral', 'other',
] as const;
export type TouchType = (typeof TOUCH_TYPES)[number];

export const OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface StageChange { stage: Stage; at: string }
export interface ConsentEntry { at: string; granted: boolean; note: string | null }
export interface FollowUp { at: string; note: string | null }
export interface Conversion { at: string; value: number | null; currency: string | null; product: string | null }

export interface Prospect {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  source: string | null;
  stage: Stage;
  stageHistory: StageChange[];
  tags: string[];
  owner: string | null;
  referredBy: number | null;
  doNotContact: boolean;
  consent: ConsentEntry[];
  cadenceDays: number | null;
  lostReason: string | null;
  followUp: FollowUp | null;
  fields: Record<string, string>;
  conversion: Conversion | null;
  notes: string | null;
  /** Set when the prospect was forgotten (right to be forgotten); personal data is gone. */
  forgottenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Touch {
  id: number;
  prospectId: number;
  type: TouchType;
  at: string;
  note: string | null;
  outcome: Outcome | null;
  direction: Direction | null;
  by: string | null;
}

export type QuestionType = 'scale' | 'nps' | 'choice' | 'text';
export interface Question { key: string; type: QuestionType; text: string; choices: string[] | null }
export interface Survey { id: number; name: string; questions: Question[]; createdAt: string }

export const SEGMENTS = ['anonymous', 'prospect', 'customer'] as const;
export type Segment = (typeof SEGMENTS)[number];
export interface SurveyResponse {
  id: number;
  survey: string;
  prospectId: number | null;
  segment: Segment;
  /** Respondent's stage when answering (null for anonymous). */
  stage: Stage | null;
  at: string;
  answers: Record<string, string | number>;
}

export type IdKind = 'prospect' | 'touch' | 'survey' | 'response';

/** Why a person's email or phone is on the suppression list (domain/suppression.ts). */
export const SUPPRESSION_REASONS = ['forgotten', 'removed', 'do-not-contact'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
/** One email or phone on the suppression list: its keyed hash (never the text), why, and since when. */
export interface SuppressionEntry { hash: string; reason: SuppressionReason; at: string }
/** The store's suppression list and the secret its hashes are keyed with (null until the first entry needs one). */
export interface SuppressionList { secret: string | null; entries: SuppressionEntry[] }

export const SCHEMA_VERSION = 2;

export interface StoreDoc {
  schema: number;
  nextId: Record<IdKind, number>;
  prospects: Prospect[];
  touches: Touch[];
  surveys: Survey[];
  responses: SurveyResponse[];
  suppression: SuppressionList;
}

export function emptyDoc(): StoreDoc {
  return {
    schema: SCHEMA_VERSION,
    nextId: { prospect: 1, touch: 1, survey: 1, response: 1 },
    prospects: [],
    touches: [],
    surveys: [],
    responses: [],
    suppression: { secret: null, entries: [] },
  };
}

/** Hands out the next id of a kind; ids are never reused because nextId only grows. */
export function takeId(doc: StoreDoc, kind: IdKind): number {
  const id = doc.nextId[kind];
  doc.nextId[kind] = id + 1;
  return id;
}
