// The one ProspectFilter → SQL compiler: TypeScript refuses a field without a clause builder, every field changes
// the SQL, and on random prospects (tags, sources and owners in other cases and scripts, conversions, erasures)
// SQLite and PostgreSQL select exactly what the domain's prospectMatcher keeps — for lists and for the funnel's counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prospectMatcher, type ProspectFilter } from '../../../src/domain/queries.js';
import { tallyFunnel } from '../../../src/domain/reports/funnel.js';
import { STAGES, type Prospect, type Stage } from '../../../src/domain/types.js';
import { compileProspectFilter, FILTER_CLAUSES, type FilterClauses } from '../../../src/store/sql/filter.js';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { SqliteStore } from '../../../src/store/sqlite/store.js';
import type { Store } from '../../../src/store/store.js';
import { tempDir } from '../../helpers.js';
import { freshDatabase } from '../../pg.js';

const BASE = Date.UTC(2026, 0, 1);
const iso = (days: number) => new Date(BASE + days * 86_400_000).toISOString();

/** A filter with every field set (each to a value that filters something). */
const FULL: Required<ProspectFilter> = {
  stages: ['aware'], source: 'walk-in', owner: 'mitra', tags: ['cakes'], search: 'ravi', createdSince: iso(1),
  createdUntil: iso(9), contactable: true, converted: { since: iso(2), until: iso(8) },
};

describe('compileProspectFilter', () => {
  it('has a clause builder for every field: leaving one out does not compile', () => {
    const { stages: _, ...withoutStages } = FILTER_CLAUSES;
    // @ts-expect-error a filter field without its clause builder is a type error
    const partial: FilterClauses = withoutStages;
    expect(Object.keys(partial)).not.toContain('stages');
  });

  it('turns every field into SQL: leaving any one out changes the condition', () => {
    const full = compileProspectFilter(FULL);
    for (const key of Object.keys(FULL) as (keyof ProspectFilter)[]) {
      const { [key]: _, ...rest } = FULL;
      expect(compileProspectFilter(rest), key).not.toEqual(full);
    }
    expect(compileProspectFilter({}).where).toBe('1 = 1');
  });
});

const WORDS = ['Cakes', 'cakes', 'CAKES', 'Brot', 'Éclair', 'éclair', 'Straße', 'İzmir', 'a_b', '50%'];
const word = fc.constantFrom(...WORDS);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const prospectArb = fc.record({
  name: maybe(fc.constantFrom('Ravi Sen', 'RAVI', 'Émile Zola', 'Anna_Berg', 'Zoë 50%')),
  source: maybe(word), owner: maybe(word), tags: fc.uniqueArray(word, { maxLength: 3 }),
  stage: fc.constantFrom<Stage>(...STAGES), created: fc.integer({ min: 0, max: 10 }), moved: fc.integer({ min: 0, max: 5 }),
  converted: maybe(fc.integer({ min: 0, max: 10 })), doNotContact: fc.boolean(), forgotten: fc.boolean(),
  notes: maybe(fc.constantFrom('likes cakes', 'ÉCLAIR fan', 'a\\b')),
});

const filterArb: fc.Arbitrary<ProspectFilter> = fc.record({
  stages: fc.uniqueArray(fc.constantFrom<Stage>(...STAGES), { maxLength: 3 }),
  source: word, owner: word, tags: fc.uniqueArray(word, { maxLength: 2 }),
  search: fc.constantFrom('', 'cakes', 'ÉCLAIR', '_', '%', 'ravi', '\\', 'straße'),
  createdSince: fc.integer({ min: 0, max: 10 }).map(iso), createdUntil: fc.integer({ min: 0, max: 10 }).map(iso),
  contactable: fc.boolean(),
  converted: fc.record({ since: fc.integer({ min: 0, max: 10 }).map(iso), until: fc.integer({ min: 0, max: 10 }).map(iso) }, { requiredKeys: [] }),
}, { requiredKeys: [] });

type Gen = typeof prospectArb extends fc.Arbitrary<infer T> ? T : never;

function prospect(id: number, g: Gen): Prospect {
  const stageHistory = [{ stage: 'aware' as Stage, at: iso(g.created) }, { stage: g.stage, at: iso(g.created + g.moved) }];
  return {
    id, name: g.name, description: null, email: null, phone: null, company: null, source: g.source, stage: g.stage, stageHistory, tags: g.tags, owner: g.owner,
    referredBy: null, doNotContact: g.doNotContact, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {},
    conversion: g.converted === null ? null : { at: iso(g.created + g.converted), value: 12.5, currency: 'EUR', product: null },
    notes: g.notes, forgottenAt: g.forgotten ? iso(11) : null, createdAt: iso(g.created), updatedAt: iso(g.created),
  };
}

/** The SQL backends, each opening a fresh store (PostgreSQL: a new database on the test server). */
const SQL_STORES: [string, () => Promise<Store>][] = [
  ['SQLite', async () => new SqliteStore(`${tempDir()}/filter.db`, { lockTimeoutMs: 1000 })],
  ['PostgreSQL', async () => new PostgresStore((await freshDatabase()).url, { lockTimeoutMs: 5000, connectTimeoutMs: 5000, env: {}, homedir: '/nonexistent', osUser: 'tester' })],
];

describe.each(SQL_STORES)('the compiled filter on %s', (_name, open) => {
  it('selects exactly the prospects prospectMatcher keeps, and counts their funnel as tallyFunnel does', async () => {
    const store = await open();
    const prospects = fc.sample(prospectArb, { numRuns: 150, seed: 21 }).map((g, i) => prospect(i + 1, g));
    await store.transaction((tx) => tx.insert('prospect', prospects));
    try {
      await fc.assert(fc.asyncProperty(filterArb, async (filter) => {
        const expected = prospects.filter(prospectMatcher(filter));
        expect((await store.listProspects({ filter })).map((p) => p.id)).toEqual(expected.map((p) => p.id));
        expect(await store.funnelCounts(filter)).toEqual(tallyFunnel(expected));
      }), { numRuns: 300 });
    } finally {
      await store.close();
    }
  });
});
