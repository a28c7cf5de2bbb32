import { cohortOf } from './cohort.js';
import { describe, expect, it } from 'vitest';
import { funnelReport } from '../../../src/domain/reports/funnel.js';
import { day, funnelFixture } from '../../fixtures/store-builder.js';

const pick = (rows: ReturnType<typeof funnelReport>) => rows.map((r) => [r.stage, r.reached, r.current, r.lost, r.step_rate, r.overall_rate, r.median_days]);

describe('funnelReport', () => {
  const doc = funnelFixture();

  it('counts the furthest stage ever reached: skipped stages, backwards moves, lost at every stage', () => {
    // Furthest: Ada advocate, Ben intent (skipped interested/engaged), Cy engaged (moved back),
    // Dee aware/lost, Eve interested/lost, Fay engaged/lost, Gus intent/lost, Hal customer/lost, Ivy interested.
    expect(pick(funnelReport(cohortOf(doc.prospects, {})))).toEqual([
      ['aware', 9, 0, 1, 1, 1, 0],
      ['interested', 8, 2, 1, 8 / 9, 8 / 9, 0],
      // engaged days: Ada 4, Ben 3 (skipped → reached with intent), Cy 5, Fay 1, Gus 4, Hal 5 → 1,3,4,4,5,5 → (4+4)/2
      ['engaged', 6, 0, 1, 6 / 8, 6 / 9, 4],
      // intent days: Ada 6, Ben 3, Gus 4, Hal 5 → (4+5)/2
      ['intent', 4, 1, 1, 4 / 6, 4 / 9, 4.5],
      ['customer', 2, 0, 1, 2 / 4, 2 / 9, 7.5],
      ['advocate', 1, 1, 0, 1 / 2, 1 / 9, 20],
    ]);
  });

  it('an empty cohort gives the six rows with zeros and null rates and medians', () => {
    const rows = funnelReport(cohortOf(doc.prospects, { source: 'nowhere' }));
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toMatchObject({ reached: 0, current: 0, lost: 0, step_rate: null, overall_rate: null, median_days: null });
    expect(funnelReport(cohortOf([], {})).map((r) => r.stage)).toEqual(['aware', 'interested', 'engaged', 'intent', 'customer', 'advocate']);
  });

  it('a zero stage makes the next step rate null, not NaN', () => {
    const rows = funnelReport(cohortOf(doc.prospects, { source: 'instagram', owner: 'joel' }));
    // Dee (aware, lost), Eve (interested, lost), Fay (engaged, lost)
    expect(pick(rows).map((r) => r.slice(0, 5))).toEqual([
      ['aware', 3, 0, 1, 1],
      ['interested', 2, 0, 1, 2 / 3],
      ['engaged', 1, 0, 1, 1 / 2],
      ['intent', 0, 0, 0, 0],
      ['customer', 0, 0, 0, null],
      ['advocate', 0, 0, 0, null],
    ]);
  });

  it('filters the cohort by creation window (inclusive), source, owner and every tag', () => {
    expect(funnelReport(cohortOf(doc.prospects, { since: day(31), until: day(31) }))[0]!.reached).toBe(1);
    expect(funnelReport(cohortOf(doc.prospects, { until: day(0) }))[0]!.reached).toBe(8);
    expect(funnelReport(cohortOf(doc.prospects, { source: 'WALK-IN' }))[0]!.reached).toBe(3);
    expect(funnelReport(cohortOf(doc.prospects, { owner: 'mitra' }))[0]!.reached).toBe(4);
    expect(funnelReport(cohortOf(doc.prospects, { tags: ['cakes'] }))[0]!.reached).toBe(2);
    expect(funnelReport(cohortOf(doc.prospects, { tags: ['cakes', 'bread'] }))[0]!.reached).toBe(1);
  });

  it('--by repeats the funnel per group, alphabetical with the none group last', () => {
    const bySource = funnelReport(cohortOf(doc.prospects), { by: 'source' });
    expect(bySource).toHaveLength(18);
    expect(bySource.filter((r) => r.stage === 'aware').map((r) => [r.group, r.reached])).toEqual([['instagram', 5], ['walk-in', 3], [null, 1]]);
    expect(bySource.find((r) => r.group === 'walk-in' && r.stage === 'engaged')).toMatchObject({ reached: 3, step_rate: 1, overall_rate: 1, median_days: 4 });
    const byTag = funnelReport(cohortOf(doc.prospects), { by: 'tag' }).filter((r) => r.stage === 'aware');
    // Ada has two tags and counts in both groups.
    expect(byTag.map((r) => [r.group, r.reached])).toEqual([['bread', 1], ['cakes', 2], [null, 7]]);
    const byMonth = funnelReport(cohortOf(doc.prospects), { by: 'month' }).filter((r) => r.stage === 'aware');
    expect(byMonth.map((r) => [r.group, r.reached])).toEqual([['2026-01', 8], ['2026-02', 1]]);
  });

  it('--by on an empty cohort gives no groups', () => {
    expect(funnelReport(cohortOf([]), { by: 'owner' })).toEqual([]);
  });
});
