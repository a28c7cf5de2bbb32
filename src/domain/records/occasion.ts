// An occasion: a day that matters to a prospect (a birthday, an anniversary), yearly when it has no year, with how
// many days ahead `due` starts reminding of it.
import { MAX_SPAN_DAYS } from '../dates.js';
import { ID, INSTANT, TEXT, type KindDecl } from './declare.js';

export const OCCASION = {
  kind: 'occasion',
  table: 'occasions',
  fields: {
    id: { column: 'id', value: ID },
    prospectId: { column: 'prospect_id', value: ID, references: 'prospect' },
    label: { column: 'label', value: TEXT },
    month: { column: 'month', value: { kind: 'integer', min: 1, max: 12 } },
    day: { column: 'day', value: { kind: 'integer', min: 1, max: 31 } },
    // null: every year (a birthday); a year: that one day only.
    year: { column: 'year', value: { kind: 'integer', min: 1, max: 9999 }, nullable: true },
    remindDays: { column: 'remind_days', value: { kind: 'integer', min: 0, max: MAX_SPAN_DAYS } },
    createdAt: { column: 'created_at', value: INSTANT },
  },
} as const satisfies KindDecl;
