// One prospect CSV row (columns matched by contact-columns.ts) → a typed, validated ProspectRow, or the reasons
// it is invalid: what each export's columns mean for the person (a shop's order count makes a customer, a refusal
// of marketing makes do-not-contact). Pure: the clock is passed in; every effect is the planner's, through the domain.
import { MAX_SPAN_DAYS } from '../domain/dates.js';
import { parseBirthday, type OccasionDay } from '../domain/occasions.js';
import { currencyAgrees, type Amount } from '../domain/money.js';
import { boughtBeforeAdded } from '../domain/lifecycle.js';
import { checkEmail, checkName, checkPhone } from '../domain/prospect.js';
import { parseStage } from '../domain/stages.js';
import { STAGES, type Conversion, type FollowUp, type Stage } from '../domain/types.js';
import { normaliseHeader } from './headers.js';
import { foreignStage } from './stage-values.js';
import { RowReader, type RowContext, type RowResult } from './row-reader.js';

export interface ProspectRow {
  id: number | null;
  name: string;
  /** What an unnamed prospect is known by (precrm's own export's last fixed column). */
  description: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  source: string | null;
  stage: Stage | null;
  tags: string[];
  owner: string | null;
  /** As written: a prospect id, email or name, resolved against the file and the store when planning. */
  referredBy: string | null;
  /**
   * Whether the row says the person bought: a customer stage, a purchase date, or a shop's order count above
   * zero. Without `conversion` the purchase's day is unknown.
   */
  customer: boolean;
  doNotContact: boolean;
  /** When they unsubscribed (Mailchimp's UNSUB_TIME), for the consent log; null: the import's time. */
  doNotContactAt: string | null;
  cadenceDays: number | null;
  followUp: FollowUp | null;
  lostReason: string | null;
  conversion: Conversion | null;
  notes: string | null;
  /** Custom fields as [key, value] pairs; keys were checked by the header matcher. */
  fields: [string, string][];
  createdAt: string | null;
  updatedAt: string | null;
  /** A birthday column (Google, Outlook, a vCard's BDAY): becomes the yearly occasion "birthday". */
  birthday: OccasionDay | null;
}

/**
 * Tags are split on `;`, `|`, `,` or ` ::: ` (Google Contacts labels) inside the cell; Mailchimp quotes each
 * (`"vip","cakes"`), and Google's own system labels (`* myContacts`, `* starred`) are not the user's tags.
 */
function splitList(cell: string | undefined): string[] {
  if (cell === undefined) return [];
  const tags: string[] = [];
  for (const part of cell.split(/:::|[;|,]/)) {
    let t = part.trim();
    if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
    if (t !== '' && !t.startsWith('* ')) tags.push(t);
  }
  return tags;
}

/** Google Contacts puts several addresses of one kind in one cell (`a@x.com ::: b@x.com`): the first is the one. */
function firstOf(cell: string): string {
  const more = cell.indexOf(' ::: ');
  return (more === -1 ? cell : cell.slice(0, more)).trim();
}

const unquoteNumber = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

/** A stage column: precrm's own stage names, else another system's value (HubSpot's `lead` …, stage-values.ts). */
function stageOf(r: RowReader): { stage: Stage | null; lostReason: string | null } {
  const v = r.values.get('stage');
  if (v === undefined) return { stage: null, lostReason: null };
  const foreign = (STAGES as readonly string[]).includes(v.trim().toLowerCase()) ? undefined : foreignStage(v);
  // "Unqualified" read as lost keeps the word as the reason, so the figure can be explained later.
  if (foreign !== undefined) return { stage: foreign, lostReason: foreign === 'lost' ? v : null };
  const stage = r.check(() => parseStage(v));
  if (stage === null) r.reasons[r.reasons.length - 1] += `; map it to one with --map-value "${r.column('stage')}:${v}=<stage>"`;
  return { stage, lostReason: null };
}

/** The rule convert keeps: a first purchase is not on a day before the prospect was added. */
function purchaseAfterCreation(r: RowReader, createdAt: string | null, conversion: Conversion | null): void {
  if (createdAt === null || conversion === null || !boughtBeforeAdded(createdAt, conversion.at)) return;
  r.reasons.push(`converted_at "${r.values.get('converted_at')}" is before created_at "${r.values.get('created_at')}": a purchase cannot come before the prospect was added (fix one of the dates)`);
}

function deriveName(r: RowReader, email: string | null): string | null {
  const v = r.values;
  const whole = v.get('name') ?? [v.get('first_name'), v.get('middle_name'), v.get('last_name')].filter(Boolean).join(' ');
  if (whole) return r.check(() => checkName(whole));
  if (email) return email.slice(0, email.indexOf('@'));
  // An unnamed passer-by is known by a description until someone learns the name.
  if (v.get('description')) return null;
  r.reasons.push('has no name (give a name, first and last name, an email, or a description)');
  return null;
}

/** A currency alone says nothing about a purchase (Eventbrite writes its tickets' on every row): only a value or product needs a date. */
function conversionOf(r: RowReader): Conversion | null {
  const at = r.date('converted_at');
  const amount = r.money('conversion_value');
  // As convert refuses it: a purchase is worth zero or more (and a SQL store's CHECK would refuse it too).
  if (amount !== null && amount.value < 0) r.reasons.push(`conversion_value "${r.values.get('conversion_value')}" is negative; a purchase is worth zero or more`);
  const currency = priceCurrency(r, amount);
  const product = r.text('product');
  if (at === null) {
    const orphan = ['conversion_value', 'product'].find((k) => r.values.has(k));
    if (orphan && !r.values.has('converted_at')) r.reasons.push(`${orphan} needs converted_at (the date of the first purchase)`);
    return null;
  }
  return { at, value: amount?.value ?? null, currency, product };
}

/** The currency column, else the one the value is written in (`€86.40`); a row where they disagree is refused. */
function priceCurrency(r: RowReader, amount: Amount | null): string | null {
  const given = r.text('currency')?.toUpperCase() ?? null;
  const written = amount?.currency ?? null;
  if (given !== null && written !== null && !currencyAgrees(written, given)) {
    r.reasons.push(`conversion_value "${r.values.get('conversion_value')}" is in ${written} but currency is ${given}`);
  }
  return given ?? written;
}

/** A shop's order count (`3`, `1,204`); anything else is left alone: an informational column never rejects a row. */
function orderCount(v: string | undefined): number | null {
  if (v === undefined || !/^\d{1,3}(?:[,. \u00a0]?\d{3})*$/.test(v)) return null;
  return Number(v.replace(/\D/g, ''));
}

const NO_MARKETING = new Set(['no', 'n', 'false', '0', 'unsubscribed', 'optedout', 'optout', 'notsubscribed', 'nonsubscribed', 'noconsent', 'cleaned', 'denied']);

/** A marketing-consent column (`Accepts Email Marketing`, Square's `Email Subscription Status`): a refusal is do-not-contact; other values say nothing. */
const refusesMarketing = (v: string | undefined): boolean => v !== undefined && NO_MARKETING.has(normaliseHeader(v));

/** Meta lead ads write `p:+33612345678` (a phone kept as text) and `l:1234…` (the lead's id): the prefix is not the value. */
const metaValue = (v: string, prefix: string): string | null => (v.length > 2 && v.slice(0, 2).toLowerCase() === prefix ? v.slice(2) : null);

/** A shop's customer facts kept as custom fields (nothing in precrm's record holds them). */
const SHOP_FIELDS = ['orders', 'total_spent', 'last_purchase'] as const;

/** `field.<key>` columns, a shop's figures and a lead ad's id, as [key, value] pairs. */
function customFields(r: RowReader, leadId: string | null): [string, string][] {
  const fields: [string, string][] = [];
  for (const k of r.values.keys()) {
    // Same length limit as --field: a 1 MB cell is a pasted file, not a custom field.
    const v = k.startsWith('field.') ? r.text(k) : null;
    if (v !== null) fields.push([k.slice(6), v]);
  }
  for (const k of SHOP_FIELDS) {
    const v = r.text(k);
    if (v !== null) fields.push([k, v]);
  }
  if (leadId !== null) fields.push(['lead_id', leadId]);
  return fields;
}

export function parseProspectRow(values: ReadonlyMap<string, string>, ctx: RowContext): RowResult<ProspectRow> {
  const r = new RowReader(values, ctx);
  const email = values.has('email') ? r.check(() => checkEmail(firstOf(values.get('email')!))) : null;
  // Shopify writes `'+33612345678` so that a spreadsheet keeps the number as text: the `'` is not part of it.
  const phoneCell = values.has('phone') ? unquoteNumber(firstOf(values.get('phone')!)) : null;
  const phone = phoneCell === null ? null : r.check(() => checkPhone(metaValue(phoneCell, 'p:') ?? phoneCell));
  const { stage, lostReason } = stageOf(r);
  const referredBy = values.get('referred_by') ?? null;
  const followAt = r.date('follow_up_at');
  const followNote = r.text('follow_up_note');
  if (followNote !== null && !values.has('follow_up_at')) r.reasons.push('follow_up_note needs follow_up_at');
  const conversion = conversionOf(r);
  const customer = conversion !== null || stage === 'customer' || stage === 'advocate' || (orderCount(values.get('orders')) ?? 0) > 0;
  if (customer && stage === 'lost') r.reasons.push(`stage "lost" is for someone who never bought, but the row records a purchase (${r.column(conversion ? 'converted_at' : 'orders')})`);
  const unsubscribedAt = r.date('unsubscribed_at');
  const createdAt = r.date('created_at');
  purchaseAfterCreation(r, createdAt, conversion);
  const leadId = values.has('id') ? metaValue(values.get('id')!, 'l:') : null;
  const fields = customFields(r, leadId);
  const row: ProspectRow = {
    id: leadId === null ? r.wholeNumber('id', 1) : null,
    name: deriveName(r, email) ?? '',
    description: r.text('description'),
    email,
    phone,
    company: r.text('company'),
    source: r.text('source')?.toLowerCase() ?? null,
    stage,
    tags: splitList(r.text('tags') ?? undefined),
    owner: r.text('owner'),
    referredBy,
    customer,
    doNotContact: (r.bool('do_not_contact') ?? false) || unsubscribedAt !== null || refusesMarketing(values.get('email_marketing')),
    doNotContactAt: unsubscribedAt,
    cadenceDays: r.wholeNumber('cadence_days', 1, MAX_SPAN_DAYS),
    followUp: followAt === null ? null : { at: followAt, note: followNote },
    lostReason: r.text('lost_reason') ?? lostReason,
    conversion,
    notes: r.text('notes'),
    fields,
    createdAt,
    updatedAt: r.date('updated_at'),
    birthday: values.has('birthday') ? r.check(() => parseBirthday(values.get('birthday')!)) : null,
  };
  return r.reasons.length ? { ok: false, reasons: r.reasons } : { ok: true, row };
}
