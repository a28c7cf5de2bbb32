// Fitting a table to the terminal: which columns are left out and how wide the others may be.
import { describe, expect, it } from 'vitest';
import { fitColumns, tableWidth, type ColumnFit } from '../../src/output/fit.js';

const col = (natural: number, min = natural, priority?: number): ColumnFit => ({ natural, min, priority });

describe('fitColumns', () => {
  it('keeps every column at its natural width when the table fits', () => {
    const cols = [col(2), col(20, 10), col(10)];
    expect(fitColumns(cols, tableWidth([2, 20, 10]))).toEqual({ kept: [0, 1, 2], widths: [2, 20, 10] });
  });

  it('cuts the widest text first, never below its minimum, and uses every cell of the width', () => {
    const r = fitColumns([col(2), col(30, 10), col(16, 10), col(10)], 50);
    expect(r.kept).toEqual([0, 1, 2, 3]);
    expect(tableWidth(r.widths)).toBe(50);
    expect(r.widths[0]).toBe(2);
    expect(r.widths[3]).toBe(10);
    expect(Math.abs(r.widths[1]! - r.widths[2]!)).toBeLessThanOrEqual(1); // both cut to about the same width
  });

  it('leaves out the highest priority number first, the rightmost of equals, and never the last column', () => {
    const cols = [col(10), col(10, 10, 2), col(10, 10, 5), col(10, 10, 5), col(10, 10, 1)];
    expect(fitColumns(cols, tableWidth([10, 10, 10])).kept).toEqual([0, 1, 4]);
    expect(fitColumns(cols, tableWidth([10, 10, 10, 10])).kept).toEqual([0, 1, 2, 4]);
    expect(fitColumns(cols, 5).kept).toEqual([0]);
  });

  it('a column without a priority goes after every column that has one', () => {
    const cols = [col(10, 10, 3), col(10), col(10, 10, 1)];
    expect(fitColumns(cols, tableWidth([10])).kept).toEqual([1]);
  });
});
