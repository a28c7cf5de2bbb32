import { cohortOf, touchesOf } from './cohort.js';
import { describe, expect, it } from 'vitest';
import { activityReport } from '../../../src/domain/reports/activity.js';
import { velocityReport } from '../../../src/domain/reports/velocity.js';
import { conversionFixture, funnelFixture } from '../../fixtures/store-builder.js';

describe('velocityReport', () => {
  it('one row per observed transition (backwards and to lost included), path order, lost last', () => {
    const rows = velocityReport(cohortOf(funnelFixture().prospects, {})).map((r) => [r.from, r.to, r.count, r.median_days, r.p90_days]);
    expect(rows).toEqual([
      ['aware', 'interested', 1, 2, 2],
      ['aware', 'intent', 1, 3, 3],
      ['aware', 'lost', 1, 1, 1],
      // Ada 2, Cy 5, Fay 1 → median 2, nearest-rank p90 of 3 values is the 3rd.
      ['interested', 'engaged', 3, 2, 5],
      ['interested', 'intent', 1, 4, 4],
      ['interested', 'customer', 1, 5, 5],
      ['interested', 'lost', 1, 2, 2],
      ['engaged', 'interested', 1, 2, 2],
      ['engaged', 'intent', 1, 2, 2],
      ['engaged', 'lost', 1, 2, 2],
      ['intent', 'customer', 1, 4, 4],
      ['intent', 'lost', 1, 4, 4],
      ['customer', 'advocate', 1, 10, 10],
      ['customer', 'lost', 1, 25, 25],
    ]);
  });

  it('an empty cohort has no transitions', () => {
    expect(velocityReport(cohortOf(funnelFixture().prospects, { source: 'nowhere' }))).toEqual([]);
  });
});

describe('activityReport', () => {
  const doc = conversionFixture();

  it('touches and touched prospects per ISO week, from the first touch to the last', () => {
    expect(activityReport(touchesOf(doc), { period: 'week' })).toEqual([
      { period: '2026-W01', touches: 2, prospects: 2 },
      { period: '2026-W02', touches: 7, prospects: 4 },
      { period: '2026-W03', touches: 4, prospects: 2 },
    ]);
  });

  it('per day fills the quiet days with zeros', () => {
    const rows = activityReport(touchesOf(doc), { period: 'day' });
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual({ period: '2026-01-02', touches: 1, prospects: 1 });
    expect(rows[1]).toEqual({ period: '2026-01-03', touches: 0, prospects: 0 });
    expect(rows.reduce((n, r) => n + r.touches, 0)).toBe(13);
  });

  it('--by staff gives each staff member the whole run of periods (not recorded last)', () => {
    const rows = activityReport(touchesOf(doc), { period: 'week', by: 'staff' });
    expect(rows.map((r) => [r.group, r.period, r.touches, r.prospects])).toEqual([
      ['joel', '2026-W01', 1, 1], ['joel', '2026-W02', 0, 0], ['joel', '2026-W03', 2, 1],
      ['mitra', '2026-W01', 1, 1], ['mitra', '2026-W02', 2, 1], ['mitra', '2026-W03', 2, 1],
      [null, '2026-W01', 0, 0], [null, '2026-W02', 5, 3], [null, '2026-W03', 0, 0],
    ]);
  });

  it('--by type, month; only the cohort\'s touches; nothing to show is no rows', () => {
    const rows = activityReport(touchesOf(doc), { period: 'month', by: 'type' });
    expect(rows.map((r) => [r.group, r.touches])).toEqual([
      ['call', 1], ['email', 1], ['event', 1], ['greeting', 4], ['message', 1], ['sample', 1], ['social', 2], ['visit', 2],
    ]);
    expect(activityReport(touchesOf(doc, { source: 'instagram' }), { period: 'month' })).toEqual([{ period: '2026-01', touches: 4, prospects: 2 }]);
    expect(activityReport([], { period: 'week' })).toEqual([]);
  });
});
