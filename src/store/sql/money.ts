// Money in a SQL column as an exact decimal: the text of the domain's number as String gives it, written out
// without an exponent (1e-7 → 0.0000001), so it reads back as the very same number and no binary float is stored.

/** The canonical decimal text of an amount (the domain's numbers are finite; a sign stays, for the CHECK to refuse). */
export function decimalText(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exponent] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The amount a decimal column holds, as the domain's number (a driver may give numeric as text or number). */
export const decimalValue = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
