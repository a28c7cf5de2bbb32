// Touch CSV import: header spec, row parsing, and planTouches — which rows become touches and which are
// already in the store (same prospect, type and time), so nightly re-imports change nothing.
import { checkText } from '../domain/prospect.js';
import { isLaterDay, recordTouch, touchKey, type TouchInput } from '../domain/touches.js';
import { DIRECTIONS, OUTCOMES, TOUCH_TYPES, takeId, type StoreDoc } from '../domain/types.js';
import type { HeaderSpec } from './headers.js';
import type { ImportRow } from './load.js';
import { prospectByRef } from './prospect-index.js';
import { RowReader, type RowContext, type RowResult } from './row-reader.js';
import type { Rejection } from './report.js';

export const TOUCH_HEADERS: HeaderSpec = {
  fields: ['prospect', 'email', 'type', 'at', 'note', 'outcome', 'direction', 'by', 'cost', 'currency'],
  aliases: {
    prospect: ['prospect id', 'prospect_id', 'contact', 'contact id', 'customer'],
    email: ['e-mail', 'email address', 'e-mail address'],
    type: ['touch type', 'kind', 'activity'],
    at: ['date', 'time', 'when', 'timestamp', 'date time', 'visited at'],
    note: ['notes', 'comment', 'description', 'details'],
    outcome: ['result'],
    by: ['staff', 'user'],
    cost: ['cost of touch', 'spent'],
  },
  customFields: false,
  known: ['id', 'name'],
};

export interface TouchRow {
  /** Prospect id or email as written; `email` (when present) is tried first. */
  prospect: string | null;
  email: string | null;
  input: TouchInput;
}

/** The row parser; `defaultCurrency` (PRECRM_CURRENCY) is a cost's currency when neither a column nor the amount gives one. */
export const touchRowParser = (defaultCurrency: string | null) =>
  (values: ReadonlyMap<string, string>, ctx: RowContext): RowResult<TouchRow> => parseTouchRow(values, ctx, defaultCurrency);

/** What a touch cost, with its currency (the column's, the amount's, else the default); null for an empty cell. */
function costOf(r: RowReader, values: ReadonlyMap<string, string>, defaultCurrency: string | null): TouchInput['cost'] {
  const amount = r.money('cost');
  const given = r.text('currency')?.toUpperCase() ?? null;
  if (given !== null && !/^[A-Z]{3}$/.test(given)) r.reasons.push(`currency "${values.get('currency')}" is not a three-letter code`);
  if (amount === null) return null;
  if (amount.value < 0) r.reasons.push(`cost "${values.get('cost')}" is negative; give what it cost, zero or more`);
  const currency = given ?? amount.currency ?? defaultCurrency;
  if (currency === null) r.reasons.push('has a cost but no currency (give a currency column, or set PRECRM_CURRENCY)');
  return currency === null ? null : { value: amount.value, currency };
}

function parseTouchRow(values: ReadonlyMap<string, string>, ctx: RowContext, defaultCurrency: string | null = null): RowResult<TouchRow> {
  const r = new RowReader(values, ctx);
  const prospect = values.get('prospect') ?? null;
  const email = values.get('email') ?? null;
  if (prospect === null && email === null) r.reasons.push('has no prospect (give a prospect id or email)');
  if (!values.has('type')) r.reasons.push('has no type');
  if (!values.has('at')) r.reasons.push('has no date (at)');
  const type = r.choice('type', TOUCH_TYPES);
  const at = r.date('at');
  if (at !== null && isLaterDay(at, ctx.now)) r.reasons.push(`at "${values.get('at')}" is after today; a touch records what happened`);
  const input: TouchInput = {
    type: type ?? 'other',
    at: at ?? '',
    note: r.text('note'),
    outcome: r.choice('outcome', OUTCOMES),
    // No direction column (or an empty cell): the type's own, as touch log gives it (a website visit is inbound).
    direction: values.has('direction') ? r.choice('direction', DIRECTIONS) : undefined,
    by: values.has('by') ? r.check(() => checkText('by', values.get('by')!)) : null,
    cost: costOf(r, values, defaultCurrency),
  };
  return r.reasons.length ? { ok: false, reasons: r.reasons } : { ok: true, row: { prospect, email, input } };
}

export interface TouchPlan {
  touches: { prospectId: number; input: TouchInput }[];
  rejected: Rejection[];
  skipped: number;
}

/** The rejection of a row whose prospect is not in the store. */
export const unmatchedRow = ({ line, cells, row }: ImportRow<TouchRow>): Rejection =>
  ({ line, cells, reason: `prospect "${row.email ?? row.prospect}" matches no prospect (import or add the prospect first)` });

export function planTouches(doc: StoreDoc, rows: readonly ImportRow<TouchRow>[]): TouchPlan {
  const find = prospectByRef(doc.prospects);
  const seen = new Set(doc.touches.map(touchKey));
  const plan: TouchPlan = { touches: [], rejected: [], skipped: 0 };
  for (const { line, cells, row } of rows) {
    const p = find(row.email) ?? find(row.prospect);
    if (!p) {
      plan.rejected.push(unmatchedRow({ line, cells, row }));
      continue;
    }
    const key = touchKey({ prospectId: p.id, type: row.input.type, at: row.input.at });
    if (seen.has(key)) {
      plan.skipped++;
      continue;
    }
    seen.add(key);
    plan.touches.push({ prospectId: p.id, input: row.input });
  }
  return plan;
}

/** Records each planned touch through recordTouch, the one place a touch is created. */
export function applyTouchPlan(doc: StoreDoc, plan: TouchPlan, now: string): void {
  const index = new Map(doc.prospects.map((p, i) => [p.id, i]));
  for (const t of plan.touches) {
    const i = index.get(t.prospectId)!;
    const logged = recordTouch(doc.prospects[i]!, takeId(doc, 'touch'), t.input, now);
    doc.touches.push(logged.touch);
    doc.prospects[i] = logged.prospect;
  }
}
