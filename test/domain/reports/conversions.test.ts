import { cohortOf, namesOf, touchesBefore, touchesOf } from './cohort.js';
import { describe, expect, it } from 'vitest';
import { cohortsReport } from '../../../src/domain/reports/cohorts.js';
import { referralsReport } from '../../../src/domain/reports/referrals.js';
import { sourcesReport } from '../../../src/domain/reports/sources.js';
import { touchesReport } from '../../../src/domain/reports/touches.js';
import { conversionFixture, day } from '../../fixtures/store-builder.js';

const doc = conversionFixture();
const NOW = new Date('2026-03-10T12:00:00Z');

describe('sourcesReport', () => {
  it('per source: conversion rate, median days, touches on or before conversion, revenue', () => {
    expect(sourcesReport(cohortOf(doc.prospects, {}), touchesBefore(doc, cohortOf(doc.prospects, {})))).toEqual([
      // Tom: day 4 → 12 = 8 days, social + message at creation = 2 touches, 20.
      { source: 'instagram', prospects: 2, customers: 1, conversion_rate: 0.5, median_days_to_convert: 8, avg_touches_before_conversion: 2, revenue: { INR: 20 }, cost: { INR: 0 }, revenue_per_cost: { INR: null } },
      // Kofi converted without touches and without a value.
      { source: 'referral', prospects: 1, customers: 1, conversion_rate: 1, median_days_to_convert: 12, avg_touches_before_conversion: 0, revenue: { INR: 0 }, cost: { INR: 0 }, revenue_per_cost: { INR: null } },
      // Ravi 10 days, 3 touches (the visit at the purchase counts, the greeting after does not); Anna 9 days, 3 touches.
      { source: 'walk-in', prospects: 3, customers: 2, conversion_rate: 2 / 3, median_days_to_convert: 9.5, avg_touches_before_conversion: 3, revenue: { INR: 130 }, cost: { INR: 0 }, revenue_per_cost: { INR: null } },
      { source: null, prospects: 1, customers: 0, conversion_rate: 0, median_days_to_convert: null, avg_touches_before_conversion: null, revenue: { INR: 0 }, cost: { INR: 0 }, revenue_per_cost: { INR: null } },
    ]);
  });

  it('an empty window has no sources', () => {
    expect(sourcesReport(cohortOf(doc.prospects, { since: day(100) }), touchesBefore(doc, cohortOf(doc.prospects, { since: day(100) })))).toEqual([]);
  });
});

describe('touchesReport', () => {
  const rows = Object.fromEntries(touchesReport(cohortOf(doc.prospects, {}), touchesOf(doc, {})).map((r) => [r.type, r]));

  it('lists every touch type in a fixed order', () => {
    expect(Object.keys(rows)).toEqual(['greeting', 'visit', 'sample', 'tasting', 'call', 'email', 'message', 'meeting', 'event', 'website', 'social', 'referral', 'other']);
    expect(rows.tasting).toEqual({ type: 'tasting', touches: 0, prospects: 0, conversion_rate: null, first_touch_conversions: 0, last_touch_conversions: 0,
      revenue: { INR: 0 }, cost: { INR: 0 }, revenue_per_cost: { INR: null } });
  });

  it('counts touches, touched prospects and conversions after a touch of the type', () => {
    // greeting: Ravi (before his purchase and after), Lena, Meera → only Ravi converted after one.
    expect(rows.greeting).toMatchObject({ touches: 4, prospects: 3, conversion_rate: 1 / 3 });
    expect(rows.visit).toMatchObject({ touches: 2, prospects: 2, conversion_rate: 1 });
    expect(rows.social).toMatchObject({ touches: 2, prospects: 2, conversion_rate: 0.5 });
    // Ravi's only event came after he bought: it touched him but did not lead to the purchase.
    expect(rows.event).toMatchObject({ touches: 1, prospects: 1, conversion_rate: 0 });
  });

  it('attributes each conversion to its first and last touch before it (same instant: logged order)', () => {
    const attribution = Object.values(rows).filter((r) => r.first_touch_conversions || r.last_touch_conversions)
      .map((r) => [r.type, r.first_touch_conversions, r.last_touch_conversions]);
    // Ravi greeting → … → visit at the purchase; Anna visit → call at the purchase; Tom social and message at once.
    expect(attribution).toEqual([['greeting', 1, 0], ['visit', 1, 1], ['call', 0, 1], ['message', 0, 1], ['social', 1, 0]]);
  });
});

describe('cohortsReport', () => {
  it('by month', () => {
    expect(cohortsReport(cohortOf(doc.prospects), { period: 'month' }, NOW)).toEqual([
      // days to convert 10, 9, 8, 12 → (9+10)/2; two conversions on day 12.
      { cohort: '2026-01', prospects: 7, customers: 4, conversion_rate: 4 / 7, median_days_to_convert: 9.5 },
    ]);
  });

  it('by ISO week', () => {
    expect(cohortsReport(cohortOf(doc.prospects), { period: 'week' }, NOW)).toEqual([
      { cohort: '2026-W01', prospects: 2, customers: 2, conversion_rate: 1, median_days_to_convert: 9.5 },
      { cohort: '2026-W02', prospects: 5, customers: 2, conversion_rate: 0.4, median_days_to_convert: 10 },
    ]);
  });

  it('fills empty periods of the window with zeros and null rates', () => {
    const rows = cohortsReport(cohortOf(doc.prospects), { period: 'month', since: '2025-12-01T00:00:00.000Z', until: '2026-03-31T23:59:59.999Z' }, NOW);
    expect(rows.map((r) => r.cohort)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(rows[0]).toEqual({ cohort: '2025-12', prospects: 0, customers: 0, conversion_rate: null, median_days_to_convert: null });
  });

  it('an empty store gives no rows; an empty window open at the end runs to now', () => {
    expect(cohortsReport(cohortOf([]), { period: 'month' }, NOW)).toEqual([]);
    expect(cohortsReport(cohortOf([]), { period: 'month', since: '2026-02-01T00:00:00.000Z' }, NOW).map((r) => [r.cohort, r.prospects])).toEqual([['2026-02', 0], ['2026-03', 0]]);
  });
});

describe('referralsReport', () => {
  it('per referrer, most referred customers first', () => {
    expect(referralsReport(cohortOf(doc.prospects, {}), namesOf(doc.prospects))).toEqual([
      { id: 1, name: 'Ravi', referrals: 3, referred_customers: 2, referred_revenue: { INR: 50 } },
      { id: 2, name: 'Anna', referrals: 1, referred_customers: 1, referred_revenue: { INR: 0 } },
    ]);
  });

  it('the cohort filters select the referred prospects', () => {
    expect(referralsReport(cohortOf(doc.prospects, { source: 'instagram' }), namesOf(doc.prospects))).toEqual([
      { id: 1, name: 'Ravi', referrals: 2, referred_customers: 1, referred_revenue: { INR: 20 } },
    ]);
    expect(referralsReport(cohortOf([], {}), namesOf([]))).toEqual([]);
  });
});
