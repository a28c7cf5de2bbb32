import { describe, expect, it } from 'vitest';
import { mean, median, p90, rate } from '../../../src/domain/reports/stats.js';

describe('report statistics', () => {
  it('median: middle value, mean of the two middle ones for an even count, ties kept', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 5, 3])).toBe(3.5);
    expect(median([1, 4, 4, 5])).toBe(4);
    expect(median([2, 2, 2, 2])).toBe(2);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('p90 by nearest rank', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([10, 1, 2])).toBe(10);
    expect(p90([3])).toBe(3);
    expect(p90(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(18);
    expect(p90([])).toBeNull();
  });

  it('mean and rate are null, never NaN, over nothing', () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    p90(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
