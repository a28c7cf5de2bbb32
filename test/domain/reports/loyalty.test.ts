// report loyalty on a hand-built shop whose every figure is worked out by hand in the comments: the second
// purchase, medians of even counts, a customer paying in two currencies (and one amount in none), a customer
// with no touches, touches at the very instant of the first purchase, and purchases at one instant (one visit).
import { describe, expect, it } from 'vitest';
import type { CohortTouch } from '../../../src/domain/queries.js';
import { loyaltyReport, type LoyaltyBuyer, type LoyaltyPurchase, type LoyaltyQuery } from '../../../src/domain/reports/loyalty.js';
import type { TouchType } from '../../../src/domain/types.js';
import { day } from '../../fixtures/store-builder.js';

const buyer = (id: number, source: string | null, owner: string | null, referredBy: number | null = null): LoyaltyBuyer => ({ id, source, owner, referredBy });

/*
 * day(n) is noon UTC on 2026-01-01 + n. Now is day 180; active since day 90.
 * 1 Asha  walk-in, mitra           sample d1      buys d5 €10, d15 €20, d100 €30     second after 10 d, active, €60
 * 2 Ben   walk-in, mitra, ref by 1 greeting d2,   buys d6 €15 and d6 €5 (one visit), second d26 ₹500 after 20 d, not active, €20 ₹500
 *                                  tasting d6 (the instant he first bought: before buying, as for conversions)
 * 3 Chen  instagram, ravi, ref by 1 no touches    buys d50 €40 once                   no second, not active
 * 4 Dana  instagram, no owner      visit d55,     buys d60 (amount unknown), d95 €8   second after 35 d, active, €8
 *                                  sample d70 (after buying: not sampled)
 * 5 Eli   no source, mitra         sample d10     buys d12 7 in no currency (XXX), d130 €3  second after 118 d, active
 * 6 Fay   a prospect with a sample and no purchase: no customer
 */
const buyers = [buyer(1, 'walk-in', 'mitra'), buyer(2, 'walk-in', 'mitra', 1), buyer(3, 'instagram', 'ravi', 1), buyer(4, 'instagram', null), buyer(5, null, 'mitra'), buyer(6, 'walk-in', 'mitra')];

let purchaseId = 0;
const buy = (prospectId: number, n: number, value: number | null, currency: string | null = 'EUR'): LoyaltyPurchase => ({ id: ++purchaseId, prospectId, at: day(n), value, currency });
const purchases = [
  buy(1, 5, 10), buy(1, 15, 20), buy(1, 100, 30),
  buy(2, 6, 15), buy(2, 6, 5), buy(2, 26, 500, 'INR'),
  buy(3, 50, 40),
  buy(4, 60, null), buy(4, 95, 8),
  buy(5, 12, 7, null), buy(5, 130, 3),
];

let touchId = 0;
const touch = (prospectId: number, type: TouchType, n: number): CohortTouch => ({ id: ++touchId, prospectId, type, at: day(n), by: null, cost: null, currency: null });
const touches = [touch(1, 'sample', 1), touch(2, 'greeting', 2), touch(2, 'tasting', 6), touch(4, 'visit', 55), touch(4, 'sample', 70), touch(5, 'sample', 10), touch(6, 'sample', 3)];

const query = (q: Partial<LoyaltyQuery> = {}): LoyaltyQuery => ({ activeSince: day(90), now: day(180), ...q });
const report = (q: Partial<LoyaltyQuery> = {}) => loyaltyReport(buyers, purchases, touches, query(q));

describe('loyaltyReport', () => {
  it('all customers: Fay is none; the repeat days 10, 20, 35, 118 have the even-count median (20 + 35) / 2', () => {
    expect(report()).toEqual({
      currencies: ['EUR', 'INR', 'XXX'],
      rows: [{
        customers: 5,
        repeat_customers: 4, // all but Chen
        repeat_rate: 0.8,
        median_days_to_second: 27.5,
        purchases_per_customer: 2.2, // 3 + 3 + 1 + 2 + 2 = 11 purchases over 5
        // € 60 + 20 + 40 + 8 + 3 = 131 over 5; ₹ 500 over 5; 7 in no currency over 5
        revenue_per_customer: { EUR: 26.2, INR: 100, XXX: 1.4 },
        active_share: 0.6, // Asha (d100), Dana (d95), Eli (d130)
      }],
    });
  });

  it('--by sampled: a sample or tasting at or before the first purchase (Asha, Ben, Eli), not after it (Dana)', () => {
    expect(report({ by: 'sampled' }).rows).toEqual([
      {
        group: 'no', customers: 2, repeat_customers: 1, repeat_rate: 0.5, median_days_to_second: 35, // Chen, Dana
        purchases_per_customer: 1.5, revenue_per_customer: { EUR: 24, INR: 0, XXX: 0 }, active_share: 0.5, // € (40 + 8) / 2
      },
      {
        group: 'yes', customers: 3, repeat_customers: 3, repeat_rate: 1, median_days_to_second: 20, // 10, 20, 118
        purchases_per_customer: 8 / 3, // 3 + 3 + 2
        // € (60 + 20 + 3) / 3 = 27.666…, ₹ 500 / 3, 7 / 3, each to 6 decimals
        revenue_per_customer: { EUR: 27.666667, INR: 166.666667, XXX: 2.333333 },
        active_share: 2 / 3, // Asha, Eli
      },
    ]);
  });

  it('--by first-touch: the earliest touch at or before the first purchase; none for a customer never touched before buying', () => {
    const rows = report({ by: 'first-touch' }).rows.map((r) => [r.group, r.customers, r.repeat_customers, r.median_days_to_second]);
    expect(rows).toEqual([
      ['greeting', 1, 1, 20], // Ben
      ['sample', 2, 2, 64], // Asha 10, Eli 118: (10 + 118) / 2
      ['visit', 1, 1, 35], // Dana (her sample came after)
      [null, 1, 0, null], // Chen: no touches at all
    ]);
  });

  it('--by referred, owner and source: yes/no, and the none group last', () => {
    const groups = (by: LoyaltyQuery['by']) => report({ by }).rows.map((r) => [r.group, r.customers, r.repeat_rate]);
    expect(groups('referred')).toEqual([['no', 3, 1], ['yes', 2, 0.5]]); // Asha Dana Eli; Ben Chen
    expect(groups('owner')).toEqual([['mitra', 3, 1], ['ravi', 1, 0], [null, 1, 1]]); // Asha Ben Eli; Chen; Dana
    expect(groups('source')).toEqual([['instagram', 2, 0.5], ['walk-in', 2, 1], [null, 1, 1]]);
  });

  it('--currency picks one currency: the others are left out, never converted or added', () => {
    const r = report({ by: 'referred', currency: 'INR' });
    expect(r.currencies).toEqual(['INR']);
    expect(r.rows.map((x) => x.revenue_per_customer)).toEqual([{ INR: 0 }, { INR: 250 }]); // Ben's ₹500 over Ben and Chen
    expect(report({ currency: 'USD' }).rows[0]!.revenue_per_customer).toEqual({ USD: 0 });
  });

  it('the active window is inclusive at both ends and counts nothing after now', () => {
    expect(report({ activeSince: day(100), now: day(129) }).rows[0]!.active_share).toBe(0.2); // Asha's d100 only
    expect(report({ activeSince: day(101), now: day(130) }).rows[0]!.active_share).toBe(0.2); // Eli's d130 only
  });

  it('money adds exactly: ten purchases of 0.1 are 1 per customer, not 0.9999999999999999', () => {
    const tens = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, prospectId: 1, at: day(i), value: 0.1, currency: 'EUR' }));
    expect(loyaltyReport([buyer(1, null, null)], tens, [], query()).rows[0]!.revenue_per_customer).toEqual({ EUR: 1 });
  });

  it('no purchases: no rows and no currencies', () => {
    expect(loyaltyReport(buyers, [], touches, query({ by: 'sampled' }))).toEqual({ rows: [], currencies: [] });
  });
});
