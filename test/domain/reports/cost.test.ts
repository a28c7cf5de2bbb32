// Cost, revenue and revenue per unit of cost per source and per touch type, per currency, on a hand-computed shop.
import { describe, expect, it } from 'vitest';
import { sourcesReport } from '../../../src/domain/reports/sources.js';
import { touchesReport } from '../../../src/domain/reports/touches.js';
import { CurrencySums, currenciesOf, perCost } from '../../../src/domain/reports/currencies.js';
import type { Tally, Touch, TouchType } from '../../../src/domain/types.js';
import { day, prospect, touch } from '../../fixtures/store-builder.js';
import { touchesBefore } from './cohort.js';

// Asha (walk-in) buys on day 5 for 100 INR, Ben (walk-in) on day 8 for 30 EUR, Chen (market) never.
const asha = prospect({ id: 1, source: 'walk-in', path: [['interested', 0], ['customer', 5]], converted: { day: 5, value: 100 } });
const ben = { ...prospect({ id: 2, source: 'walk-in', path: [['interested', 0], ['customer', 8]], converted: { day: 8, value: 30 } }) };
ben.conversion = { ...ben.conversion!, currency: 'EUR' };
const chen = prospect({ id: 3, source: 'market', path: [['interested', 0]] });
const cohort = [asha, ben, chen];

const costed = (id: number, prospectId: number, type: TouchType, n: number, cost: number | null, currency: string | null): Touch =>
  ({ ...touch(id, prospectId, type, n), cost, currency });
// Two samples for Asha before she buys (20 INR each), a tasting for Ben (5 EUR), a sample for Chen (10 INR), and a
// greeting for Asha after she bought (no cost).
const touches = [costed(4, 3, 'sample', 1, 10, 'INR'), costed(1, 1, 'sample', 2, 20, 'INR'), costed(2, 1, 'sample', 3, 20, 'INR'),
  costed(3, 2, 'tasting', 4, 5, 'EUR'), costed(5, 1, 'greeting', 6, null, null)];
const tally = (id: number, type: TouchType, count: number, cost: number | null, currency: string | null): Tally =>
  ({ id, type, count, at: day(1), note: null, by: null, cost, currency });
const tallies = [tally(1, 'sample', 60, 300, 'INR'), tally(2, 'greeting', 40, null, null)];

describe('money per currency', () => {
  it('sums only within a currency; a currency asked for is kept even at 0; no cost is no ratio', () => {
    const sums = new CurrencySums();
    sums.add(0.1, 'EUR'); sums.add(0.2, 'EUR'); sums.add(7, null); sums.add(null, 'INR');
    expect(sums.over(['EUR', 'XXX', 'INR'])).toEqual({ EUR: 0.3, XXX: 7, INR: 0 });
    expect(currenciesOf([sums])).toEqual(['EUR', 'XXX']);
    expect(currenciesOf([sums], 'GBP')).toEqual(['GBP']);
    expect(perCost({ EUR: 30, INR: 0 }, { EUR: 5, INR: 0 })).toEqual({ EUR: 6, INR: null });
  });
});

describe('sourcesReport with costs', () => {
  it("each source's touch costs against its revenue, per currency; tallies (no source) count nowhere", () => {
    const rows = sourcesReport(cohort, touchesBefore({ prospects: cohort, touches }, cohort), { touches });
    expect(rows.map((r) => [r.source, r.revenue, r.cost, r.revenue_per_cost])).toEqual([
      ['market', { EUR: 0, INR: 0 }, { EUR: 0, INR: 10 }, { EUR: null, INR: 0 }],
      ['walk-in', { EUR: 30, INR: 100 }, { EUR: 5, INR: 40 }, { EUR: 6, INR: 2.5 }],
    ]);
  });

  it('--currency keeps one currency', () => {
    const rows = sourcesReport(cohort, touchesBefore({ prospects: cohort, touches }, cohort), { touches, currency: 'EUR' });
    expect(rows.map((r) => [r.source, r.revenue, r.cost, r.revenue_per_cost])).toEqual([
      ['market', { EUR: 0 }, { EUR: 0 }, { EUR: null }],
      ['walk-in', { EUR: 30 }, { EUR: 5 }, { EUR: 6 }],
    ]);
  });
});

describe('touchesReport with costs', () => {
  it("a type's touch and tally costs against the revenue of customers it touched before buying", () => {
    const rows = Object.fromEntries(touchesReport(cohort, touches, { tallies }).map((r) => [r.type, r]));
    // sample: 10 + 20 + 20 INR of touches and 300 INR of the tally; Asha's 100 INR (sampled before buying).
    expect(rows.sample).toMatchObject({ revenue: { EUR: 0, INR: 100 }, cost: { EUR: 0, INR: 350 }, revenue_per_cost: { EUR: null, INR: 0.285714 } });
    expect(rows.tasting).toMatchObject({ revenue: { EUR: 30, INR: 0 }, cost: { EUR: 5, INR: 0 }, revenue_per_cost: { EUR: 6, INR: null } });
    // Asha's greeting came after she bought: no revenue; the greeting tally had no cost.
    expect(rows.greeting).toMatchObject({ revenue: { EUR: 0, INR: 0 }, cost: { EUR: 0, INR: 0 }, revenue_per_cost: { EUR: null, INR: null } });
    const inr = Object.fromEntries(touchesReport(cohort, touches, { tallies, currency: 'INR' }).map((r) => [r.type, r]));
    expect(inr.sample).toMatchObject({ revenue: { INR: 100 }, cost: { INR: 350 }, revenue_per_cost: { INR: 0.285714 } });
  });
});
