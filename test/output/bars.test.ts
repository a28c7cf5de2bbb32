import { expect, it } from 'vitest';
import { sparkBars } from '../../src/output/bars.js';

it('draws one block per value scaled to the largest, a dot for zero', () => {
  expect(sparkBars([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
  expect(sparkBars([3, 3])).toBe('██');
  expect(sparkBars([0, 0, 0])).toBe('···');
  expect(sparkBars([])).toBe('');
});
