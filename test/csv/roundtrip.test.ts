// export → import into an empty store → export is byte-identical: on the sample bakery, and on any generated prospect list.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, STAGES, type Prospect, type StoreDoc } from '../../src/domain/types.js';
import { run, tempDir, tempStore } from '../helpers.js';
import { purchasesOfConversions } from '../fixtures/store-builder.js';

const BAKERY = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));

const IMPORT_NOW = '2030-01-01T00:00:00.000Z';

async function roundTrip(source: string, extra: string[] = []): Promise<{ first: string; second: string }> {
  const file = join(tempDir(), 'export.csv');
  const first = await run(source, ['export', 'prospects', ...extra, '-o', file]);
  expect(first.code).toBe(0);
  const target = (await tempStore());
  const imported = await run(target, ['import', 'prospects', file], { now: IMPORT_NOW });
  expect(imported.stderr).toMatch(/rejected 0/);
  expect(imported.code).toBe(0);
  const second = await run(target, ['export', 'prospects', ...extra]);
  return { first: readFileSync(file, 'utf8'), second: second.stdout };
}

describe('round trip', () => {
  it('the sample bakery exports, imports and exports to the same bytes (plain and --excel)', async () => {
    for (const extra of [[], ['--excel']]) {
      const { first, second } = await roundTrip(BAKERY, extra);
      expect(second).toBe(first);
      expect(first.split('\n').length).toBeGreaterThan(10);
    }
  });

  it('re-importing an export into the store it came from changes nothing', async () => {
    const store = (await tempStore());
    writeFileSync(store, readFileSync(BAKERY));
    const file = join(tempDir(), 'export.csv');
    await run(store, ['export', 'prospects', '-o', file]);
    const r = await run(store, ['import', 'prospects', file]);
    expect(r.stderr).toMatch(/^created 0, merged 0, skipped \d+, rejected 0 \(nothing to change\)$/m);
    expect(readFileSync(store)).toEqual(readFileSync(BAKERY));
  });
});

// Values an import keeps as they are: trimmed (import trims cells), non-empty (an empty cell is "no value").
const plain = (max: number) => fc.string({ unit: fc.constantFrom('binary', 'grapheme') as never, maxLength: max });
const formulaLike = fc.constantFrom('=HYPERLINK("http://x","y")', '@SUM(A1:A2)', '+91 98300 00000', '-5', '-2+3', '+cmd|calc', "'=already", "''@twice", '＝1', '-', '+', '=', "'");
const text = (max = 40) => fc.oneof(
  { weight: 3, arbitrary: plain(max) },
  { weight: 1, arbitrary: formulaLike },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('=', '@', '+', '-', "'", "'=", '＋', '\t', '\r\n', '"'), plain(max)).map(([a, b]) => a + b) },
).map((s) => s.trim()).filter((s) => s.length > 0);
const iso = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const tag = fc.stringMatching(/^[\p{L}\p{N}][\p{L}\p{N} _'=+@-]{0,12}$/u).map((s) => s.trim());
const fieldKey = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
// A purchase is worth zero or more (convert and import refuse less, and a SQL store's CHECK too).
const money = fc.double({ min: 0, max: 1e9, noNaN: true });

const draft = fc.record({
  name: text(),
  email: fc.boolean(),
  phone: fc.boolean(),
  company: orNull(text()),
  source: orNull(text(15).map((s) => s.toLowerCase().trim()).filter((s) => s.length > 0 && s === s.toLowerCase())),
  stage: fc.constantFrom(...STAGES),
  tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }),
  owner: orNull(text(10)),
  refer: fc.option(fc.nat()),
  doNotContact: fc.boolean(),
  cadenceDays: orNull(fc.integer({ min: 1, max: 400 })),
  followUp: orNull(fc.record({ at: iso, note: orNull(text()) })),
  lostReason: orNull(text()),
  conversion: orNull(fc.record({ at: iso, value: orNull(money), currency: orNull(fc.stringMatching(/^[A-Z]{3}$/)), product: orNull(text()) })),
  notes: orNull(text(200)),
  fields: fc.dictionary(fieldKey, text(20), { maxKeys: 3 }),
  createdAt: iso,
  updatedAt: iso,
  idGap: fc.integer({ min: 1, max: 3 }),
});

type Draft = typeof draft extends fc.Arbitrary<infer T> ? T : never;
function toDoc(drafts: Draft[]): StoreDoc {
  let id = 0;
  const prospects: Prospect[] = drafts.map((d, i) => {
    id += d.idGap;
    // A purchase makes a customer (a customer without one bought on a day nobody knows).
    const stage = d.conversion && d.stage !== 'customer' && d.stage !== 'advocate' ? 'customer' : d.stage;
    // A store the commands could have made: convert refuses a purchase before the prospect was added (so does
    // import): such a date becomes the creation day; one after the import's now, a purchase on a day unknown.
    const fixed = d.conversion && d.conversion.at < d.createdAt ? { ...d.conversion, at: d.createdAt } : d.conversion;
    const conversion = fixed && fixed.at > IMPORT_NOW ? null : fixed;
    return {
      id, name: `${d.name} #${i}`, description: null, email: d.email ? `p${i}.x@example.com` : null, phone: d.phone ? `+1 555 ${String(1000 + i).padStart(6, '0')}` : null,
      company: d.company, source: d.source, stage, stageHistory: [{ stage, at: d.createdAt }], tags: d.tags, owner: d.owner,
      referredBy: null, doNotContact: d.doNotContact, consent: [], cadenceDays: d.cadenceDays, lostReason: d.lostReason,
      followUp: d.followUp, fields: d.fields, conversion, notes: d.notes, forgottenAt: null, createdAt: d.createdAt, updatedAt: d.updatedAt,
    };
  });
  // A referral points to an earlier prospect, so there is never a circle.
  drafts.forEach((d, i) => {
    if (d.refer !== null && i > 0) prospects[i]!.referredBy = prospects[d.refer % i]!.id;
  });
  const purchases = purchasesOfConversions(prospects);
  return { schema: SCHEMA_VERSION, nextId: { prospect: id + 1, touch: 1, survey: 1, response: 1, purchase: purchases.length + 1, tally: 1, occasion: 1 }, prospects, touches: [], purchases, surveys: [], responses: [], suppression: { secret: null, entries: [] }, tallies: [], occasions: [] };
}

describe('round trip property', () => {
  it('any generated prospect list exports, imports into an empty store and exports to the same bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 8 }), async (drafts) => {
      const source = (await tempStore());
      writeFileSync(source, JSON.stringify(toDoc(drafts)));
      const { first, second } = await roundTrip(source);
      expect(second).toBe(first);
    }), { numRuns: 80 });
  });
});
