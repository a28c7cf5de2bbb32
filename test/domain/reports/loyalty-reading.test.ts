// The line under the loyalty table: which two groups it compares (ties included) and how it words them.
import { describe, expect, it } from 'vitest';
import type { LoyaltyRow } from '../../../src/domain/reports/loyalty.js';
import { loyaltyReading, READING_MIN_CUSTOMERS } from '../../../src/domain/reports/loyalty-reading.js';

/** A row of `customers` of whom `repeat` came back. */
const row = (group: string | null, customers: number, repeat: number): LoyaltyRow => ({
  group, customers, repeat_customers: repeat, repeat_rate: repeat / customers, median_days_to_second: null,
  purchases_per_customer: null, revenue_per_customer: {}, active_share: null,
});

describe('loyaltyReading', () => {
  it('the issue\'s example: 48 of 100 sampled customers came back, 21 of 100 others; 0.48 / 0.21 = 2.29 → 2.3×', () => {
    expect(loyaltyReading([row('no', 100, 21), row('yes', 100, 48)], 'sampled'))
      .toBe('customers sampled before buying came back 2.3× as often (48% vs 21%)');
    expect(loyaltyReading([row('no', 10, 6), row('yes', 10, 2)], 'referred'))
      .toBe('customers not referred came back 3.0× as often (60% vs 20%)');
  });

  it('says nothing with fewer than two groups, and why not when the groups are too small', () => {
    expect(loyaltyReading([row('yes', 100, 48)], 'sampled')).toBeNull();
    expect(loyaltyReading([], 'sampled')).toBeNull();
    expect(READING_MIN_CUSTOMERS).toBe(5);
    expect(loyaltyReading([row('no', 4, 0), row('yes', 100, 48)], 'sampled')).toBe('no reading: fewer than two groups have 5 or more customers');
  });

  it('compares the highest and the lowest repeat rate among groups of 5 or more, naming both when there are more than two', () => {
    const rows = [row('instagram', 10, 3), row('market', 4, 4), row('walk-in', 20, 10), row(null, 5, 1)];
    // market (100%) is too small; walk-in 50% is the highest, (none) 20% the lowest: 0.5 / 0.2 = 2.5
    expect(loyaltyReading(rows, 'source')).toBe('customers from walk-in came back 2.5× as often as customers with no source (50% vs 20%)');
    expect(loyaltyReading([row('greeting', 5, 1), row('sample', 6, 3)], 'first-touch'))
      .toBe('customers first touched by a sample came back 2.5× as often as customers first touched by a greeting (50% vs 20%)');
    expect(loyaltyReading([row('mitra', 8, 2), row(null, 5, 2)], 'owner'))
      .toBe('customers with no owner came back 1.6× as often as customers of mitra (40% vs 25%)');
  });

  it('ties: the group with more customers, then the one listed first', () => {
    // highest 50%: b (10 customers) beats a (6); lowest 10%: d and e both 10 customers, d is listed first
    const rows = [row('a', 6, 3), row('b', 10, 5), row('c', 8, 2), row('d', 10, 1), row('e', 10, 1)];
    expect(loyaltyReading(rows, 'owner')).toBe('customers of b came back 5.0× as often as customers of d (50% vs 10%)');
  });

  it('a group where nobody came back, and groups that all came back as often', () => {
    expect(loyaltyReading([row('no', 5, 0), row('yes', 5, 2)], 'sampled'))
      .toBe('customers sampled before buying came back, customers not sampled before buying never did (40% vs 0%)');
    expect(loyaltyReading([row('no', 5, 1), row('yes', 10, 2)], 'sampled')).toBe('customers came back as often in every group of 5 or more (20%)');
  });
});
