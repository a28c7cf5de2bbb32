// Small statistics for report columns: median, 90th percentile and mean, null (never NaN) on no data.

/** A sorted copy; a typed array sorts numbers natively (several times faster than a comparator). */
const sorted = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

/**
 * Median of the values: the middle one, or the mean of the two middle ones for an even count
 * (so ties and even counts never pick a side). Null when there are no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** 90th percentile by nearest rank: the smallest value with at least 90% of the values at or below it. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  return s[Math.ceil(0.9 * s.length) - 1]!;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** numerator / denominator, or null when the denominator is zero (a rate over nobody is undefined). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
