import { describe, expect, it } from 'vitest';
import { bar, sparkBars } from '../../src/output/bars.js';

describe('bar', () => {
  it('draws whole blocks and an eighth-block remainder, proportional to the fraction', () => {
    expect(bar(1, 10)).toBe('██████████');
    expect(bar(0.5, 10)).toBe('█████');
    expect(bar(0.25, 3)).toBe('▊'); // 6 of 24 eighths
    expect(bar(0.55, 10)).toBe('█████▌'); // 44 eighths: 5 cells and 4/8
  });

  it('nothing for zero, null or nonsense; a sliver for tiny non-zero values; clamped at full width', () => {
    expect(bar(0, 10)).toBe('');
    expect(bar(null, 10)).toBe('');
    expect(bar(Number.NaN, 10)).toBe('');
    expect(bar(0.001, 10)).toBe('▏');
    expect(bar(3, 4)).toBe('████');
  });
});


it('draws one block per value scaled to the largest, a dot for zero', () => {
  expect(sparkBars([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
  expect(sparkBars([3, 3])).toBe('██');
  expect(sparkBars([0, 0, 0])).toBe('···');
  expect(sparkBars([])).toBe('');
});
