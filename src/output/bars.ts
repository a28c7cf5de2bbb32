// Horizontal bars for terminal tables: a fraction drawn as block characters, eighths for the last cell.

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
