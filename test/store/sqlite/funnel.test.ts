// The funnel aggregated inside SQLite gives exactly the figures of the domain's funnelReport, on random
// cohorts: histories with skipped and backward moves, losses, backfilled entries, conversions without a history
// entry, even and odd counts (medians), and created-date windows.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelReport } from '../../../src/domain/reports/funnel.js';
import { STAGES, type Prospect, type Stage } from '../../../src/domain/types.js';
import { funnelCounts } from '../../../src/store/sql/funnel.js';
import { compileProspectFilter } from '../../../src/store/sql/filter.js';
import { SqliteRunner } from '../../../src/store/sqlite/runner.js';
import { SqliteStore } from '../../../src/store/sqlite/store.js';
import { tempDir } from '../../helpers.js';

const BASE = Date.UTC(2026, 0, 1);
const iso = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

const prospectArb = fc.record({
  created: fc.integer({ min: 0, max: 60 * 24 * 60 }),
  history: fc.array(fc.record({ stage: fc.constantFrom<Stage>(...STAGES), after: fc.integer({ min: -600, max: 60 * 24 * 30 }) }), { minLength: 1, maxLength: 5 }),
  stage: fc.constantFrom<Stage>(...STAGES),
  converted: fc.option(fc.integer({ min: 0, max: 60 * 24 * 90 }), { nil: null }),
});

type Gen = typeof prospectArb extends fc.Arbitrary<infer T> ? T : never;

function prospect(id: number, g: Gen): Prospect {
  let t = g.created;
  const stageHistory = g.history.map((h) => ({ stage: h.stage, at: iso((t += h.after)) }));
  return {
    id, name: `P${id}`, description: null, email: null, phone: null, company: null, source: null, stage: g.stage, stageHistory, tags: [], owner: null,
    referredBy: null, doNotContact: false, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {},
    conversion: g.converted === null ? null : { at: iso(g.created + g.converted), value: 10, currency: null, product: null },
    notes: null, forgottenAt: null, createdAt: iso(g.created), updatedAt: iso(g.created),
  };
}

describe('the funnel aggregated in SQLite', () => {
  it('equals funnelReport over the same prospects, whole and within a created window', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(prospectArb, { maxLength: 40 }), fc.integer({ min: 0, max: 60 * 24 * 60 }), async (gens, cut) => {
      const path = join(dir, `f${n++}.db`);
      const prospects = gens.map((g, i) => prospect(i + 1, g));
      if (prospects.length === 0) return;
      const store = new SqliteStore(path, { lockTimeoutMs: 1000 });
      await store.transaction(async (tx) => tx.insert('prospect', prospects));
      await store.close();
      const db = new Database(path, { readonly: true });
      try {
        for (const filter of [{}, { createdSince: iso(cut) }, { createdUntil: iso(cut) }]) {
          const expected = funnelReport(prospects.filter((p) => (
            (filter.createdSince === undefined || p.createdAt >= filter.createdSince) && (filter.createdUntil === undefined || p.createdAt <= filter.createdUntil))), {});
          const runner = new SqliteRunner(db);
          const got = await funnelCounts(runner, compileProspectFilter(filter));
          expect(got.reached).toEqual(expected.map((r) => r.reached));
          expect(got.current).toEqual(expected.map((r) => r.current));
          expect(got.lost).toEqual(expected.map((r) => r.lost));
          expect(got.medianDays).toEqual(expected.map((r) => r.median_days));
          expect(got.cohort).toBe(expected[0]!.reached); // everyone is at least aware
        }
      } finally {
        db.close();
      }
    }), { numRuns: 60 });
  });
});
