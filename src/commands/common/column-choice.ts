// `--columns a,b,c`: the columns a listing prints, in that order, in every format (a table, csv, tsv, json, xlsx).
import { usageError } from '../../domain/errors.js';
import type { Column } from '../../output/columns.js';

/** A name as typed or as a header reads: any case, and `last touch`, `last-touch`, `last_touch` are the same. */
const norm = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The columns `--columns` names, from those a command shows by default and the further ones it offers (a terminal
 * table's compact set leaves some out); each is known by its key (the csv header, the json key) or its table header.
 * Undefined when `asked` is: the command's own columns stand. An unknown name is a usage error naming every choice.
 */
export function chooseColumns<R>(asked: string | undefined, shown: readonly Column<R>[], more: readonly Column<R>[] = []): Column<R>[] | undefined {
  if (asked === undefined) return undefined;
  const all = [...shown, ...more];
  const keys = [...new Set(all.map((c) => c.key))];
  const names = asked.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw usageError(`--columns needs at least one column (use any of: ${keys.join(', ')})`);
  const chosen: Column<R>[] = [];
  for (const name of names) {
    const col = all.find((c) => norm(c.key) === norm(name)) ?? all.find((c) => c.label && norm(c.label) === norm(name));
    if (col === undefined) throw usageError(`unknown column "${name}" in --columns (use any of: ${keys.join(', ')})`);
    // Naming a column twice prints it once: a csv header or json key may not repeat.
    if (!chosen.some((c) => c.key === col.key)) chosen.push(col);
  }
  // On a narrow terminal the columns asked for last are left out first.
  return chosen.map((c) => ({ ...c, priority: undefined }));
}
