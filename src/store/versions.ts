// The schema version of a parsed store and the migrations from older versions; free of valibot so reading a
// sound store never loads it.
import { SCHEMA_VERSION } from '../domain/types.js';

type Conversion = { at: unknown; value: unknown; currency: unknown; product: unknown };

/** Version 3's purchases of a version-2 document: its conversions, ids 1..n in prospect-id order. */
function purchasesOfConversions(prospects: { id: number; conversion: Conversion | null }[]): Record<string, unknown>[] {
  let id = 1;
  return [...prospects].sort((a, b) => a.id - b.id).flatMap(({ id: prospectId, conversion: c }) => (c === null || c === undefined ? []
    : [{ id: id++, prospectId, at: c.at, value: c.value, currency: c.currency, product: c.product, orderId: null }]));
}

/** Migrations from version n to n + 1. Version 0 is the pre-release shape without `nextId`; 1 has no suppression list. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  0: (doc) => {
    const maxId = (list: unknown) => (Array.isArray(list) ? list.reduce((m: number, r: { id?: unknown }) => Math.max(m, Number(r?.id) || 0), 0) : 0);
    return {
      ...doc,
      schema: 1,
      nextId: {
        prospect: maxId(doc.prospects) + 1,
        touch: maxId(doc.touches) + 1,
        survey: maxId(doc.surveys) + 1,
        response: maxId(doc.responses) + 1,
      },
      prospects: doc.prospects ?? [],
      touches: doc.touches ?? [],
      surveys: doc.surveys ?? [],
      responses: doc.responses ?? [],
    };
  },
  // Version 2 adds the suppression list, empty and without a secret until the first entry needs one.
  1: (doc) => ({ ...doc, schema: 2, suppression: { secret: null, entries: [] } }),
  // Version 3 keeps every purchase: each conversion becomes the prospect's first one (ids 1..n in prospect-id order,
  // as the SQL upgrade numbers them); the conversion stays on the prospect as a copy, so outputs are unchanged.
  2: ({ schema: _, nextId, prospects, touches, ...rest }) => {
    const purchases = Array.isArray(prospects) ? purchasesOfConversions(prospects as { id: number; conversion: Conversion | null }[]) : [];
    return {
      schema: 3, nextId: { ...(nextId as object), purchase: purchases.length + 1 }, prospects, touches, purchases, ...rest,
    };
  },
  // Version 4: a prospect's description (right after its name; none on the existing ones) and the tallies.
  3: (doc) => ({
    ...doc,
    schema: 4,
    nextId: { ...(doc.nextId as Record<string, number>), tally: 1 },
    // A document without its lists is left for validation to refuse, not crashed on here.
    prospects: Array.isArray(doc.prospects)
      ? (doc.prospects as Record<string, unknown>[]).map(({ id, name, ...rest }) => ({ id, name, description: null, ...rest }))
      : doc.prospects,
    tallies: [],
  }),
  // Version 5 adds occasions (birthdays and other days that matter to a prospect), none yet, ids from 1.
  4: (doc) => ({ ...doc, schema: 5, nextId: { ...(doc.nextId as object), occasion: 1 }, occasions: [] }),
  // Version 6: what a touch cost, with its currency (after its other fields); none on the existing ones.
  5: (doc) => ({
    ...doc,
    schema: 6,
    touches: Array.isArray(doc.touches) ? (doc.touches as Record<string, unknown>[]).map((t) => ({ ...t, cost: null, currency: null })) : doc.touches,
  }),
};

export type SchemaCheck = { kind: 'current' } | { kind: 'older'; version: number } | { kind: 'newer'; version: number } | { kind: 'bad'; problem: string };

export function schemaVersionOf(raw: unknown): SchemaCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'bad', problem: 'the document is not a JSON object' };
  const doc = raw as Record<string, unknown>;
  // Version 0 (pre-release) had no "schema" key but always a prospects list; any other object is not a store.
  if (doc.schema === undefined && !Array.isArray(doc.prospects)) return { kind: 'bad', problem: 'no "schema" and no "prospects" list' };
  const s = doc.schema ?? 0;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) return { kind: 'bad', problem: `"schema" is not a version number` };
  if (s > SCHEMA_VERSION) return { kind: 'newer', version: s };
  if (s < SCHEMA_VERSION) return { kind: 'older', version: s };
  return { kind: 'current' };
}

export function migrate(raw: Record<string, unknown>, from: number): Record<string, unknown> {
  let doc = raw;
  for (let version = from; version < SCHEMA_VERSION; version++) doc = MIGRATIONS[version]!(doc);
  return doc;
}
