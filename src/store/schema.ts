// Validates a store document read from disk and migrates older schema versions to the current one.
import * as v from 'valibot';
import { OCCASION } from '../domain/records/occasion.js';
import { PROSPECT } from '../domain/records/prospect.js';
import { PURCHASE } from '../domain/records/purchase.js';
import { RESPONSE } from '../domain/records/response.js';
import { SUPPRESSION_ENTRY } from '../domain/records/suppression-entry.js';
import { SURVEY } from '../domain/records/survey.js';
import { TALLY } from '../domain/records/tally.js';
import { TOUCH } from '../domain/records/touch.js';
import { conversionIs, firstPurchases } from '../domain/first-purchase.js';
import { surveyKey } from '../domain/queries.js';
import { SCHEMA_VERSION, type StoreDoc } from '../domain/types.js';
import { objectSchema, valueSchema } from './record-schema.js';

const SuppressionSchema = v.object({
  secret: v.nullable(valueSchema(SUPPRESSION_ENTRY.fields.hash.value)),
  entries: v.array(objectSchema(SUPPRESSION_ENTRY.fields)),
});

const nextId = v.pipe(v.number(), v.integer(), v.minValue(1));
const DocSchema = v.object({
  schema: v.literal(SCHEMA_VERSION),
  nextId: v.object({ prospect: nextId, touch: nextId, survey: nextId, response: nextId, purchase: nextId, tally: nextId, occasion: nextId }),
  prospects: v.array(objectSchema(PROSPECT.fields)),
  touches: v.array(objectSchema(TOUCH.fields)),
  purchases: v.array(objectSchema(PURCHASE.fields)),
  surveys: v.array(objectSchema(SURVEY.fields)),
  responses: v.array(objectSchema(RESPONSE.fields)),
  suppression: SuppressionSchema,
  tallies: v.array(objectSchema(TALLY.fields)),
  occasions: v.array(objectSchema(OCCASION.fields)),
});

type Validation = { ok: true; doc: StoreDoc } | { ok: false; problems: string[] };

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
  for (const [kind, list] of [['prospect', doc.prospects], ['touch', doc.touches], ['survey', doc.surveys], ['response', doc.responses], ['purchase', doc.purchases], ['tally', doc.tallies], ['occasion', doc.occasions]] as const) {
    const seen = new Set<number>();
    for (const rec of list) {
      if (seen.has(rec.id)) problems.push(`${kind} id ${rec.id} appears twice`);
      seen.add(rec.id);
      if (rec.id >= doc.nextId[kind]) problems.push(`${kind} id ${rec.id} is not below nextId.${kind} (${doc.nextId[kind]})`);
    }
    if (kind === 'prospect') for (const i of seen) prospectIds.add(i);
  }
  for (const t of doc.touches) if (!prospectIds.has(t.prospectId)) problems.push(`touch ${t.id} points to missing prospect ${t.prospectId}`);
  problems.push(...purchaseProblems(doc, prospectIds));
  for (const o of doc.occasions) if (!prospectIds.has(o.prospectId)) problems.push(`occasion ${o.id} points to missing prospect ${o.prospectId}`);
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

/** Each purchase belongs to a prospect, and each prospect's conversion is a copy of its first purchase (by time, then id). */
function purchaseProblems(doc: StoreDoc, prospectIds: Set<number>): string[] {
  const problems: string[] = [];
  for (const u of doc.purchases) if (!prospectIds.has(u.prospectId)) problems.push(`purchase ${u.id} points to missing prospect ${u.prospectId}`);
  const first = firstPurchases(doc.purchases);
  for (const p of doc.prospects) if (!conversionIs(p.conversion, first.get(p.id))) problems.push(`prospect ${p.id}: its conversion is not its first purchase`);
  return problems;
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
