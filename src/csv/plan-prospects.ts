// planImport: validated prospect rows + the store → what to create and what to merge, as a pure function.
// The command applies the plan in one locked store update; a dry run prints it and writes nothing.
import { DuplicateIndex, emailKey, phoneKey } from '../domain/dedupe.js';
import { lookupKeys, samePhone, type CountryCode } from '../domain/phones.js';
import { boughtBeforeAdded, changeStage, convertProspect, datePurchase, hasBought, type ConversionContext } from '../domain/lifecycle.js';
import { PrecrmError } from '../domain/errors.js';
import { recordConsent } from '../domain/prospect-changes.js';
import { mergeTags, newProspect } from '../domain/prospect.js';
import { nameKey } from '../domain/references.js';
import { label, referralChain, setReferrer } from '../domain/referrals.js';
import { isCustomer } from '../domain/stages.js';
import type { Contact } from '../domain/suppression.js';
import type { Prospect, StoreDoc, SuppressionEntry } from '../domain/types.js';
import type { ImportRow } from './load.js';
import { ProspectIndex, keysOf } from './prospect-index.js';
import type { ProspectRow } from './prospect-rows.js';
import { differentPeople, withoutSharedEmail } from './shared-email.js';
import type { Rejection, RowOutcome } from './report.js';
import { BIRTHDAY, type OccasionDay } from '../domain/occasions.js';

export const ON_DUPLICATE = ['merge', 'skip', 'error'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

export interface PlanOptions {
  onDuplicate: OnDuplicate;
  /** ISO time of the import (createdAt/updatedAt when the file gives none). */
  now: string;
  /** Record what becomes of every row (a dry run's per-row listing). */
  explain?: boolean;
  /** The suppression list's entry of a person, if they are on it: such a row creates no one. */
  suppressed?: (p: Contact) => SuppressionEntry | undefined;
  /** The shop's country, for national phone numbers (phones.ts); none: only international ones match other forms. */
  country?: CountryCode | null;
  /**
   * A file planned in batches: prospects with this id or above were created by earlier batches of the same import,
   * and count as rows of the file (a referral to one of them does not make it an advocate).
   */
  createdFrom?: number;
}

export interface ProspectPlan {
  creates: Prospect[];
  /** Store prospects that change, by id → the replacement record. */
  updates: Map<number, Prospect>;
  rejected: Rejection[];
  warnings: string[];
  created: number;
  merged: number;
  skipped: number;
  /** Rows not created because their email or phone is on the suppression list (options.suppressed). */
  suppressed: number;
  /** Rows kept as people of their own without the email an earlier row of another name gave. */
  shared: number;
  nextId: number;
  /** With `explain`: created, merged and skipped rows (rejections are in `rejected`). */
  outcomes: RowOutcome[];
  /** File ids whose row became a prospect with another id (so a later batch's referral by that id can follow it). */
  movedIds: Map<number, number>;
  /** The birthdays rows gave, by the prospect they created or merged into (the occasions are added after the rows). */
  birthdays: Map<number, OccasionDay>;
}

const lower = (s: string | null) => (s ?? '').toLowerCase();

/** Referrals that point to nothing in the file or the store are rejected, until no row depends on a rejected one. */
export function rejectDanglingReferrals(doc: StoreDoc, rows: ImportRow<ProspectRow>[], rejected: Rejection[]): ImportRow<ProspectRow>[] {
  if (!rows.some((r) => r.row.referredBy !== null)) return rows;
  const storeIds = new Set(doc.prospects.map((p) => p.id));
  const storeEmails = new DuplicateIndex(doc.prospects);
  let valid = rows;
  for (;;) {
    const ids = new Set<number>();
    const emails = new Set<string>();
    for (const { row } of valid) {
      if (row.id !== null) ids.add(row.id);
      const e = emailKey(row.email);
      if (e) emails.add(e);
    }
    // A name never rejects its row: it is linked when it names one prospect, else kept as a field (linkReferrals).
    const resolves = (ref: string) => isReferenceByName(ref) || (/^\d+$/.test(ref)
      ? ids.has(Number(ref)) || storeIds.has(Number(ref))
      : emails.has(emailKey(ref)!) || storeEmails.find(ref, null) !== undefined);
    const next = valid.filter((r) => {
      if (r.row.referredBy === null || resolves(r.row.referredBy)) return true;
      rejected.push({ line: r.line, cells: r.cells, reason: `referred_by "${r.row.referredBy}" matches no prospect in the file or the store` });
      return false;
    });
    if (next.length === valid.length) return valid;
    valid = next;
  }
}

/**
 * When a row's prospect was created: the file's created date, else the earliest thing the row says happened
 * (the purchase, the unsubscribe, the last change), else the import. A customer imported today who bought last
 * year was not "created today": days-to-convert, cohorts and the stage history would all say otherwise.
 */
function createdAtOf(row: ProspectRow, now: string): string {
  if (row.createdAt !== null) return row.createdAt;
  let earliest = now;
  for (const at of [row.conversion?.at, row.doNotContactAt, row.updatedAt]) if (at && at < earliest) earliest = at;
  return earliest;
}

/**
 * What the row says happened to a new record, through the functions the commands use: a purchase as `convert`
 * records it (a customer row without a date: its day unknown), an advocate stage as `prospect stage` sets it,
 * a refusal of contact as `prospect do-not-contact` logs it. A refusal (a purchase in the future) is a PrecrmError.
 */
function build(row: ProspectRow, id: number, now: string): Prospect {
  const createdAt = createdAtOf(row, now);
  // A buyer walks the path like anyone else, from the stage the row gives before the purchase.
  // An unnamed one starts where `prospect add --description` starts it: aware.
  const start = row.stage !== null && !isCustomer(row.stage) ? row.stage : row.name ? 'interested' : 'aware';
  let p = newProspect(id, {
    name: row.name || null, description: row.description, email: row.email, phone: row.phone, company: row.company, source: row.source, owner: row.owner,
    notes: row.notes, tags: row.tags, fields: Object.fromEntries(row.fields), cadenceDays: row.cadenceDays, followUp: row.followUp,
  }, start, createdAt);
  p.lostReason = row.lostReason;
  if (row.customer) {
    p = convertProspect(p, row.conversion, now, NOTHING_KNOWN).prospect;
    if (row.stage === 'advocate') changeStage(p, 'advocate', p.stageHistory.at(-1)!.at);
  }
  if (row.doNotContact) p = recordConsent(p, false, IMPORTED_DNC, row.doNotContactAt ?? now);
  p.updatedAt = row.updatedAt ?? now;
  return p;
}

/** A row's prospect is new to the store: it has referred nobody yet, and its referral is linked after every row is in. */
const NOTHING_KNOWN: ConversionContext = { hasReferred: false, referrer: null, touchesUpToSale: 0 };
const IMPORTED_DNC = 'imported as do-not-contact';

/** What a domain function refuses (a purchase in the future) becomes the row's reason; anything else is a bug. */
function refusal<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PrecrmError) return err.message;
    throw err;
  }
}

/**
 * Merge rule: fill empty fields, union tags, add new custom fields, never blank out or overwrite a value. A row saying
 * the prospect bought is `convert` itself, first: it refuses what convert refuses (a lost prospect: nothing is changed
 * then) and promotes whom convert promotes. Returns what it filled, and the referrer convert promoted, if any.
 */
function mergeInto(p: Prospect, row: ProspectRow, now: string, known: ConversionContext): { filled: string[]; promoted: Prospect | null } {
  const bought = row.customer && !hasBought(p);
  const sale = bought ? convertProspect(p, row.conversion, now, known) : null;
  if (sale) Object.assign(p, sale.prospect);
  const filled: string[] = [];
  const fill = <K extends 'name' | 'description' | 'email' | 'phone' | 'company' | 'source' | 'owner' | 'notes' | 'cadenceDays' | 'followUp'>(key: K, value: Prospect[K], what: string) => {
    if (p[key] === null && value !== null) {
      p[key] = value;
      filled.push(what);
    }
  };
  fill('name', row.name || null, 'name');
  fill('description', row.description, 'description');
  fill('email', row.email, 'email');
  fill('phone', row.phone, 'phone');
  fill('company', row.company, 'company');
  fill('source', row.source, 'source');
  fill('owner', row.owner, 'owner');
  fill('notes', row.notes, 'notes');
  fill('cadenceDays', row.cadenceDays, 'cadence');
  fill('followUp', row.followUp, 'follow-up');
  if (p.stage === 'lost' && p.lostReason === null && row.lostReason !== null) {
    p.lostReason = row.lostReason;
    filled.push('lost reason');
  }
  const tags = mergeTags(p.tags, row.tags);
  if (tags.length !== p.tags.length) {
    p.tags = tags;
    filled.push('tags');
  }
  for (const [k, v] of row.fields) {
    if (Object.hasOwn(p.fields, k)) continue;
    p.fields[k] = v;
    filled.push(`field.${k}`);
  }
  if (row.doNotContact && !p.doNotContact) {
    Object.assign(p, recordConsent(p, false, IMPORTED_DNC, row.doNotContactAt ?? now));
    filled.push('do-not-contact');
  }
  if (bought) filled.push(row.conversion ? 'conversion' : 'customer (purchase date unknown)');
  else if (row.conversion !== null && datePurchase(p, row.conversion)) filled.push('conversion');
  if (p.referredBy === null && row.referredBy !== null) filled.push('referred_by');
  if (filled.length) p.updatedAt = now;
  return { filled, promoted: sale?.updated.find((x) => x.id !== p.id) ?? null };
}

/** Ids of the prospects someone in the slice was referred by. */
function referrerIds(prospects: readonly Prospect[]): Set<number> {
  const ids = new Set<number>();
  for (const p of prospects) if (p.referredBy !== null) ids.add(p.referredBy);
  return ids;
}

interface PlanState { byId: ReadonlyMap<number, Prospect>; plan: ProspectPlan; createdLine: ReadonlyMap<Prospect, number>; referred: ReadonlySet<number>; createdFrom: number }

/**
 * What `convert` reads from the store about a buyer: whether it has referred anyone, and its referrer (as this
 * import leaves it). A prospect of the file (created by this import, in any batch) has neither yet: its referrals
 * are linked after every row, and a referrer of the file keeps the stage its row gives.
 */
function conversionContext(p: Prospect, c: PlanState): ConversionContext {
  if (c.createdLine.has(p) || p.id >= c.createdFrom) return NOTHING_KNOWN;
  const id = p.referredBy;
  const referrer = id === null || id >= c.createdFrom ? undefined : c.plan.updates.get(id) ?? c.byId.get(id);
  return { hasReferred: c.referred.has(p.id), referrer: referrer ?? null, touchesUpToSale: 0 };
}

const clone = (p: Prospect): Prospect => ({ ...p, stageHistory: [...p.stageHistory], tags: [...p.tags], consent: [...p.consent], fields: { ...p.fields } });

/** Ids in the file are kept when never handed out in this store (at or above nextId); the rest get new ids. */
function reserveIds(doc: StoreDoc, rows: readonly ImportRow<ProspectRow>[]): { kept: Set<number>; next: number } {
  const kept = new Set<number>();
  let max = 0;
  for (const { row } of rows) {
    if (row.id !== null && row.id >= doc.nextId.prospect && !kept.has(row.id)) {
      kept.add(row.id);
      if (row.id > max) max = row.id;
    }
  }
  return { kept, next: Math.max(doc.nextId.prospect, max + 1) };
}

export function planImport(doc: StoreDoc, rowsIn: readonly ImportRow<ProspectRow>[], options: PlanOptions): ProspectPlan {
  const plan: ProspectPlan = { creates: [], updates: new Map(), rejected: [], warnings: [], created: 0, merged: 0, skipped: 0, suppressed: 0, shared: 0, nextId: doc.nextId.prospect, outcomes: [], movedIds: new Map(), birthdays: new Map() };
  const rows = rejectDanglingReferrals(doc, [...rowsIn], plan.rejected);
  const byId = new Map(doc.prospects.map((p) => [p.id, p]));
  const dupes = new ProspectIndex(doc.prospects);
  const createdLine = new Map<Prospect, number>();
  const createdById = new Map<number, Prospect>();
  const { kept, next } = reserveIds(doc, rows);
  let nextId = next;
  // Only a file with referrals needs to remember which prospect each row became.
  const linking = rows.some((r) => r.row.referredBy !== null);
  const outcome: (Prospect | null)[] = [];
  const fileIds = new Map<number, Prospect>();
  const referred = referrerIds(doc.prospects);
  const createdFrom = options.createdFrom ?? Infinity;
  const hasBirthday = new Set(doc.occasions.filter((o) => o.label.toLowerCase() === BIRTHDAY).map((o) => o.prospectId));

  for (const read of rows) {
    const { r, found, shared } = identify(read, { byId, dupes, createdLine, country: options.country ?? null });
    const { row } = r;
    const keys = lookupKeys(row, options.country ?? null);
    // A forgotten, removed or do-not-contact person is never created again (a match above is merged as before).
    const entry = found ? undefined : options.suppressed?.(row);
    if (entry) {
      plan.suppressed++;
      if (options.explain) plan.outcomes.push({ line: r.line, action: 'suppressed', id: null, reason: `on the suppression list (${entry.reason})` });
      if (linking) outcome.push(null);
      continue;
    }
    let target: Prospect;
    if (!found) {
      const id = row.id !== null && kept.delete(row.id) ? row.id : nextId;
      const built = refusal(() => build(row, id, options.now));
      if (typeof built === 'string') {
        plan.rejected.push({ line: r.line, cells: r.cells, reason: built });
        if (linking) outcome.push(null);
        continue;
      }
      if (id === nextId) nextId++;
      target = built;
      plan.creates.push(target);
      createdLine.set(target, r.line);
      if (linking) createdById.set(target.id, target);
      plan.created++;
      if (shared) plan.shared++;
      if (options.explain) plan.outcomes.push({ line: r.line, action: 'created', id, reason: shared ? `shares the email of ${shared}: kept without it, with a note` : null });
      if (row.birthday) plan.birthdays.set(target.id, row.birthday);
    } else {
      target = createdLine.has(found) ? found : plan.updates.get(found.id) ?? clone(found);
      const rejected = plan.rejected.length;
      duplicateRow(plan, r, found, target, { options, known: { byId, plan, createdLine, referred, createdFrom } });
      // A merged row brings its birthday too (a skipped, forgotten or rejected one brings nothing).
      if (row.birthday && options.onDuplicate === 'merge' && !target.forgottenAt && plan.rejected.length === rejected && !hasBirthday.has(target.id)) plan.birthdays.set(target.id, row.birthday);
    }
    dupes.add(target, createdLine.has(target) && target.email === row.email && target.phone === row.phone ? keys : keysOf(target));
    if (row.id !== null && !fileIds.has(row.id)) fileIds.set(row.id, target);
    if (linking) outcome.push(target);
  }
  if (linking) linkReferrals(rows, outcome, { plan, byId, fileIds, dupes, createdById, createdLine, now: options.now, createdFrom });
  for (const [fileId, p] of fileIds) if (p.id !== fileId) plan.movedIds.set(fileId, p.id);
  plan.nextId = nextId;
  return plan;
}

/**
 * The store prospects that rows saying "bought" are and that have not bought yet: `convert` asks whom such a buyer
 * has referred (it then becomes an advocate), so the store's part an import plans against holds those referrals too.
 */
export function buyersIn(doc: StoreDoc, rows: readonly ImportRow<ProspectRow>[], country: CountryCode | null): Prospect[] {
  const buying = rows.filter((r) => r.row.customer);
  if (buying.length === 0 || doc.prospects.length === 0) return [];
  const known: Known = { byId: new Map(doc.prospects.map((p) => [p.id, p])), dupes: new ProspectIndex(doc.prospects), createdLine: new Map(), country };
  const buyers = new Set<Prospect>();
  for (const r of buying) {
    const { found } = identify(r, known);
    if (found && !hasBought(found) && !found.forgottenAt) buyers.add(found);
  }
  return [...buyers];
}

/** A row without a name re-importing the unnamed prospect of its id: the same description says it is that one. */
const sameUnnamed = (p: Prospect, row: ProspectRow) => p.name === null && !row.name && p.description !== null && p.description === row.description;

interface Known { byId: ReadonlyMap<number, Prospect>; dupes: ProspectIndex; createdLine: ReadonlyMap<Prospect, number>; country: CountryCode | null }

/**
 * Which known prospect a row is, if any: same email, else phone, else (file) id with the same name, else a
 * contact-less prospect of the same name. A row whose email is a person of another first name is someone else
 * sharing it: the prospect its phone or name gives (a re-import), else a new one when the email's owner came from
 * this file (an event's attendees under the buyer's email); `shared` then says whose line it is.
 */
function identify(r: ImportRow<ProspectRow>, k: Known): { r: ImportRow<ProspectRow>; found: Prospect | undefined; shared: string | null } {
  const keys = lookupKeys(r.row, k.country);
  const idMatch = r.row.id === null ? undefined : k.byId.get(r.row.id);
  const found = (keys.email !== null || keys.phone !== null ? k.dupes.find(keys) : undefined)
    ?? (idMatch && (lower(idMatch.name) === keys.name || sameUnnamed(idMatch, r.row)) ? idMatch : undefined)
    // With an email or phone the first look-up already answered; only a contact-less row looks again, by name.
    ?? (keys.email === null && keys.phone === null ? k.dupes.find(keys) : undefined);
  // The same name (most re-imports) is the same person without a closer look.
  if (!found || keys.email === null || lower(found.name) === keys.name || emailKey(found.email) !== keys.email
    || !differentPeople(found.name, r.row.name)) return { r, found, shared: null };
  const other = k.dupes.find({ ...keys, email: null });
  if (other === found || (!other && !k.createdLine.has(found))) return { r, found, shared: null };
  const line = k.createdLine.get(found);
  return { r: { ...r, row: withoutSharedEmail(r.row, found) }, found: other, shared: line === undefined ? `#${found.id}` : `line ${line}` };
}

/** What a row that matches a known prospect (in the store or earlier in the file) does: merge, skip or reject. */
function duplicateRow(plan: ProspectPlan, r: ImportRow<ProspectRow>, found: Prospect, target: Prospect,
  c: { options: PlanOptions; known: PlanState }): void {
  const { row } = r;
  const { createdLine } = c.known;
  const key = row.email && emailKey(found.email) === emailKey(row.email) ? 'email' : row.phone && samePhone(row.phone, found.phone, c.options.country ?? null) ? 'phone' : 'name';
  const inFile = createdLine.get(found);
  const explain = (action: RowOutcome['action'], why: string) => {
    if (c.options.explain) plan.outcomes.push({ line: r.line, action, id: target.id, reason: `same ${key} as ${inFile ? `line ${inFile}` : `#${found.id}`}; ${why}` });
  };
  if (target.forgottenAt) {
    plan.skipped++;
    explain('skipped', 'forgotten, nothing new is recorded');
  } else if (c.options.onDuplicate === 'skip') {
    plan.skipped++;
    explain('skipped', 'left as it is (on-duplicate skip)');
  } else if (c.options.onDuplicate === 'error') {
    const where = inFile ? `line ${inFile}` : label(found);
    plan.rejected.push({ line: r.line, cells: r.cells, reason: `duplicate of ${where} (same ${key}); --on-duplicate merge or skip to accept it` });
  } else if (target.conversion === null && row.conversion !== null && boughtBeforeAdded(target.createdAt, row.conversion.at)) {
    const where = inFile ? `line ${inFile}` : label(found);
    plan.rejected.push({ line: r.line, cells: r.cells, reason: `converted_at ${row.conversion.at.slice(0, 10)} is before ${where} was added (${target.createdAt.slice(0, 10)}): a purchase cannot come before the prospect was added` });
  } else {
    const merged = refusal(() => mergeInto(target, row, c.options.now, conversionContext(target, c.known)));
    if (typeof merged === 'string') {
      plan.rejected.push({ line: r.line, cells: r.cells, reason: merged });
      return;
    }
    const { filled, promoted } = merged;
    if (promoted) plan.updates.set(promoted.id, promoted);
    if (filled.length === 0) {
      plan.skipped++;
      explain('skipped', 'nothing new');
      return;
    }
    if (!inFile) plan.updates.set(target.id, target);
    plan.merged++;
    explain('merged', `adds ${filled.join(', ')}`);
  }
}

interface LinkContext {
  plan: ProspectPlan;
  byId: Map<number, Prospect>;
  fileIds: Map<number, Prospect>;
  dupes: ProspectIndex;
  createdById: Map<number, Prospect>;
  createdLine: Map<Prospect, number>;
  now: string;
  createdFrom: number;
}

/** A referrer written as a name (`Ravi Sen`), not an id or an email. */
export const isReferenceByName = (ref: string): boolean => !/^\d+$/.test(ref) && !ref.includes('@');

/** Prospects by their whole name, accents and case aside; each prospect once. */
function nameIndex(prospects: Iterable<Prospect>): Map<string, Prospect[]> {
  const index = new Map<string, Prospect[]>();
  const seen = new Set<number>();
  for (const p of prospects) {
    if (p.name === null || p.forgottenAt || seen.has(p.id)) continue;
    seen.add(p.id);
    const key = nameKey(p.name);
    index.set(key, [...(index.get(key) ?? []), p]);
  }
  return index;
}

/** Second pass: referrals may point to rows further down, so they are linked once every row has its prospect. */
function linkReferrals(rows: readonly ImportRow<ProspectRow>[], outcome: readonly (Prospect | null)[], c: LinkContext): void {
  const latest = (p: Prospect | undefined) => (p ? (c.createdLine.has(p) ? p : c.plan.updates.get(p.id) ?? p) : undefined);
  const lookup = (id: number) => latest(c.byId.get(id)) ?? c.createdById.get(id);
  let names: Map<string, Prospect[]> | undefined;
  /** The one prospect of the file or the store with exactly this name; else the name is kept as a custom field, with a warning. */
  const named = (ref: string, line: number, p: Prospect): Prospect | undefined => {
    names ??= nameIndex([...c.byId.values(), ...c.createdLine.keys()]);
    const found = names.get(nameKey(ref.trim())) ?? [];
    if (found.length === 1) return found[0];
    if (!Object.hasOwn(p.fields, 'referred_by')) p.fields.referred_by = ref;
    const what = found.length === 0 ? 'names no prospect in the file or the store' : `names ${found.length} prospects (${found.map((x) => `#${x.id}`).join(', ')})`;
    c.plan.warnings.push(`line ${line}: referred_by ${what}; kept as the custom field referred_by`);
    return undefined;
  };
  rows.forEach((r, i) => {
    const p = outcome[i];
    const ref = r.row.referredBy;
    if (!p || ref === null || p.referredBy !== null || p.forgottenAt) return;
    if (!c.createdLine.has(p) && !c.plan.updates.has(p.id)) return;
    const referrer = latest(isReferenceByName(ref) ? named(ref, r.line, p) : /^\d+$/.test(ref) ? c.fileIds.get(Number(ref)) ?? c.byId.get(Number(ref)) : c.dupes.findEmail(ref));
    if (!referrer) return;
    const updatedAt = p.updatedAt;
    // --referred-by's own rule: no self-referral, no circle (the message is the row's, as the file names it).
    const promoted = refusal(() => setReferrer(p, { referrer, chain: referralChain(referrer, lookup) }, c.now));
    if (typeof promoted === 'string') {
      c.plan.warnings.push(`line ${r.line}: referred_by "${ref}" would make a referral circle; left empty`);
      return;
    }
    // A created record was last changed when its row says (the referral is part of the row).
    if (c.createdLine.has(p)) p.updatedAt = updatedAt;
    // A referrer of the file (this batch or an earlier one) keeps the stage its row gives.
    if (promoted && !c.createdLine.has(referrer) && referrer.id < c.createdFrom) c.plan.updates.set(promoted.id, promoted);
  });
}

/** Applies a plan inside the store's locked update. */
export function applyProspectPlan(doc: StoreDoc, plan: ProspectPlan): void {
  if (plan.updates.size) doc.prospects = doc.prospects.map((p) => plan.updates.get(p.id) ?? p);
  for (const p of plan.creates) doc.prospects.push(p);
  doc.nextId.prospect = Math.max(doc.nextId.prospect, plan.nextId);
}

export const planChanges = (plan: ProspectPlan): boolean => plan.creates.length > 0 || plan.updates.size > 0;
