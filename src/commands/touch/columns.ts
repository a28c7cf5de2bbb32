// The columns of `touch list`: a touch and its prospect's name, with its cost where a touch has one.
import type { Touch } from '../../domain/types.js';
import { WHOLE, type Column } from '../../output/columns.js';
import type { Format } from '../../output/render.js';

/** A listed touch: the touch and its prospect's name (null if the prospect is gone). */
export type TouchRow = Touch & { name: string | null };

const TOUCH_COLUMNS: Column<TouchRow>[] = [
  { key: 'id', type: 'int', priority: 4 },
  { key: 'at', type: 'datetime' },
  { key: 'prospect_id', label: 'prospect', type: 'int', get: (t) => t.prospectId, priority: 5 },
  { key: 'name', type: 'string', minWidth: 12 },
  { key: 'type', type: 'string', minWidth: WHOLE, priority: 1 },
  { key: 'direction', type: 'string', minWidth: WHOLE, priority: 6 },
  { key: 'outcome', type: 'string', minWidth: WHOLE, priority: 7 },
  { key: 'by', type: 'string', priority: 3 },
  { key: 'note', type: 'string', minWidth: 16, priority: 2 },
];

/** What a touch cost: csv and json always have the two columns, a table only when a listed touch has a cost. */
const COST_COLUMNS: Column<TouchRow>[] = [
  { key: 'cost', type: 'number', decimals: 2, priority: 8 },
  { key: 'currency', type: 'string', minWidth: WHOLE, priority: 8 },
];

export const touchColumns = (format: Format, touches: readonly Touch[]): Column<TouchRow>[] =>
  (format !== 'table' || touches.some((t) => t.cost !== null) ? [...TOUCH_COLUMNS, ...COST_COLUMNS] : TOUCH_COLUMNS);
