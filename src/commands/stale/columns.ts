// The columns of `precrm stale`, the same keys and order in every format.
import type { StaleRow } from '../../domain/due.js';
import { WHOLE, type Column } from '../../output/columns.js';
import { asDay } from '../due/columns.js';

export const STALE_COLUMNS: Column<StaleRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.prospect.id },
  { key: 'name', type: 'string', get: (r) => r.prospect.name, minWidth: 16 },
  { key: 'stage', type: 'string', get: (r) => r.prospect.stage, minWidth: WHOLE, priority: 2 },
  { key: 'silent_days', label: 'silent', type: 'int', get: (r) => r.silentDays, priority: 1 },
  { key: 'last_touch_at', label: 'last touch', type: 'datetime', get: (r) => r.lastTouch?.at ?? null, show: asDay, priority: 3 },
  { key: 'last_touch_type', label: 'type', type: 'string', get: (r) => r.lastTouch?.type ?? null, minWidth: WHOLE, priority: 4 },
  { key: 'follow_up_at', label: 'follow-up', type: 'day', get: (r) => r.prospect.followUp?.at ?? null, priority: 5 },
  { key: 'owner', type: 'string', get: (r) => r.prospect.owner, priority: 7 },
  { key: 'created_at', label: 'created', type: 'datetime', get: (r) => r.prospect.createdAt, show: asDay, priority: 6 },
];
