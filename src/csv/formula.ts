// Formula-injection guard (docs/CONTRACT.md §3 export): a cell a spreadsheet would evaluate gets a leading `'`, and import strips it.

const DANGEROUS_FIRST = new Set(['=', '@', '\t', '\r', '\n', '＝', '＠', '＋', '－']);
/** A sign followed by a plain number or a phone number (`-5`, `+91 98300 00000`) is data, not a formula. */
const PLAIN_SIGNED_NUMBER = /^[+-]\d[\d ]*(?:[.,]\d+)*$/;

function needsGuard(cell: string): boolean {
  const first = cell[0];
  if (first === undefined) return false;
  if (DANGEROUS_FIRST.has(first)) return true;
  if (first === '+' || first === '-') return !PLAIN_SIGNED_NUMBER.test(cell);
  // A value that already starts with `'` before something dangerous gets one more, so import can strip exactly one.
  if (first === "'") return needsGuard(cell.slice(1));
  return false;
}

export function guardCell(cell: string): string {
  return needsGuard(cell) ? `'${cell}` : cell;
}

export function unguardCell(cell: string): string {
  return cell.startsWith("'") && needsGuard(cell.slice(1)) ? cell.slice(1) : cell;
}
