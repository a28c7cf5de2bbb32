// The columns a prospect list prints: a compact set for terminals, the full fixed order for CSV/TSV.
import { shownName } from '../../domain/referrals.js';
import type { Prospect } from '../../domain/types.js';
import { WHOLE, type Column } from '../../output/columns.js';

// priority: on a narrow terminal the highest numbers are left out first.
export const PROSPECT_TABLE_COLUMNS: Column<Prospect>[] = [
  { key: 'id', type: 'int' },
  { key: 'name', type: 'string', minWidth: 16, get: shownName },
  { key: 'email', type: 'string', minWidth: 20, priority: 3 },
  { key: 'phone', type: 'string', minWidth: WHOLE, priority: 4 },
  { key: 'stage', type: 'string', minWidth: WHOLE, priority: 1 },
  { key: 'source', type: 'string', priority: 2 },
  { key: 'tags', type: 'list', priority: 6 },
  { key: 'owner', type: 'string', priority: 8 },
  { key: 'follow_up', type: 'day', label: 'follow-up', get: (p) => p.followUp?.at ?? null, priority: 5 },
  { key: 'created', type: 'day', get: (p) => p.createdAt, priority: 7 },
];

/** Fixed column order of prospect CSV/TSV (list and export); documented in README. */
export const PROSPECT_CSV_COLUMNS: Column<Prospect>[] = [
  { key: 'id', type: 'int' },
  { key: 'name', type: 'string' },
  { key: 'email', type: 'string' },
  { key: 'phone', type: 'string' },
  { key: 'company', type: 'string' },
  { key: 'source', type: 'string' },
  { key: 'stage', type: 'string' },
  { key: 'tags', type: 'list' },
  { key: 'owner', type: 'string' },
  { key: 'referred_by', type: 'int', get: (p) => p.referredBy },
  { key: 'do_not_contact', type: 'bool', get: (p) => p.doNotContact },
  { key: 'cadence_days', type: 'int', get: (p) => p.cadenceDays },
  { key: 'follow_up_at', type: 'datetime', get: (p) => p.followUp?.at ?? null },
  { key: 'follow_up_note', type: 'string', get: (p) => p.followUp?.note ?? null },
  { key: 'lost_reason', type: 'string', get: (p) => p.lostReason },
  { key: 'converted_at', type: 'datetime', get: (p) => p.conversion?.at ?? null },
  { key: 'conversion_value', type: 'number', get: (p) => p.conversion?.value ?? null },
  { key: 'currency', type: 'string', get: (p) => p.conversion?.currency ?? null },
  { key: 'product', type: 'string', get: (p) => p.conversion?.product ?? null },
  { key: 'notes', type: 'string' },
  { key: 'created_at', type: 'datetime', get: (p) => p.createdAt },
  { key: 'updated_at', type: 'datetime', get: (p) => p.updatedAt },
  // Last, so the columns before it keep their places in files made before it existed.
  { key: 'description', type: 'string' },
];

/** Custom fields become `field.<key>` columns after the fixed ones, sorted by key. */
export function fieldColumns(prospects: readonly Prospect[]): Column<Prospect>[] {
  const keys = new Set<string>();
  for (const p of prospects) for (const k of Object.keys(p.fields)) keys.add(k);
  return [...keys].sort().map((k) => ({ key: `field.${k}`, type: 'string' as const, get: (p: Prospect) => (Object.hasOwn(p.fields, k) ? p.fields[k] : null) }));
}
