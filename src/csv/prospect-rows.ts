// Prospect CSV columns: the header spec (fields and the aliases contact exports use) and one row → a typed,
// validated ProspectRow, or the reasons it is invalid. Pure: the clock is passed in.
import { MAX_SPAN_DAYS } from '../domain/dates.js';
import { checkEmail, checkName, checkPhone } from '../domain/prospect.js';
import { parseStage } from '../domain/stages.js';
import type { Conversion, FollowUp, Stage } from '../domain/types.js';
import type { HeaderSpec } from './headers.js';
import { RowReader, type RowContext, type RowResult } from './row-reader.js';

export const PROSPECT_HEADERS: HeaderSpec = {
  fields: [
    'id', 'name', 'first_name', 'last_name', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner',
    'referred_by', 'do_not_contact', 'cadence_days', 'follow_up_at', 'follow_up_note', 'lost_reason',
    'converted_at', 'conversion_value', 'currency', 'product', 'notes', 'created_at', 'updated_at',
  ],
  aliases: {
    name: ['full name', 'contact name', 'display name', 'customer name'],
    first_name: ['first', 'given name'],
    last_name: ['last', 'surname', 'family name'],
    email: ['e-mail', 'email address', 'e-mail address', 'mail', 'email 1', 'primary email'],
    phone: ['phone number', 'mobile', 'mobile phone', 'mobile number', 'cell', 'telephone', 'tel', 'phone 1', 'whatsapp'],
    company: ['organization', 'organisation', 'company name', 'business'],
    source: ['lead source', 'origin', 'channel'],
    stage: ['status', 'lead status', 'lifecycle stage'],
    tags: ['tag', 'labels', 'groups'],
    owner: ['assigned to', 'contact owner', 'lead owner', 'staff'],
    referred_by: ['referrer', 'referral'],
    do_not_contact: ['dnc', 'unsubscribed', 'opted out'],
    cadence_days: ['cadence'],
    follow_up_at: ['follow up', 'next follow up', 'follow up date'],
    follow_up_note: ['next step', 'follow up note'],
    converted_at: ['conversion date', 'first purchase', 'first purchase date'],
    conversion_value: ['value', 'purchase value'],
    notes: ['note', 'comments', 'comment', 'description'],
    created_at: ['created', 'created on', 'date created', 'date added', 'signup date', 'signed up', 'timestamp'],
    updated_at: ['updated', 'last modified', 'modified'],
  },
  customFields: true,
};

export interface ProspectRow {
  id: number | null;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  source: string | null;
  stage: Stage | null;
  tags: string[];
  owner: string | null;
  /** As written: a prospect id or email, resolved against the file and the store when planning. */
  referredBy: string | null;
  doNotContact: boolean;
  cadenceDays: number | null;
  followUp: FollowUp | null;
  lostReason: string | null;
  conversion: Conversion | null;
  notes: string | null;
  /** Custom fields as [key, value] pairs; keys were checked by the header matcher. */
  fields: [string, string][];
  createdAt: string | null;
  updatedAt: string | null;
}

/** Tags are split on `;`, `|`, `,` or ` ::: ` (Google Contacts labels) inside the cell. */
export const splitList = (cell: string | undefined): string[] =>
  cell === undefined ? [] : cell.split(/:::|[;|,]/).map((t) => t.trim()).filter(Boolean);

function deriveName(r: RowReader, email: string | null): string | null {
  const v = r.values;
  const whole = v.get('name') ?? [v.get('first_name'), v.get('last_name')].filter(Boolean).join(' ');
  if (whole) return r.check(() => checkName(whole));
  if (email) return email.slice(0, email.indexOf('@'));
  r.reasons.push('has no name (give a name, first and last name, or an email)');
  return null;
}

function conversionOf(r: RowReader): Conversion | null {
  const at = r.date('converted_at');
  const value = r.number('conversion_value');
  const currency = r.text('currency');
  const product = r.text('product');
  if (at === null) {
    const orphan = ['conversion_value', 'currency', 'product'].find((k) => r.values.has(k));
    if (orphan && !r.values.has('converted_at')) r.reasons.push(`${orphan} needs converted_at (the date of the first purchase)`);
    return null;
  }
  return { at, value, currency: currency?.toUpperCase() ?? null, product };
}

export function parseProspectRow(values: ReadonlyMap<string, string>, ctx: RowContext): RowResult<ProspectRow> {
  const r = new RowReader(values, ctx);
  const email = values.has('email') ? r.check(() => checkEmail(values.get('email')!)) : null;
  const phone = values.has('phone') ? r.check(() => checkPhone(values.get('phone')!)) : null;
  const stage = values.has('stage') ? r.check(() => parseStage(values.get('stage')!)) : null;
  const referredBy = values.get('referred_by') ?? null;
  if (referredBy !== null && !/^\d+$/.test(referredBy) && !referredBy.includes('@')) {
    r.reasons.push(`referred_by "${referredBy}" is not a prospect id or email`);
  }
  const followAt = r.date('follow_up_at');
  const followNote = r.text('follow_up_note');
  if (followNote !== null && !values.has('follow_up_at')) r.reasons.push('follow_up_note needs follow_up_at');
  const conversion = conversionOf(r);
  if ((stage === 'customer' || stage === 'advocate') && conversion === null && !values.has('converted_at')) {
    r.reasons.push(`stage "${stage}" needs converted_at (a customer is someone who bought; import as intent and run precrm convert)`);
  }
  const fields: [string, string][] = [];
  for (const k of values.keys()) {
    // Same length limit as --field: a 1 MB cell is a pasted file, not a custom field.
    const v = k.startsWith('field.') ? r.text(k) : null;
    if (v !== null) fields.push([k.slice(6), v]);
  }
  const row: ProspectRow = {
    id: r.wholeNumber('id', 1),
    name: deriveName(r, email) ?? '',
    email,
    phone,
    company: r.text('company'),
    source: r.text('source')?.toLowerCase() ?? null,
    stage,
    tags: splitList(r.text('tags') ?? undefined),
    owner: r.text('owner'),
    referredBy,
    doNotContact: r.bool('do_not_contact') ?? false,
    cadenceDays: r.wholeNumber('cadence_days', 1, MAX_SPAN_DAYS),
    followUp: followAt === null ? null : { at: followAt, note: followNote },
    lostReason: r.text('lost_reason'),
    conversion,
    notes: r.text('notes'),
    fields,
    createdAt: r.date('created_at'),
    updatedAt: r.date('updated_at'),
  };
  return r.reasons.length ? { ok: false, reasons: r.reasons } : { ok: true, row };
}
