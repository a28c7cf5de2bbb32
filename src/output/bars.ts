// Small bar charts for terminal tables: a row of counts drawn as one block character each.

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** Drawn for a zero count, so an empty bucket stays visible and the bars keep their positions. */
const EMPTY = '·';

/** One character per value, scaled to the largest: `·▂█▅▁`. */
export function sparkBars(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (v <= 0 || max === 0 ? EMPTY : BLOCKS[Math.max(0, Math.ceil((v / max) * BLOCKS.length) - 1)])).join('');
}
