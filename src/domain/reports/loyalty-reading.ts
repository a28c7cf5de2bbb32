// The one line under the loyalty table: the biggest difference in repeat rate between two groups, in words.
import type { LoyaltyGroup, LoyaltyRow } from './loyalty.js';

/** Groups with fewer customers are left out of the reading: a repeat rate over a handful of people says little. */
export const READING_MIN_CUSTOMERS = 5;

/** How each grouping names its customers; the yes/no groupings compare with "the others" and say it once. */
const WHO: Record<LoyaltyGroup, (g: string | null) => string> = {
  sampled: (g) => (g === 'yes' ? 'customers sampled before buying' : 'customers not sampled before buying'),
  referred: (g) => (g === 'yes' ? 'referred customers' : 'customers not referred'),
  source: (g) => (g === null ? 'customers with no source' : `customers from ${g}`),
  owner: (g) => (g === null ? 'customers with no owner' : `customers of ${g}`),
  'first-touch': (g) => (g === null ? 'customers with no touch before buying' : `customers first touched by a ${g}`),
};

const percent = (r: number): string => `${Math.round(r * 100)}%`;

/**
 * Picks, among the groups with at least READING_MIN_CUSTOMERS customers, the one with the highest repeat rate and
 * the one with the lowest (the pair whose rates differ most). Ties go to the group with more customers, then to
 * the one listed first. Null with fewer than two groups in the report.
 */
export function loyaltyReading(rows: readonly LoyaltyRow[], by: LoyaltyGroup): string | null {
  if (rows.length < 2) return null;
  const big = rows.filter((r) => r.customers >= READING_MIN_CUSTOMERS && r.repeat_rate !== null);
  if (big.length < 2) return `no reading: fewer than two groups have ${READING_MIN_CUSTOMERS} or more customers`;
  const pick = (better: (a: number, b: number) => boolean) => big.reduce((best, r) =>
    (better(r.repeat_rate!, best.repeat_rate!) || (r.repeat_rate === best.repeat_rate && r.customers > best.customers) ? r : best));
  const [high, low] = [pick((a, b) => a > b), pick((a, b) => a < b)];
  const [hi, lo] = [high.repeat_rate!, low.repeat_rate!];
  if (hi === lo) return `customers came back as often in every group of ${READING_MIN_CUSTOMERS} or more (${percent(hi)})`;
  const who = WHO[by];
  const rates = `(${percent(hi)} vs ${percent(lo)})`;
  if (lo === 0) return `${who(high.group ?? null)} came back, ${who(low.group ?? null)} never did ${rates}`;
  const binary = by === 'sampled' || by === 'referred';
  const than = binary ? '' : ` as ${who(low.group ?? null)}`;
  return `${who(high.group ?? null)} came back ${(hi / lo).toFixed(1)}× as often${than} ${rates}`;
}
