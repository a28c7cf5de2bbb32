// The columns of `occasion list`: the occasion, its prospect's name, and when it comes next.
import { localDay } from '../../domain/dates.js';
import { occasionDate, type Upcoming } from '../../domain/occasions.js';
import type { Occasion } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';

/** A listed occasion: the occasion, its prospect's name and its next day (null once a one-off day has passed). */
export interface OccasionRow { occasion: Occasion; name: string | null; next: Upcoming | null }

export const OCCASION_COLUMNS: Column<OccasionRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.occasion.id, priority: 3 },
  { key: 'prospect_id', label: 'prospect', type: 'int', get: (r) => r.occasion.prospectId, priority: 4 },
  { key: 'name', type: 'string', get: (r) => r.name, minWidth: 12 },
  { key: 'label', type: 'string', get: (r) => r.occasion.label, minWidth: 12 },
  { key: 'date', type: 'string', get: (r) => occasionDate(r.occasion), priority: 2 },
  { key: 'next', type: 'string', get: (r) => (r.next ? localDay(r.next.next) : null) },
  { key: 'in_days', label: 'in days', type: 'int', get: (r) => r.next?.inDays ?? null, priority: 1 },
];
