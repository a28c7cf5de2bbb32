// A prospect: a person on the way from first notice to customer, with their stage history, consent, follow-up,
// conversion and custom fields. The field order is the key order of `prospect show --json` and every export.
import { MAX_SPAN_DAYS } from '../dates.js';
import { BOOLEAN, ID, INSTANT, TEXT, maybeText, type Fields, type KindDecl } from './declare.js';
import { CONSENT_ENTRY } from './consent-entry.js';
import { CONVERSION } from './purchase.js';
import { STAGE, STAGE_CHANGE } from './stage-change.js';

export const FOLLOW_UP = {
  at: { column: 'at', value: INSTANT },
  note: { column: 'note', value: TEXT, nullable: true },
} as const satisfies Fields;

export const PROSPECT = {
  kind: 'prospect',
  table: 'prospects',
  fields: {
    id: { column: 'id', value: ID },
    name: maybeText('name'),
    // What an unnamed prospect is known by ("blue scarf, passes at six"); kept once a name is given.
    description: maybeText('description'),
    email: maybeText('email'),
    phone: maybeText('phone'),
    company: maybeText('company'),
    source: maybeText('source'),
    stage: { column: 'stage', value: STAGE },
    stageHistory: { rows: STAGE_CHANGE },
    tags: { column: 'tags', value: { kind: 'list', of: TEXT } },
    owner: maybeText('owner'),
    referredBy: { column: 'referred_by', value: ID, nullable: true, references: 'prospect' },
    doNotContact: { column: 'do_not_contact', value: BOOLEAN },
    consent: { rows: CONSENT_ENTRY },
    cadenceDays: { column: 'cadence_days', value: { kind: 'integer', min: 1, max: MAX_SPAN_DAYS }, nullable: true },
    lostReason: maybeText('lost_reason'),
    followUp: { group: FOLLOW_UP, prefix: 'follow_up_', nullable: true },
    fields: { column: 'fields', value: { kind: 'json', of: { kind: 'map', of: TEXT } } },
    conversion: { group: CONVERSION, prefix: 'conversion_', nullable: true },
    notes: maybeText('notes'),
    // Set when the prospect was forgotten (right to be forgotten); personal data is gone.
    forgottenAt: { column: 'forgotten_at', value: INSTANT, nullable: true },
    createdAt: { column: 'created_at', value: INSTANT },
    updatedAt: { column: 'updated_at', value: INSTANT },
  },
} as const satisfies KindDecl;
