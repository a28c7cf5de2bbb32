// Bars for terminal tables: a fraction as a horizontal bar, or a row of counts as one block character each.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A bar `width` cells long at fraction 1; fractions are clamped to 0..1 and null draws nothing.
 * Any non-zero fraction shows at least a sliver, so "a few" never looks like "none".
 */
export function bar(fraction: number | null, width: number): string {
  if (fraction === null || !Number.isFinite(fraction) || fraction <= 0) return '';
  const eighths = Math.max(1, Math.round(Math.min(1, fraction) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Drawn for a zero count, so an empty bucket stays visible and the bars keep their positions. */
const EMPTY = '·';

/** One character per value, scaled to the largest: `·▂█▅▁`. */
export function sparkBars(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (v <= 0 || max === 0 ? EMPTY : BLOCKS[Math.max(0, Math.ceil((v / max) * BLOCKS.length) - 1)])).join('');
}
