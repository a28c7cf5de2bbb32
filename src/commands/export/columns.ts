// The fixed columns of the touch, conversion and purchase exports (help's csv topic lists them too): `import`
// reads these files back. Prospects and responses take theirs from the data (custom fields, a survey's questions).
import { calendarDaysToConvert } from '../../domain/lifecycle.js';
import type { Prospect, Purchase, Touch } from '../../domain/types.js';
import type { Column } from '../../output/columns.js';

/** A touch with the prospect it belongs to. */
export interface TouchRow { t: Touch; p: Prospect }
/** A converted prospect with the touches before its first purchase. */
export interface ConversionRow { p: Prospect; touches: number }
/** A purchase with its buyer. */
export interface PurchaseRow { u: Purchase; p: Prospect }

export const TOUCH_CSV_COLUMNS: Column<TouchRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.t.id },
  { key: 'prospect_id', type: 'int', get: (r) => r.t.prospectId },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'type', type: 'string', get: (r) => r.t.type },
  { key: 'at', type: 'datetime', get: (r) => r.t.at },
  { key: 'direction', type: 'string', get: (r) => r.t.direction },
  { key: 'outcome', type: 'string', get: (r) => r.t.outcome },
  { key: 'by', type: 'string', get: (r) => r.t.by },
  { key: 'note', type: 'string', get: (r) => r.t.note },
  { key: 'cost', type: 'number', get: (r) => r.t.cost },
  { key: 'currency', type: 'string', get: (r) => r.t.currency },
];

export const CONVERSION_CSV_COLUMNS: Column<ConversionRow>[] = [
  { key: 'prospect_id', type: 'int', get: (r) => r.p.id },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'source', type: 'string', get: (r) => r.p.source },
  { key: 'owner', type: 'string', get: (r) => r.p.owner },
  { key: 'referred_by', type: 'int', get: (r) => r.p.referredBy },
  { key: 'created_at', type: 'datetime', get: (r) => r.p.createdAt },
  { key: 'converted_at', type: 'datetime', get: (r) => r.p.conversion!.at },
  { key: 'days_to_convert', type: 'int', get: (r) => calendarDaysToConvert(r.p) },
  { key: 'touches_before_conversion', type: 'int', get: (r) => r.touches },
  { key: 'value', type: 'number', get: (r) => r.p.conversion!.value },
  { key: 'currency', type: 'string', get: (r) => r.p.conversion!.currency },
  { key: 'product', type: 'string', get: (r) => r.p.conversion!.product },
];

/** Every purchase with who made it: `import purchases` reads this file back (prospect by id, email or phone). */
export const PURCHASE_CSV_COLUMNS: Column<PurchaseRow>[] = [
  { key: 'id', type: 'int', get: (r) => r.u.id },
  { key: 'prospect_id', type: 'int', get: (r) => r.u.prospectId },
  { key: 'email', type: 'string', get: (r) => r.p.email },
  { key: 'phone', type: 'string', get: (r) => r.p.phone },
  { key: 'name', type: 'string', get: (r) => r.p.name },
  { key: 'at', type: 'datetime', get: (r) => r.u.at },
  { key: 'value', type: 'number', get: (r) => r.u.value },
  { key: 'currency', type: 'string', get: (r) => r.u.currency },
  { key: 'product', type: 'string', get: (r) => r.u.product },
  { key: 'order_id', type: 'string', get: (r) => r.u.orderId },
];
