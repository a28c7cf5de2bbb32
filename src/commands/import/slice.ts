// An import plans against the part of the store its rows can touch: the prospects its ids, emails, phones, bare
// names and referrals name (with their referral chains), and the touches or responses a re-import would repeat.
// That part, as a small document, is what the CSV planners read; what they change in it is written back through
// the transaction as targeted inserts and updates. So a database never loads every record for an import.
import { isReferenceByName } from '../../csv/plan-prospects.js';
import { sharedEmailNames } from '../../csv/shared-email.js';
import { emailKey, identityKeys } from '../../domain/dedupe.js';
import { lookupKeys, type CountryCode } from '../../domain/phones.js';
import { parseReference } from '../../domain/references.js';
import { emptyDoc, type IdKind, type Prospect, type StoreDoc, type SuppressionList, type Survey } from '../../domain/types.js';
import { raiseCounters } from '../../store/dump.js';
import { matchHashes } from '../../store/suppression-hash.js';
import type { ImportRef, StoreReader, StoreTransaction, TouchBatchRow } from '../../store/store.js';
import type { TouchInput } from '../../domain/touches.js';

const isId = (ref: string) => /^\d+$/.test(ref);

/** References as import files write them (an id, or an email): the prospects they name, by id. */
async function prospectsByRef(reader: StoreReader, refs: Iterable<string | null>): Promise<Prospect[]> {
  const ids = new Set<number>();
  const emails = new Set<string>();
  for (const ref of refs) {
    if (ref === null) continue;
    if (isId(ref)) ids.add(Number(ref));
    else {
      const key = emailKey(ref);
      if (key !== null) emails.add(key);
    }
  }
  const [byId, byEmail] = await Promise.all([reader.getProspects([...ids]), reader.findDuplicates({ emails: [...emails] })]);
  return byIdUnion(byId, byEmail);
}

function byIdUnion<T extends { id: number }>(...lists: T[][]): T[] {
  const all = new Map<number, T>();
  for (const list of lists) for (const p of list) all.set(p.id, p);
  return [...all.values()].sort((a, b) => a.id - b.id);
}

/** Adds the referrers of every prospect in the list, and theirs, until none is missing (the no-circle rule walks them). */
async function withReferrers(reader: StoreReader, prospects: Prospect[]): Promise<Prospect[]> {
  const have = new Map(prospects.map((p) => [p.id, p]));
  for (let wanted = missingReferrers(have); wanted.length; wanted = missingReferrers(have)) {
    const found = await reader.getProspects(wanted);
    for (const id of wanted) have.set(id, found.find((p) => p.id === id) ?? (null as unknown as Prospect));
  }
  return [...have.values()].filter((p) => p !== null).sort((a, b) => a.id - b.id);
}

/** Adds the prospects these buyers referred (`convert` makes a buyer who has referred someone an advocate). */
export async function withReferrals(reader: StoreReader, prospects: Prospect[], buyers: readonly Prospect[]): Promise<Prospect[]> {
  if (buyers.length === 0) return prospects;
  return byIdUnion(prospects, ...(await Promise.all(buyers.map((b) => reader.referralsOf(b.id)))));
}

function missingReferrers(have: Map<number, Prospect>): number[] {
  const wanted = new Set<number>();
  for (const p of have.values()) if (p && p.referredBy !== null && !have.has(p.referredBy)) wanted.add(p.referredBy);
  return [...wanted];
}

async function sliceDoc(reader: StoreReader, part: Partial<StoreDoc>): Promise<StoreDoc> {
  return { ...emptyDoc(), nextId: await reader.counters(), ...part };
}

const referrerNames = (rows: readonly { referredBy: string | null }[]): string[] =>
  [...new Set(rows.flatMap((r) => (r.referredBy !== null && isReferenceByName(r.referredBy) ? [r.referredBy] : [])))];

/** For `import prospects`: every store prospect a row can be, or can name as its referrer. */
export async function prospectSlice(reader: StoreReader, rows: readonly { id: number | null; email: string | null; phone: string | null; name: string; referredBy: string | null }[],
  country: CountryCode | null = null): Promise<StoreDoc> {
  // A store without prospects (the first import into a new store) has none a row can be: no keys to compute and
  // send, which for 100,000 rows was ~0.2 s.
  if ((await reader.listProspects({ limit: 1 })).length === 0) return sliceDoc(reader, {});
  const emails = new Set<string>();
  const phones = new Set<string>();
  const bareNames = new Set<string>();
  for (const row of rows) {
    const k = lookupKeys(row, country);
    if (k.email !== null) emails.add(k.email);
    for (const key of k.phones!) phones.add(key);
    if (k.email === null && k.phone === null && k.name) bareNames.add(k.name);
  }
  // A person sharing another's email may be stored by name alone (imported before without it).
  for (const name of sharedEmailNames(rows)) bareNames.add(name);
  const [dupes, named, ...byName] = await Promise.all([
    reader.findDuplicates({ emails: [...emails], phones: [...phones], bareNames: [...bareNames] }),
    prospectsByRef(reader, rows.flatMap((r) => [r.id === null ? null : String(r.id), r.referredBy])),
    // A referrer written as a name: the prospects it may name (the planner keeps those of exactly that name).
    ...referrerNames(rows).map((n) => reader.prospectCandidates(parseReference(n))),
  ]);
  return sliceDoc(reader, { prospects: await withReferrers(reader, byIdUnion(dupes, named, ...byName)) });
}

/** For `import prospects`: the part of the suppression list the rows' emails and phones can match, with its secret. */
export async function suppressionSlice(reader: StoreReader, rows: readonly { email: string | null; phone: string | null }[], country: CountryCode | null): Promise<SuppressionList> {
  const secret = await reader.suppressionSecret();
  if (secret === null) return { secret, entries: [] };
  const hashes = new Set<string>();
  for (const row of rows) for (const hash of matchHashes(secret, row, country)) hashes.add(hash);
  return { secret, entries: await reader.suppressionEntries([...hashes]) };
}

/** For `import touches`: the prospects the rows name and those prospects' touches (to skip a repeated touch). */
export async function touchSlice(reader: StoreReader, rows: readonly { prospect: string | null; email: string | null }[]): Promise<StoreDoc> {
  const prospects = await prospectsByRef(reader, rows.flatMap((r) => [r.email, r.prospect]));
  const touches = prospects.length ? await reader.listTouches({ prospectIds: prospects.map((p) => p.id) }) : [];
  return sliceDoc(reader, { prospects, touches });
}

/** A reference as an import file writes it (an id, or an email) as the store looks it up; null: it names no one. */
function importRef(ref: string | null): ImportRef {
  if (ref === null) return null;
  if (isId(ref)) {
    const id = Number(ref);
    return Number.isSafeInteger(id) ? { id } : null;
  }
  const key = emailKey(ref);
  return key === null ? null : { emailKey: key };
}

/** For `import touches` on a store that plans a batch itself: each row's references (email first) and touch. */
export const touchBatchRows = (rows: readonly { row: { prospect: string | null; email: string | null; input: TouchInput } }[]): TouchBatchRow[] =>
  rows.map(({ row }) => ({ refs: [importRef(row.email), importRef(row.prospect)], input: row.input }));

/** For `import responses`: the prospects the rows name, the survey, and its responses (to skip a repeated answer). */
export async function responseSlice(reader: StoreReader, survey: Survey, rows: readonly { prospect: string | null; email: string | null }[]): Promise<StoreDoc> {
  const [prospects, responses] = await Promise.all([
    prospectsByRef(reader, rows.flatMap((r) => [r.prospect, r.email?.includes('@') ? r.email : null])),
    reader.listResponses({ survey: survey.name }),
  ]);
  return sliceDoc(reader, { prospects, surveys: [survey], responses });
}

/**
 * For `import purchases`: the prospects the rows name (by id, email, phone or name) with their referrers and the
 * prospects they referred (a first purchase converts as `convert` does), and the purchases a re-import would repeat.
 */
export async function purchaseSlice(reader: StoreReader, rows: readonly { prospect: string | null; email: string | null; phone: string | null; name: string | null; sale: { orderId: string | null } }[],
  country: CountryCode | null): Promise<StoreDoc> {
  const phones = new Set<string>();
  for (const r of rows) if (r.phone !== null) for (const key of lookupKeys({ email: null, phone: r.phone, name: null }, country).phones!) phones.add(key);
  const names = [...new Set(rows.flatMap((r) => (r.name !== null && !r.prospect && !r.email && !r.phone ? [r.name] : [])))];
  const found = await Promise.all([
    prospectsByRef(reader, rows.flatMap((r) => [r.prospect, r.email])),
    phones.size ? reader.findDuplicates({ phones: [...phones] }) : [],
    ...names.map((n) => reader.prospectsNamed(n)),
  ]);
  const buyers = byIdUnion(...found);
  const known = await withReferrals(reader, await withReferrers(reader, buyers), buyers.filter((p) => p.conversion === null));
  const orders = [...new Set(rows.flatMap((r) => (r.sale.orderId === null ? [] : [r.sale.orderId])))];
  const withOrders = await reader.purchasesWithOrders(orders);
  const purchases = byIdUnion(await reader.purchasesOf(buyers.map((p) => p.id)), withOrders);
  // The buyers of those orders too: an order an earlier batch took may go on in rows that do not name its buyer.
  const owners = [...new Set(withOrders.map((u) => u.prospectId))].filter((id) => !known.some((p) => p.id === id));
  const prospects = owners.length ? byIdUnion(known, await reader.getProspects(owners)) : known;
  return sliceDoc(reader, { prospects, purchases });
}

type Listed = { id: number };
const LISTS: [IdKind, 'prospects' | 'touches' | 'responses'][] = [['prospect', 'prospects'], ['touch', 'touches'], ['response', 'responses']];

/** What a slice held before the planner changed it: its records (by identity) and ids. */
export function sliceSnapshot(doc: StoreDoc): Map<string, Map<number, unknown>> {
  return new Map(LISTS.map(([, list]) => [list, new Map((doc[list] as Listed[]).map((r) => [r.id, r]))]));
}

/** Writes what the planner changed in the slice: new records inserted, replaced ones updated, counters raised. */
export async function writeSlice(tx: StoreTransaction, before: Map<string, Map<number, unknown>>, doc: StoreDoc): Promise<void> {
  for (const [kind, list] of LISTS) {
    const old = before.get(list)!;
    const records = doc[list] as Listed[];
    const inserted = records.filter((r) => !old.has(r.id));
    const updated = records.filter((r) => old.has(r.id) && old.get(r.id) !== r);
    if (inserted.length) await tx.insert(kind, inserted as never[]);
    if (updated.length) await tx.update(kind, updated as never[]);
  }
  await raiseCounters(tx, doc.nextId);
}

