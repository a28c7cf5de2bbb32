// The shape report activity and report tallies share: records added up per period (day, week, month) and, with
// `by`, per touch type or staff member; every group gets the full run of periods from the first record to the last.
import { compareGroups } from './groups.js';
import { toMs } from './instants.js';
import { periodKeyer, periodsBetween, type Period } from './periods.js';

interface PeriodQuery { period: Period; by?: 'type' | 'staff' }

/** One row per group and period (groups alphabetical, none last); `rowOf` gets undefined for an empty period. */
export function perPeriod<T extends { at: string; type: string; by: string | null }, C, R extends object>(
  records: readonly T[], q: PeriodQuery, newCell: () => C, add: (cell: C, record: T) => void, rowOf: (period: string, cell: C | undefined) => R,
): (R | (R & { group: string | null }))[] {
  const keyOf = periodKeyer(q.period);
  const cells = new Map<string | null, Map<string, C>>();
  let [first, last] = [Infinity, -Infinity];
  for (const t of records) {
    const at = toMs(t.at);
    [first, last] = [Math.min(first, at), Math.max(last, at)];
    const group = q.by === 'type' ? t.type : q.by === 'staff' ? t.by : null;
    let periods = cells.get(group);
    if (!periods) cells.set(group, (periods = new Map()));
    const key = keyOf(at);
    let cell = periods.get(key);
    if (!cell) periods.set(key, (cell = newCell()));
    add(cell, t);
  }
  if (cells.size === 0) return [];
  const run = periodsBetween(first, last, q.period);
  return [...cells.keys()].sort(compareGroups).flatMap((group) => run.map((period) => {
    const row = rowOf(period, cells.get(group)!.get(period));
    return q.by ? { group, ...row } : row;
  }));
}
