// A survey response: which survey, who answered (or nobody known), their segment and stage then, and the answers.
import { ID, INSTANT, TEXT, type KindDecl } from './declare.js';
import { STAGE } from './stage-change.js';

export const SEGMENTS = ['anonymous', 'prospect', 'customer'] as const;

export const RESPONSE = {
  kind: 'response',
  table: 'responses',
  fields: {
    id: { column: 'id', value: ID },
    // The survey's name (matched without regard to case).
    survey: { column: 'survey', value: TEXT },
    prospectId: { column: 'prospect_id', value: ID, nullable: true, references: 'prospect' },
    segment: { column: 'segment', value: { kind: 'enum', values: SEGMENTS } },
    // The respondent's stage when answering (null for anonymous).
    stage: { column: 'stage', value: STAGE, nullable: true },
    at: { column: 'at', value: INSTANT },
    answers: { column: 'answers', value: { kind: 'json', of: { kind: 'map', of: { kind: 'either', of: [TEXT, { kind: 'number' }] } } } },
  },
} as const satisfies KindDecl;
