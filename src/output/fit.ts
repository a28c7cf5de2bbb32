// Fits a table to a terminal's width: the least important columns are left out first, then the widest text is cut.

export interface ColumnFit {
  /** Widest cell or header, in terminal cells. */
  natural: number;
  /** Narrowest it may be cut to (never below the header); equal to natural for a column that is never cut. */
  min: number;
  /** Higher numbers are left out first; undefined is left out last. */
  priority?: number;
}

interface FitResult {
  /** Indexes of the columns kept, in their original order. */
  kept: number[];
  /** Content width of each kept column (same order as kept). */
  widths: number[];
}

/** What a bordered table adds to its content: a border and two spaces of padding per column, one closing border. */
export const tableWidth = (contentWidths: readonly number[]): number => contentWidths.reduce((sum, w) => sum + w + 3, 1);

/**
 * Leaves out columns (highest priority number first, the rightmost among equals) until the rest fit at their
 * minimum widths, then shares the room left: every column grows up to a common cap, so the widest are cut first.
 */
export function fitColumns(columns: readonly ColumnFit[], available: number): FitResult {
  let kept = columns.map((_, i) => i);
  const minTotal = (ids: number[]) => tableWidth(ids.map((i) => columns[i]!.min));
  while (kept.length > 1 && minTotal(kept) > available) {
    const rank = (i: number) => columns[i]!.priority ?? 0;
    const drop = kept.reduce((worst, i) => (rank(i) >= rank(worst) ? i : worst), kept[0]!);
    kept = kept.filter((i) => i !== drop);
  }
  const mins = kept.map((i) => columns[i]!.min);
  const naturals = kept.map((i) => columns[i]!.natural);
  const widthsAt = (cap: number) => naturals.map((n, k) => Math.min(n, Math.max(mins[k]!, cap)));
  if (tableWidth(naturals) <= available) return { kept, widths: naturals };
  let lo = 0;
  let hi = Math.max(...naturals);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (tableWidth(widthsAt(mid)) <= available) lo = mid;
    else hi = mid - 1;
  }
  const widths = widthsAt(lo);
  // The cap is a whole number: hand the last few cells to the columns still cut, left to right.
  let spare = available - tableWidth(widths);
  for (let k = 0; k < widths.length && spare > 0; k++) {
    if (widths[k]! < naturals[k]!) {
      widths[k]! += 1;
      spare -= 1;
    }
  }
  return { kept, widths };
}
