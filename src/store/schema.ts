// Validates a store document read from disk and migrates older schema versions to the current one.
import * as v from 'valibot';
import { MAX_SPAN_DAYS } from '../domain/dates.js';
import { surveyKey } from '../domain/queries.js';
import { DATE_RULE, canonicalDate } from './stored-dates.js';
import { HEX_256 } from '../domain/suppression.js';
import { OUTCOMES, DIRECTIONS, SCHEMA_VERSION, SEGMENTS, STAGES, SUPPRESSION_REASONS, TOUCH_TYPES, type StoreDoc } from '../domain/types.js';

const str = v.string();
const nstr = v.nullable(v.string());
// Read as an instant and rewritten in the canonical form, so string comparisons everywhere compare instants.
const isoDate = v.pipe(v.string(), v.check((s) => canonicalDate(s) !== null, DATE_RULE), v.transform((s) => canonicalDate(s)!));
const nIso = v.nullable(isoDate);
// JSON.parse reads 1e400 as Infinity, which the next write would turn into null.
const finite = v.pipe(v.number(), v.finite());
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const stage = v.picklist(STAGES);

const ProspectSchema = v.object({
  id,
  name: nstr,
  email: nstr,
  phone: nstr,
  company: nstr,
  source: nstr,
  stage,
  stageHistory: v.array(v.object({ stage, at: isoDate })),
  tags: v.array(str),
  owner: nstr,
  referredBy: v.nullable(id),
  doNotContact: v.boolean(),
  consent: v.array(v.object({ at: isoDate, granted: v.boolean(), note: nstr })),
  cadenceDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SPAN_DAYS))),
  lostReason: nstr,
  followUp: v.nullable(v.object({ at: isoDate, note: nstr })),
  fields: v.record(str, str),
  conversion: v.nullable(v.object({ at: isoDate, value: v.nullable(finite), currency: nstr, product: nstr })),
  notes: nstr,
  forgottenAt: nIso,
  createdAt: isoDate,
  updatedAt: isoDate,
});

const TouchSchema = v.object({
  id,
  prospectId: id,
  type: v.picklist(TOUCH_TYPES),
  at: isoDate,
  note: nstr,
  outcome: v.nullable(v.picklist(OUTCOMES)),
  direction: v.nullable(v.picklist(DIRECTIONS)),
  by: nstr,
});

const SurveySchema = v.object({
  id,
  name: str,
  questions: v.array(v.object({
    key: str,
    type: v.picklist(['scale', 'nps', 'choice', 'text']),
    text: str,
    choices: v.nullable(v.array(str)),
  })),
  createdAt: isoDate,
});

const ResponseSchema = v.object({
  id,
  survey: str,
  prospectId: v.nullable(id),
  segment: v.picklist(SEGMENTS),
  stage: v.nullable(stage),
  at: isoDate,
  answers: v.record(str, v.union([str, finite])),
});

// Checked without quoting the value (the messages of v.regex would not, but describe() keeps to v.check's own).
const hex256 = v.pipe(v.string(), v.check((s) => HEX_256.test(s), 'is not 64 lower-case hex digits'));
const SuppressionSchema = v.object({
  secret: v.nullable(hex256),
  entries: v.array(v.object({ hash: hex256, reason: v.picklist(SUPPRESSION_REASONS), at: isoDate })),
});

const nextId = v.pipe(v.number(), v.integer(), v.minValue(1));
const DocSchema = v.object({
  schema: v.literal(SCHEMA_VERSION),
  nextId: v.object({ prospect: nextId, touch: nextId, survey: nextId, response: nextId }),
  prospects: v.array(ProspectSchema),
  touches: v.array(TouchSchema),
  surveys: v.array(SurveySchema),
  responses: v.array(ResponseSchema),
  suppression: SuppressionSchema,
});

export type Validation = { ok: true; doc: StoreDoc } | { ok: false; problems: string[] };

/** What kind of value was found, never the value: it may be a phone number on its way into a cron mail. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  const kind = typeof input;
  return kind === 'string' ? 'other text' : kind === 'object' ? 'an object' : `a ${kind}`;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  // valibot's own messages quote the stored value ("… but received 919830000000"): only ours (v.check) are used.
  const what = issue.kind === 'schema' ? `expected ${issue.expected}, found ${kindOf(issue.input)}`
    : issue.type === 'check' ? issue.message
      : `fails the ${issue.type.replaceAll('_', ' ')} rule${issue.expected ? ` (expected ${issue.expected})` : ''}`;
  return `${path.replace(/^\./, '') || 'document'}: ${what}`;
}

/** valibot's record() silently drops `__proto__`, `constructor` and `prototype` keys: the next write would lose them. */
function droppedKeys(what: string, raw: object, parsed: object): string[] {
  return Object.keys(raw).filter((k) => !Object.hasOwn(parsed, k)).map((k) => `${what}: key "${k}" is not allowed (rename it)`);
}

/** Checks the shape of every record, then the cross-record rules (unique ids, ids below nextId, links). */
export function validateDoc(raw: unknown): Validation {
  const parsed = v.safeParse(DocSchema, raw, { abortEarly: false });
  if (!parsed.success) return { ok: false, problems: parsed.issues.slice(0, 20).map(describe) };
  const doc = parsed.output as StoreDoc;
  const problems: string[] = [];
  const prospectIds = new Set<number>();
  for (const [kind, list] of [['prospect', doc.prospects], ['touch', doc.touches], ['survey', doc.surveys], ['response', doc.responses]] as const) {
    const seen = new Set<number>();
    for (const rec of list) {
      if (seen.has(rec.id)) problems.push(`${kind} id ${rec.id} appears twice`);
      seen.add(rec.id);
      if (rec.id >= doc.nextId[kind]) problems.push(`${kind} id ${rec.id} is not below nextId.${kind} (${doc.nextId[kind]})`);
    }
    if (kind === 'prospect') for (const i of seen) prospectIds.add(i);
  }
  for (const t of doc.touches) if (!prospectIds.has(t.prospectId)) problems.push(`touch ${t.id} points to missing prospect ${t.prospectId}`);
  const rawDoc = raw as { prospects: { fields: object }[]; responses: { answers: object }[] };
  doc.prospects.forEach((p, i) => problems.push(...droppedKeys(`prospect ${p.id} fields`, rawDoc.prospects[i]!.fields, p.fields)));
  doc.responses.forEach((r, i) => problems.push(...droppedKeys(`response ${r.id} answers`, rawDoc.responses[i]!.answers, r.answers)));
  for (const p of doc.prospects) {
    if (p.referredBy !== null && !prospectIds.has(p.referredBy)) problems.push(`prospect ${p.id} is referred by missing prospect ${p.referredBy}`);
  }
  const surveyNames = new Set(doc.surveys.map((s) => surveyKey(s.name)));
  for (const r of doc.responses) {
    if (r.prospectId !== null && !prospectIds.has(r.prospectId)) problems.push(`response ${r.id} points to missing prospect ${r.prospectId}`);
    if (!surveyNames.has(surveyKey(r.survey))) problems.push(`response ${r.id} answers missing survey "${r.survey}"`);
  }
  problems.push(...suppressionProblems(doc.suppression));
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, doc };
}

/** The list's own rules: entries need the secret they were keyed with, and one entry per hash (by position: a hash is no one's business). */
function suppressionProblems(list: StoreDoc['suppression']): string[] {
  const problems: string[] = [];
  if (list.secret === null && list.entries.length) problems.push('suppression: entries without the secret they were made with');
  const seen = new Set<string>();
  list.entries.forEach((e, i) => {
    if (seen.has(e.hash)) problems.push(`suppression.entries[${i}]: the same hash as an earlier entry`);
    seen.add(e.hash);
  });
  return problems;
}

// Version checks and migrations live in versions.ts (no valibot), so the read path can skip loading valibot.
export { migrate, schemaVersionOf, type SchemaCheck } from './versions.js';
