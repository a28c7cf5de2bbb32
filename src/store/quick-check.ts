// The hot-path validator: plain loops and typeof checks over the parsed store, about 10× cheaper than the
// valibot schema of schema.ts, which copies every record. It answers only "sound or not": when it says sound,
// the document passes every rule of validateDoc AND valibot's output would equal the input (no unknown keys,
// no keys valibot drops), so the parsed document is used as is. Anything it rejects — or is unsure of — goes
// to validateDoc, which has the last word and writes the problem messages. So it may be stricter, never looser.
import { HEX_256 } from '../domain/suppression.js';
import { DIRECTIONS, OUTCOMES, SCHEMA_VERSION, SEGMENTS, STAGES, SUPPRESSION_REASONS, TOUCH_TYPES, type StoreDoc } from '../domain/types.js';
import { MAX_SPAN_DAYS } from '../domain/dates.js';
import { surveyKey } from '../domain/queries.js';
import { isCanonicalDate } from './stored-dates.js';

type Rec = Record<string, unknown>;

const STAGE = new Set<unknown>(STAGES);
const TOUCH_TYPE = new Set<unknown>(TOUCH_TYPES);
const OUTCOME = new Set<unknown>(OUTCOMES);
const DIRECTION = new Set<unknown>(DIRECTIONS);
const SEGMENT = new Set<unknown>(SEGMENTS);
const QUESTION_TYPE = new Set<unknown>(['scale', 'nps', 'choice', 'text']);
const REASON = new Set<unknown>(SUPPRESSION_REASONS);

const isObj = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const nstr = (x: unknown) => x === null || typeof x === 'string';
const isId = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 1;
/** Dates in the canonical stored form only (stored-dates.ts); any other form is left to validateDoc to judge or rewrite. */
const isDate = (x: unknown): boolean => typeof x === 'string' && isCanonicalDate(x);
const nDate = (x: unknown) => x === null || isDate(x);

/** Exactly `n` own enumerable keys: with the n named checks passing, there is nothing valibot would strip. */
function keyCount(o: Rec, n: number): boolean {
  let k = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) return false;
    k++;
  }
  return k === n;
}

/** A record of strings (or string|number) with no key valibot would drop. */
function strRecord(o: unknown, numbers: boolean): boolean {
  if (!isObj(o)) return false;
  for (const key in o) {
    if (key === '__proto__' || key === 'prototype' || key === 'constructor' || !Object.prototype.hasOwnProperty.call(o, key)) return false;
    const value = o[key];
    if (typeof value !== 'string' && !(numbers && typeof value === 'number' && Number.isFinite(value))) return false;
  }
  return true;
}

function everyObj(list: unknown, keys: number, check: (o: Rec) => boolean): boolean {
  if (!Array.isArray(list)) return false;
  for (const item of list) if (!isObj(item) || !check(item) || !keyCount(item, keys)) return false;
  return true;
}

const stageChange = (s: Rec) => STAGE.has(s.stage) && isDate(s.at);
const consent = (c: Rec) => isDate(c.at) && typeof c.granted === 'boolean' && nstr(c.note);
const followUp = (f: unknown) => f === null || (isObj(f) && isDate(f.at) && nstr(f.note) && keyCount(f, 2));
const conversion = (c: unknown) => c === null || (isObj(c) && isDate(c.at) && (c.value === null || (typeof c.value === 'number' && Number.isFinite(c.value)))
  && nstr(c.currency) && nstr(c.product) && keyCount(c, 4));

function prospect(p: Rec): boolean {
  return isId(p.id) && nstr(p.name) && nstr(p.email) && nstr(p.phone) && nstr(p.company) && nstr(p.source) && STAGE.has(p.stage)
    && everyObj(p.stageHistory, 2, stageChange) && Array.isArray(p.tags) && (p.tags as unknown[]).every((t) => typeof t === 'string')
    && nstr(p.owner) && (p.referredBy === null || isId(p.referredBy)) && typeof p.doNotContact === 'boolean'
    && everyObj(p.consent, 3, consent) && (p.cadenceDays === null || (isId(p.cadenceDays) && (p.cadenceDays as number) <= MAX_SPAN_DAYS)) && nstr(p.lostReason)
    && followUp(p.followUp) && strRecord(p.fields, false) && conversion(p.conversion) && nstr(p.notes)
    && nDate(p.forgottenAt) && isDate(p.createdAt) && isDate(p.updatedAt);
}

const touch = (t: Rec) => isId(t.id) && isId(t.prospectId) && TOUCH_TYPE.has(t.type) && isDate(t.at) && nstr(t.note)
  && (t.outcome === null || OUTCOME.has(t.outcome)) && (t.direction === null || DIRECTION.has(t.direction)) && nstr(t.by);

const question = (q: Rec) => typeof q.key === 'string' && QUESTION_TYPE.has(q.type) && typeof q.text === 'string'
  && (q.choices === null || (Array.isArray(q.choices) && q.choices.every((c) => typeof c === 'string')));
const survey = (s: Rec) => isId(s.id) && typeof s.name === 'string' && everyObj(s.questions, 4, question) && isDate(s.createdAt);

const response = (r: Rec) => isId(r.id) && typeof r.survey === 'string' && (r.prospectId === null || isId(r.prospectId))
  && SEGMENT.has(r.segment) && (r.stage === null || STAGE.has(r.stage)) && isDate(r.at) && strRecord(r.answers, true);

const hex256 = (x: unknown) => typeof x === 'string' && HEX_256.test(x);

/** The suppression list: a secret whenever there are entries, one entry per hash. */
function suppression(list: unknown): boolean {
  if (!isObj(list) || !keyCount(list, 2) || !(list.secret === null || hex256(list.secret))) return false;
  const hashes = new Set<unknown>();
  const entry = (e: Rec) => hex256(e.hash) && REASON.has(e.reason) && isDate(e.at) && !hashes.has(e.hash) && Boolean(hashes.add(e.hash));
  return everyObj(list.entries, 3, entry) && (list.secret !== null || hashes.size === 0);
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
  if (!prospects || !ids(doc.touches, doc.nextId.touch) || !ids(doc.surveys, doc.nextId.survey) || !ids(doc.responses, doc.nextId.response)) return false;
  for (const t of doc.touches) if (prospects[t.prospectId] !== 1) return false;
  for (const p of doc.prospects) if (p.referredBy !== null && prospects[p.referredBy] !== 1) return false;
  const surveyNames = new Set(doc.surveys.map((s) => surveyKey(s.name)));
  for (const r of doc.responses) {
    if ((r.prospectId !== null && prospects[r.prospectId] !== 1) || !surveyNames.has(surveyKey(r.survey))) return false;
  }
  return true;
}

/** True when `raw` is a sound current-schema store that validateDoc would return unchanged. */
export function quickCheck(raw: unknown): raw is StoreDoc {
  if (!isObj(raw) || raw.schema !== SCHEMA_VERSION || !keyCount(raw, 7) || !suppression(raw.suppression)) return false;
  const next = raw.nextId;
  if (!isObj(next) || !isId(next.prospect) || !isId(next.touch) || !isId(next.survey) || !isId(next.response) || !keyCount(next, 4)) return false;
  return everyObj(raw.prospects, 22, prospect) && everyObj(raw.touches, 8, touch) && everyObj(raw.surveys, 4, survey)
    && everyObj(raw.responses, 7, response) && links(raw as unknown as StoreDoc);
}
