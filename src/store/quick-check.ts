// The hot-path validator: plain loops and typeof checks over the parsed store, generated from the record
// declarations (check-compiler.ts), about 10× cheaper than the valibot schema of schema.ts, which copies every
// record. It answers only "sound or not": when it says sound, the document passes every rule of validateDoc AND
// valibot's output would equal the input (no unknown keys, no keys valibot drops), so the parsed document is used
// as is. Anything it rejects — or is unsure of — goes to validateDoc, which has the last word and writes the
// problem messages. So it may be stricter, never looser.
import { OCCASION } from '../domain/records/occasion.js';
import { PROSPECT } from '../domain/records/prospect.js';
import { RESPONSE } from '../domain/records/response.js';
import { conversionIs, firstPurchases } from '../domain/first-purchase.js';
import { PURCHASE } from '../domain/records/purchase.js';
import { TALLY } from '../domain/records/tally.js';
import { SUPPRESSION_ENTRY } from '../domain/records/suppression-entry.js';
import { SURVEY } from '../domain/records/survey.js';
import { TOUCH } from '../domain/records/touch.js';
import { surveyKey } from '../domain/queries.js';
import { SCHEMA_VERSION, emptyDoc, type StoreDoc } from '../domain/types.js';
import { compileListCheck, type CheckHelpers } from './check-compiler.js';
import { isCanonicalDate } from './stored-dates.js';

type Rec = Record<string, unknown>;

const isObj = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1;

/** Exactly `n` own enumerable keys: with the n named checks passing, there is nothing valibot would strip. */
function keyCount(o: object, n: number): boolean {
  let k = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) return false;
    k++;
  }
  return k === n;
}

// Dates in the canonical stored form only (stored-dates.ts); any other form is left to validateDoc to judge or rewrite.
const HELPERS: CheckHelpers = { isObj, keyCount, isDate: isCanonicalDate };
const prospects = compileListCheck(PROSPECT.fields, HELPERS);
const touches = compileListCheck(TOUCH.fields, HELPERS);
const surveys = compileListCheck(SURVEY.fields, HELPERS);
const responses = compileListCheck(RESPONSE.fields, HELPERS);
const purchases = compileListCheck(PURCHASE.fields, HELPERS);
const tallies = compileListCheck(TALLY.fields, HELPERS);
const occasions = compileListCheck(OCCASION.fields, HELPERS);
const suppressionEntries = compileListCheck(SUPPRESSION_ENTRY.fields, HELPERS);
const isHex256 = SUPPRESSION_ENTRY.fields.hash.value.rule.test;

// The document's own keys, counted from the one place that makes a document.
const EMPTY = emptyDoc();
const DOC_KEYS = Object.keys(EMPTY).length;
const ID_KINDS = Object.keys(EMPTY.nextId);
const LIST_KEYS = Object.keys(EMPTY.suppression).length;

/** The suppression list: a secret whenever there are entries, one entry per hash. */
function suppression(list: unknown): boolean {
  if (!isObj(list) || !keyCount(list, LIST_KEYS) || !(list.secret === null || (typeof list.secret === 'string' && isHex256(list.secret)))) return false;
  if (!suppressionEntries(list.entries)) return false;
  const entries = list.entries as { hash: string }[];
  const hashes = new Set(entries.map((e) => e.hash));
  return hashes.size === entries.length && (list.secret !== null || hashes.size === 0);
}

/** Unique ids below nextId, and every link (touch, referral, response) to an existing prospect or survey. */
function links(doc: StoreDoc): boolean {
  // Ids are integers in [1, nextId): a byte per possible id is a cheaper set than a Set of 100k numbers.
  const ids = (list: { id: number }[], next: number): Uint8Array | null => {
    if (next > 2 ** 27) return null; // absurd nextId: let validateDoc judge it
    const seen = new Uint8Array(next);
    for (const r of list) {
      if (r.id >= next || seen[r.id] === 1) return null;
      seen[r.id] = 1;
    }
    return seen;
  };
  const prospects = ids(doc.prospects, doc.nextId.prospect);
  if (!prospects || !ids(doc.touches, doc.nextId.touch) || !ids(doc.surveys, doc.nextId.survey) || !ids(doc.responses, doc.nextId.response)
    || !ids(doc.purchases, doc.nextId.purchase) || !ids(doc.tallies, doc.nextId.tally) || !ids(doc.occasions, doc.nextId.occasion)) return false;
  for (const t of doc.touches) if (prospects[t.prospectId] !== 1) return false;
  for (const o of doc.occasions) if (prospects[o.prospectId] !== 1) return false;
  if (!conversionsAgree(doc)) return false;
  for (const p of doc.prospects) if (p.referredBy !== null && prospects[p.referredBy] !== 1) return false;
  const surveyNames = new Set(doc.surveys.map((s) => surveyKey(s.name)));
  for (const r of doc.responses) {
    if ((r.prospectId !== null && prospects[r.prospectId] !== 1) || !surveyNames.has(surveyKey(r.survey))) return false;
  }
  return true;
}

/** Every purchase's prospect exists, and each conversion equals its prospect's first purchase (by time, then id). */
function conversionsAgree(doc: StoreDoc): boolean {
  const byId = new Set(doc.prospects.map((p) => p.id));
  if (!doc.purchases.every((u) => byId.has(u.prospectId))) return false;
  const first = firstPurchases(doc.purchases);
  return doc.prospects.every((p) => conversionIs(p.conversion, first.get(p.id)));
}

/** True when `raw` is a sound current-schema store that validateDoc would return unchanged. */
export function quickCheck(raw: unknown): raw is StoreDoc {
  if (!isObj(raw) || raw.schema !== SCHEMA_VERSION || !keyCount(raw, DOC_KEYS) || !suppression(raw.suppression)) return false;
  const next = raw.nextId;
  if (!isObj(next) || !ID_KINDS.every((kind) => isId(next[kind])) || !keyCount(next, ID_KINDS.length)) return false;
  return prospects(raw.prospects) && touches(raw.touches) && purchases(raw.purchases) && surveys(raw.surveys) && responses(raw.responses) && tallies(raw.tallies)
    && occasions(raw.occasions)
    && links(raw as unknown as StoreDoc);
}
