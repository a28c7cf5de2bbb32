// Where a file's header row is, when lines come before it: LinkedIn's Connections.csv opens with "Notes:" and a
// paragraph, a report export with its title. The rule is conservative, so that a plain file's first line stays its
// header: a later line is taken only when line 1 names at most one known column and that line names two or more.

/** Lines looked at for a header after a preamble. */
export const HEADER_SEARCH_LINES = 20;

/** How many of a line's cells are column names the import knows (its fields, their spellings, `--map` headers). */
export type Recognise = (cells: readonly string[]) => number;

const filled = (cells: readonly string[]): number => cells.reduce((n, c) => n + (c.trim() === '' ? 0 : 1), 0);

/**
 * The header's index among `lines` (the cells of the first lines, in order): 0, unless line 1 names at most one
 * known column and a line among the first HEADER_SEARCH_LINES names two or more and fills more cells than line 1
 * (a preamble line is a title or a sentence, not a row as wide as the table).
 */
export function findHeaderLine(lines: readonly (readonly string[])[], recognise: Recognise): number {
  const first = lines[0];
  if (first === undefined || recognise(first) >= 2) return 0;
  for (let i = 1; i < lines.length && i < HEADER_SEARCH_LINES; i++) {
    const cells = lines[i]!;
    if (recognise(cells) >= 2 && filled(cells) > filled(first)) return i;
  }
  return 0;
}
