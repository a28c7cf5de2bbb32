// The columns of `precrm due`: fixed ones for csv, tsv and json (scripts and mail read them), and the table's.
import { showDay } from '../../domain/dates.js';
import type { DueRow } from '../../domain/due.js';
import { shownName } from '../../domain/referrals.js';
import { WHOLE, type Column } from '../../output/columns.js';

/** Instants (a touch, a creation) stay ISO-8601 UTC in files; the morning table shows only their local day. */
export const asDay = (v: unknown): string => (typeof v === 'string' ? showDay(v) : '');

/** The fixed columns of csv, tsv and json (scripts and mail read them: keep their keys and order). */
export const DUE_COLUMNS: Column<DueRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.prospect.id },
  { key: 'name', type: 'string', get: (r) => r.prospect.name },
  { key: 'reason', type: 'string' },
  { key: 'due_at', label: 'due', type: 'day', get: (r) => r.dueAt },
  { key: 'overdue_days', label: 'overdue', type: 'int', get: (r) => r.overdueDays },
  { key: 'last_touch_at', label: 'last touch', type: 'datetime', get: (r) => r.lastTouch?.at ?? null },
  { key: 'last_touch_type', label: 'type', type: 'string', get: (r) => r.lastTouch?.type ?? null },
  { key: 'stage', type: 'string', get: (r) => r.prospect.stage },
  { key: 'owner', type: 'string', get: (r) => r.prospect.owner },
  { key: 'phone', type: 'string', get: (r) => r.prospect.phone },
  { key: 'email', type: 'string', get: (r) => r.prospect.email },
  { key: 'note', type: 'string' },
];

const column = (key: string): Column<DueRow> => DUE_COLUMNS.find((c) => c.key === key)!;

/** A way to reach the person from the counter: the phone, else the email (the table's one column for both). */
export const CONTACT_COLUMN: Column<DueRow> = { key: 'contact', type: 'string', get: (r) => r.prospect.phone ?? r.prospect.email };

// priority: on a narrow terminal the highest numbers are left out first. Who, why and how to reach them have none,
// so they stay longest; a phone or email that is cut is no use, so contact is never cut (left out last instead).
// phone and email come last: contact already holds one of them.
export const DUE_TABLE_COLUMNS: Column<DueRow>[] = [
  { ...column('id'), priority: 3 },
  { ...column('name'), get: (r) => shownName(r.prospect), minWidth: 16 },
  { ...column('reason'), minWidth: WHOLE },
  { ...CONTACT_COLUMN, minWidth: WHOLE },
  { ...column('due_at'), priority: 4 },
  { ...column('overdue_days'), priority: 2 },
  { ...column('last_touch_at'), show: asDay, priority: 7 },
  { ...column('last_touch_type'), minWidth: WHOLE, priority: 8 },
  { ...column('stage'), minWidth: WHOLE, priority: 6 },
  { ...column('owner'), priority: 9 },
  { ...column('phone'), minWidth: WHOLE, priority: 11 },
  { ...column('email'), minWidth: WHOLE, priority: 10 },
  { ...column('note'), minWidth: 16, priority: 1 },
];
