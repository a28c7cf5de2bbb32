// Every stored kind by name: what `columnsOf('touch')` and the store's derivations look a declaration up in.
import type { KindDecl, RecordOfKind } from './declare.js';
import { CONSENT_ENTRY } from './consent-entry.js';
import { OCCASION } from './occasion.js';
import { PROSPECT } from './prospect.js';
import { PURCHASE } from './purchase.js';
import { RESPONSE } from './response.js';
import { STAGE_CHANGE } from './stage-change.js';
import { SUPPRESSION_ENTRY } from './suppression-entry.js';
import { SURVEY } from './survey.js';
import { TALLY } from './tally.js';
import { TOUCH } from './touch.js';

export const KINDS = {
  prospect: PROSPECT,
  touch: TOUCH,
  stageChange: STAGE_CHANGE,
  consentEntry: CONSENT_ENTRY,
  purchase: PURCHASE,
  survey: SURVEY,
  response: RESPONSE,
  suppressionEntry: SUPPRESSION_ENTRY,
  tally: TALLY,
  occasion: OCCASION,
} as const satisfies Record<string, KindDecl>;

export type KindName = keyof typeof KINDS;
/** The record type of a kind, by name: `RecordOfName<'touch'>` is `Touch`. */
export type RecordOfName<K extends KindName> = RecordOfKind<(typeof KINDS)[K]>;
