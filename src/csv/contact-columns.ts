// The columns of a prospect CSV: precrm's own export names and the spellings of the contact exports people
// have (Google Contacts, Outlook, HubSpot, Mailchimp, Zoho, Pipedrive, Meta lead ads, Eventbrite, Square, Shopify and
// WooCommerce customers, form tools). README's import table
// lists the same spellings (a test keeps them in step). Aliases are in order of preference: when a file has
// several columns for one field (Outlook's mobile, business and home phones), a row takes the first non-empty.
import { FORM_EMAIL, FORM_SUBMITTED_AT } from './form-columns.js';
import type { HeaderSpec } from './headers.js';

const NAMED = new Set(['name', 'first_name', 'last_name']);

/**
 * `Description` is a prospect's description (an unnamed passer-by) in precrm's own export, which has notes beside
 * it, and in a file of people without names; beside a name and no notes (Zoho's leads) it is what was noted about
 * the contact: notes.
 */
function descriptionOrNotes(targets: readonly (string | null)[]): (string | null)[] {
  const notes = targets.includes('notes');
  const named = targets.some((t) => t !== null && NAMED.has(t));
  return notes || !named ? [...targets] : targets.map((t) => (t === 'description' ? 'notes' : t));
}

export const PROSPECT_HEADERS: HeaderSpec = {
  fields: [
    'id', 'name', 'first_name', 'middle_name', 'last_name', 'email', 'phone', 'company', 'source', 'stage', 'tags', 'owner',
    'referred_by', 'do_not_contact', 'unsubscribed_at', 'cadence_days', 'follow_up_at', 'follow_up_note', 'lost_reason',
    'converted_at', 'conversion_value', 'currency', 'product', 'notes', 'created_at', 'updated_at',
    'orders', 'total_spent', 'last_purchase', 'email_marketing', 'description', 'birthday',
  ],
  settle: descriptionOrNotes,
  aliases: {
    name: ['full name', 'contact name', 'display name', 'customer name', 'your name'],
    first_name: ['first', 'given name', 'forename'],
    middle_name: ['middle', 'additional name'],
    last_name: ['last', 'surname', 'family name'],
    email: ['e-mail', 'email address', 'e-mail address', 'mail', 'primary email', 'default email', ...FORM_EMAIL],
    // A mobile before a plain `Phone` (Zoho's `Phone` is the desk's landline): the field's own name ranks here.
    phone: [
      'mobile', 'mobile phone', 'mobile number', 'mobile phone number', 'cell', 'cell phone', 'whatsapp', 'phone', 'phone number',
      'telephone', 'tel', 'your phone', 'your phone number', 'primary phone', 'business phone', 'company main phone',
      'home phone', 'other phone', 'default address phone',
    ],
    company: ['organization', 'organisation', 'organization name', 'company name', 'business', 'default address company', 'associated company', 'account name'],
    source: ['lead source', 'original source', 'origin', 'channel', 'utm source'],
    stage: ['lifecycle stage', 'status', 'lead status'],
    tags: ['tag', 'labels', 'label', 'group membership', 'categories', 'groups'],
    owner: ['contact owner', 'lead owner', 'assigned to', 'staff'],
    referred_by: ['referrer', 'referral'],
    do_not_contact: ['dnc', 'unsubscribed', 'email unsubscribed', 'opted out', 'email opt out'],
    unsubscribed_at: ['unsub time', 'unsubscribe date', 'opted out at'],
    cadence_days: ['cadence'],
    follow_up_at: ['follow up', 'next follow up', 'follow up date'],
    follow_up_note: ['next step', 'follow up note'],
    lost_reason: ['reason lost', 'closed lost reason'],
    converted_at: [
      'conversion date', 'first purchase', 'first purchase date', 'became a customer date', 'customer since', 'first visit',
      'first order', 'first order date', 'date of first order',
    ],
    conversion_value: ['value', 'purchase value'],
    notes: ['note', 'notes', 'memo', 'customer note', 'comments', 'comment', 'description'],
    created_at: [
      'created', 'created on', 'create date', 'date created', 'created date', 'date added', 'signup date', 'signed up',
      'optin time', 'confirm time', 'created time', 'add time', 'date registered', 'sign up', ...FORM_SUBMITTED_AT,
    ],
    updated_at: ['updated', 'last modified', 'modified', 'last modified date', 'last changed', 'modified time', 'update time'],
    // A shop's or till's customer facts: more than zero orders is a customer; the figures are kept as custom fields.
    orders: ['total orders', 'transaction count', 'order count', 'orders count', 'number of orders'],
    total_spent: ['total spent', 'total spend', 'money spent', 'lifetime spend'],
    last_purchase: ['last visit', 'last order', 'last order date', 'date of last order'],
    // Google Contacts and Outlook write `Birthday`, a vCard BDAY: the occasion "birthday", every year.
    birthday: ['date of birth', 'birth date', 'birthdate', 'dob', 'bday'],
    // Consent to marketing e-mails: "no", "unsubscribed", "opted out" … make the person do-not-contact.
    email_marketing: [
      'accepts email marketing', 'accepts marketing', 'email subscription status', 'email marketing', 'marketing status',
      'email marketing status', 'email consent', 'marketing consent',
    ],
  },
  customFields: true,
  numbered: true,
  // Pipedrive: `Person - Name`, `Person - Email - Work`, `Person - Phone - Mobile` (a mobile first).
  prefixed: { records: ['person'], qualifiers: ['mobile', 'cell', 'work', 'home', 'other'] },
  // Outlook's descriptions of its e-mail column: nothing to import, nothing to warn about.
  known: ['e-mail type', 'e-mail display name'],
};
