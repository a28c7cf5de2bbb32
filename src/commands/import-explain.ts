// What a dry-run import says about how it read the file: the column mapping (stderr) and one row per input line.
import { fallbackColumns, type HeaderMatch } from '../csv/headers.js';
import type { RowOutcome } from '../csv/report.js';
import type { Column } from '../output/columns.js';

/** `"E-mail 2 - Value" → email, where "E-mail 1 - Value" is empty`: every column and what it became. */
export function describeColumns(header: readonly string[], match: HeaderMatch): string {
  const after = new Map(fallbackColumns(header, match).map((f) => [f.header, f.after]));
  const unknown = new Set(match.unknown);
  const lines = header.map((h, i) => {
    const target = match.targets[i];
    const was = after.get(h);
    const what = target === null || target === undefined ? (unknown.has(h) ? 'ignored (unknown)' : 'ignored')
      : was ? `${target}, where ${was.map((w) => `"${w}"`).join(' and ')} ${was.length > 1 ? 'are' : 'is'} empty` : target;
    return `  "${h}" → ${what}`;
  });
  return ['columns (header → field):', ...lines].join('\n');
}

export const OUTCOME_COLUMNS: Column<RowOutcome>[] = [
  { key: 'line', type: 'int' },
  { key: 'action', type: 'string' },
  { key: 'id', type: 'int' },
  { key: 'reason', type: 'string' },
];
