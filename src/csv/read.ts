// Reads CSV as a stream of record batches, never as one string: UTF-8 BOM, CRLF, quoted multi-line fields, a given
// or sniffed delimiter, and the physical line each record starts on, so every problem can be reported as `line N: …`.
import { dataError, PrecrmError, usageError } from '../domain/errors.js';
import { quickParse, type QuickState } from './quick-parse.js';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts, counting the lines of multi-line fields. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRecord[];
  delimiter: string;
}

/** The header, then the other records in batches of about a chunk's worth, as they are read. */
export interface CsvReader {
  header: string[];
  delimiter: string;
  batches: AsyncGenerator<CsvRecord[]>;
}

export interface ParseOptions {
  delimiter?: string;
}

/**
 * A record longer than this (characters) is refused as unreadable: no cell may exceed 10,000 characters, so it is an
 * unclosed quote swallowing the file, which would otherwise be gathered into one string until memory runs out.
 */
export const MAX_RECORD = 8 << 20;

/** `--delimiter` value: one character, or `tab`. */
export function parseDelimiter(text: string): string {
  if (text === 'tab' || text === '\\t') return '\t';
  if ([...text].length !== 1 || text === '"' || text === '\n' || text === '\r') {
    throw usageError(`--delimiter "${text}" must be one character such as , ; | or tab`);
  }
  return text;
}

/** Picks `,` `;` or tab by counting them outside quotes on the header line; `,` when unsure. */
export function sniffDelimiter(start: Buffer | string): string {
  const text = typeof start === 'string' ? start : start.toString('latin1', 0, 65_536);
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

const NOT_UTF8 = (line: number) => dataError(`the file is not UTF-8 text (line ${line} has a byte that is not); nothing was written (save it as "CSV UTF-8" and import that)`);

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The chunks as UTF-8 text (a leading BOM dropped). A UTF-16 or Windows-1252 file decoded as UTF-8 turns "José" into
 * "Jos\uFFFD" and UTF-16 into NUL-strewn text, imported silently: refuse it and say how to save it instead.
 */
async function* decode(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw dataError('the file is UTF-16 text; nothing was written (save it as "CSV UTF-8" and import that)');
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const loose = chunk.toString('utf8');
      throw NOT_UTF8(line + countLines(loose, loose.indexOf('\ufffd')));
    }
    line += countLines(text);
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw NOT_UTF8(line);
  }
  if (rest !== '') yield rest;
}

/**
 * Where the last whole record of `text` ends: just after the last line break outside quotes (0: none yet). Quotes
 * toggle, `""` toggles twice, so parity tells inside from outside in any well-formed file; quickParse refuses the rest.
 */
export function lastRecordEnd(text: string): number {
  let end = 0;
  let quoted = false;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (!quoted) {
      const lf = text.lastIndexOf('\n', (q === -1 ? text.length : q) - 1);
      if (lf >= i) end = lf + 1;
    }
    if (q === -1) return end;
    quoted = !quoted;
    i = q + 1;
  }
}

/**
 * Lines a record spans: one, plus the line breaks inside its quoted cells. Counting them here is far cheaper
 * than csv-parse's per-record `info` objects on a 100,000-row file.
 */
function linesSpanned(cells: readonly string[]): number {
  let n = 1;
  for (const c of cells) {
    if (c.indexOf('\n') === -1 && c.indexOf('\r') === -1) continue;
    n += (c.match(/\r\n|\r|\n/g) ?? []).length;
  }
  return n;
}

/** Numbers records by physical line and drops blank ones (a line of only delimiters and spaces). */
class Numbering {
  constructor(public line: number) {}
  number(cellRows: string[][]): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (const cells of cellRows) {
      const start = this.line;
      this.line += linesSpanned(cells);
      if (!cells.every((c) => c.trim() === '')) out.push({ line: start, cells });
    }
    return out;
  }
}

/**
 * csv-parse, fed text as it comes: the reader for every file the quick scanner doubts, with its relaxed rules and
 * its error messages. A CSV syntax error (an unclosed quote …) is exit 65 with its line.
 */
async function* slowRecords(first: string, rest: AsyncIterator<string>, delimiter: string, lines: Numbering): AsyncGenerator<CsvRecord[]> {
  const { parse } = await import('csv-parse');
  // Empty lines come through as records (not skipped by the parser) so that line numbers stay physical.
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD });
  const offset = lines.line - 1;
  const rows: string[][] = [];
  let failure: unknown = null;
  parser.on('readable', () => {
    for (let cells: string[] | null = parser.read(); cells !== null; cells = parser.read()) rows.push(cells);
  });
  const ended = new Promise<void>((res) => {
    parser.on('end', res);
    parser.on('error', (err) => { failure = err; res(); });
  });
  for (let text: string | undefined = first; text !== undefined && !failure;) {
    await new Promise<void>((res) => parser.write(text, () => res()));
    await new Promise((r) => setImmediate(r));
    if (rows.length) yield lines.number(rows.splice(0));
    const next = await rest.next();
    text = next.done ? undefined : next.value;
  }
  if (!failure) parser.end();
  await ended;
  if (failure) throw csvSyntaxError(failure, offset);
  if (rows.length) yield lines.number(rows.splice(0));
}

function csvSyntaxError(err: unknown, offset: number): PrecrmError {
  const e = err as { code?: string; lines?: number; message?: string };
  const what = e.code === 'CSV_MAX_RECORD_SIZE' ? `a record is longer than ${MAX_RECORD / (1 << 20)} MB (an unclosed quote?)`
    : (e.message ?? String(err)).replace(/^[^:]*:\s*/, '').replace(/ at line \d+/, '');
  return dataError(`the file is not readable as CSV; nothing was written`, [`line ${e.lines === undefined ? '?' : e.lines + offset}: ${what}`]);
}

/** Records from text pieces: the quick scanner on each run of whole records, csv-parse from the first it doubts. */
async function* records(first: string, rest: AsyncIterator<string>, delimiter: string, firstLine: number): AsyncGenerator<CsvRecord[]> {
  const lines = new Numbering(firstLine);
  const state: QuickState = { eol: 0 };
  let carry = first;
  for (;;) {
    const next = carry.length > MAX_RECORD ? null : await rest.next();
    const done = next !== null && next.done === true;
    if (next && !next.done) carry += next.value;
    const end = done ? carry.length : next === null ? 0 : lastRecordEnd(carry);
    const rows = end > 0 ? quickParse(carry.slice(0, end), delimiter, state) : [];
    if (rows === null || next === null) {
      yield* slowRecords(carry, rest, delimiter, lines);
      return;
    }
    if (rows.length) yield lines.number(rows);
    carry = carry.slice(end);
    if (done) return;
  }
}

/** Reads up to the header: `sep=;` (Excel's hint), the delimiter, and the header record. The rest streams. */
export async function readCsv(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, opts: ParseOptions = {}): Promise<CsvReader> {
  const pieces = decode(chunks)[Symbol.asyncIterator]();
  let start = '';
  // Enough text to see the header line (or the whole input, when shorter).
  while (start.indexOf('\n') === -1 && start.length < 65_536) {
    const next = await pieces.next();
    if (next.done) break;
    start += next.value;
  }
  // Excel writes a `sep=;` line before the header of a CSV meant for another locale: honour it, skip it.
  const hint = /^sep=([^\r\n])\r?\n/i.exec(start.slice(0, 8));
  if (hint) start = start.slice(hint[0].length);
  const delimiter = opts.delimiter ?? hint?.[1] ?? sniffDelimiter(start);
  const batches = records(start, pieces, delimiter, hint ? 2 : 1);
  for (;;) {
    const next = await batches.next();
    if (next.done) throw dataError('the file is empty; expected a header row and then one row per record');
    const [head, ...rows] = next.value;
    if (!head) continue;
    return { header: head.cells.map((h) => h.trim()), delimiter, batches: prepend(rows, batches) };
  }
}

async function* prepend(first: CsvRecord[], rest: AsyncGenerator<CsvRecord[]>): AsyncGenerator<CsvRecord[]> {
  if (first.length) yield first;
  yield* rest;
}

/** A whole input as a table, for callers that hold it anyway (and tests). */
export async function parseCsv(input: Buffer, opts: ParseOptions = {}): Promise<CsvTable> {
  const reader = await readCsv([input], opts);
  const rows: CsvRecord[] = [];
  for await (const batch of reader.batches) rows.push(...batch);
  return { header: reader.header, rows, delimiter: reader.delimiter };
}
