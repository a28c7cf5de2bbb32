// The hot path of CSV reading: a plain RFC 4180 scanner over one decoded string, several times faster than
// csv-parse on a 100,000-row file (csv-parse decodes every field from its own Buffer). It handles only
// well-formed input — quoted fields with "" escapes, one kind of line ending throughout — and returns null the
// moment anything is doubtful (a quote inside an unquoted field, text after a closing quote, an unclosed quote,
// mixed line endings), so csv-parse, with its relaxed rules and its error messages, reads every other file.

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Carried from one piece of a file to the next: the kind of line break the file uses (0 until the first). */
export interface QuickState { eol: number }

/**
 * The records of `text` (BOM already removed) as csv-parse would return them with relax_column_count: an
 * empty line is a record of one empty cell, a final line break ends the last record. Null: ask csv-parse.
 * A file read in pieces cut after whole records passes the same `state` for each, so mixed line breaks are seen.
 */
export function quickParse(text: string, delimiter: string, state: QuickState = { eol: 0 }): string[][] | null {
  if (delimiter.length !== 1 || delimiter === '"') return null;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let eol = state.eol; // 0 until the first line break outside quotes: then LF (\n) or CR (\r\n)
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let cell: string;
    let c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Quoted: up to the closing quote; "" is one quote. Line breaks inside are content.
      let from = i + 1;
      cell = '';
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        cell += text.slice(from, q);
        i = q + 1;
        break;
      }
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== delim && c !== CR && c !== LF) return null;
    } else {
      const start = i;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        if (c === QUOTE) return null;
        i++;
      }
      cell = text.slice(start, i);
      c = i < n ? c : -1;
    }
    row.push(cell);
    if (c === delim) {
      i++;
      // A delimiter at the very end of the input still opens one last, empty cell.
      if (i === n) row.push('');
      continue;
    }
    if (c === -1) break;
    // A line break: the kind is fixed by the first one; any other kind means csv-parse decides.
    const kind = c === CR ? (text.charCodeAt(i + 1) === LF ? CR : -1) : LF;
    if (kind === -1 || (eol !== 0 && kind !== eol)) return null;
    eol = kind;
    records.push(row);
    row = [];
    i += kind === CR ? 2 : 1;
  }
  if (row.length) records.push(row);
  state.eol = eol;
  return records;
}
