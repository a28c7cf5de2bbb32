// A touch: one contact with a prospect (a visit, a sample, a call …), when, how it went, who made it and what it cost.
import { ID, INSTANT, MONEY, TEXT, type KindDecl } from './declare.js';

export const TOUCH_TYPES = [
  'greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting',
  'event', 'website', 'social', 'referral', 'other',
] as const;
export const OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export const DIRECTIONS = ['in', 'out'] as const;

export const TOUCH = {
  kind: 'touch',
  table: 'touches',
  fields: {
    id: { column: 'id', value: ID },
    prospectId: { column: 'prospect_id', value: ID, references: 'prospect' },
    type: { column: 'type', value: { kind: 'enum', values: TOUCH_TYPES } },
    at: { column: 'at', value: INSTANT },
    note: { column: 'note', value: TEXT, nullable: true },
    outcome: { column: 'outcome', value: { kind: 'enum', values: OUTCOMES }, nullable: true },
    direction: { column: 'direction', value: { kind: 'enum', values: DIRECTIONS }, nullable: true },
    // `by` is a reserved word in SQL.
    by: { column: 'logged_by', value: TEXT, nullable: true },
    // What it cost (a slice of cake, a tasting), always with its currency.
    cost: { column: 'cost', value: MONEY, nullable: true },
    currency: { column: 'currency', value: TEXT, nullable: true },
  },
} as const satisfies KindDecl;
