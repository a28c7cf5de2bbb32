// Reads CSV as a stream of record batches, never as one string: any encoding decode.ts knows, CRLF, quoted
// multi-line fields, a given or sniffed delimiter, a header after a preamble, and the physical line each record
// starts on, so every problem can be reported as `line N: …`. A vCard file is handed to vcard.ts.
import { dataError, PrecrmError, usageError } from '../domain/errors.js';
import { decodeInput, type Encoding, type EncodingSource } from './decode.js';
import { findHeaderLine, HEADER_SEARCH_LINES, type Recognise } from './header-line.js';
import { quickParse, type QuickState } from './quick-parse.js';
import { MAX_RECORD, type CsvRecord } from './record.js';

interface CsvTable {
  header: string[];
  rows: CsvRecord[];
  delimiter: string;
}

/** How a file was read: what a second pass must read it with again, and what the dry run reports. */
export interface CsvLayout {
  format: 'csv' | 'vcard';
  encoding: Encoding;
  encodingSource: EncodingSource;
  delimiter: string;
  /** The header's physical line (1-based); 1 for a vCard file. */
  headerLine: number;
  /** Whether the header line was found after a preamble rather than given or on line 1. */
  headerFound: boolean;
}

/** The header, then the other records in batches of about a chunk's worth, as they are read. */
interface CsvReader extends CsvLayout {
  header: string[];
  batches: AsyncGenerator<CsvRecord[]>;
}

export interface ParseOptions {
  delimiter?: string;
  encoding?: Encoding;
  /** The header's physical line (1-based, `--header-line`); unset: line 1, or the first after a preamble. */
  headerLine?: number;
  /** Counts the known column names of a line, to find a header after a preamble; unset: line 1 is the header. */
  recognise?: Recognise;
  /** Read as vCard (a `.vcf` file), whatever the first line says. */
  vcard?: boolean;
}

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

/**
 * Where the last whole record of `text` ends: just after the last line break outside quotes (0: none yet). Quotes
 * toggle, `""` toggles twice, so parity tells inside from outside in any well-formed file; quickParse refuses the rest.
 */
function lastRecordEnd(text: string): number {
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

/** Decoded text until it holds `lines` line breaks (or the input ends, or it holds 64 KB and `lines` is a search). */
async function gather(pieces: AsyncIterator<string>, lines: number, search: boolean): Promise<string> {
  let start = '';
  let seen = 0;
  while (seen < lines && (!search || start.length < 65_536) && start.length <= MAX_RECORD) {
    const next = await pieces.next();
    if (next.done) break;
    seen += countBreaks(next.value);
    start += next.value;
  }
  return start;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** One physical line's cells, for the header search (a quoted line break is not expected in a header). */
function lineCells(line: string, delimiter: string | undefined): string[] {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const d = delimiter ?? sniffDelimiter(text);
  return quickParse(text, d)?.[0] ?? text.split(d);
}

/** The header's index among the physical lines of `text` (0: its first): given, found after a preamble, or 0. */
function headerIndex(text: string, opts: ParseOptions, skipped: number): { index: number; found: boolean } {
  if (opts.headerLine !== undefined) {
    const index = Math.max(0, opts.headerLine - 1 - skipped);
    if (countBreaks(text) < index || (countBreaks(text) === index && text.endsWith('\n'))) {
      throw usageError(`--header-line ${opts.headerLine} is past the end of the file (it has ${countBreaks(text) + skipped} line(s) within the first 8 MB)`);
    }
    return { index, found: false };
  }
  if (!opts.recognise) return { index: 0, found: false };
  const lines = text.split('\n', HEADER_SEARCH_LINES).map((l) => lineCells(l, opts.delimiter));
  const index = findHeaderLine(lines, opts.recognise);
  return { index, found: index > 0 };
}

/** Where the physical line `index` (0-based) of `text` starts. */
function lineStart(text: string, index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at = text.indexOf('\n', at) + 1;
  return at;
}

/** Whether decoded text is a vCard file: its first non-blank line opens a card. */
const looksLikeVcard = (start: string): boolean => /^\s*BEGIN:VCARD\s*$/i.test(start.slice(0, 1000).split('\n').find((l) => l.trim() !== '') ?? '');

/** Reads up to the header: the encoding, `sep=;` (Excel's hint), any preamble, the delimiter, the header. The rest streams. */
export async function readCsv(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, opts: ParseOptions = {}): Promise<CsvReader> {
  const decoded = await decodeInput(chunks, opts.encoding);
  const pieces = decoded.pieces;
  const search = opts.headerLine === undefined;
  // Enough text to see the header line (or the whole input, when shorter).
  let start = await gather(pieces, search ? (opts.recognise ? HEADER_SEARCH_LINES + 1 : 1) : opts.headerLine!, search);
  const encoding = { encoding: decoded.encoding, encodingSource: decoded.source };
  if (opts.vcard || (opts.vcard === undefined && looksLikeVcard(start))) return readVcard(start, pieces, encoding);
  // Excel writes a `sep=;` line before the header of a CSV meant for another locale: honour it, skip it.
  const hint = /^sep=([^\r\n])\r?\n/i.exec(start.slice(0, 8));
  if (hint) start = start.slice(hint[0].length);
  const head = headerIndex(start, opts, hint ? 1 : 0);
  start = start.slice(lineStart(start, head.index));
  const headerLine = (hint ? 2 : 1) + head.index;
  const delimiter = opts.delimiter ?? hint?.[1] ?? sniffDelimiter(start);
  const batches = records(start, pieces, delimiter, headerLine);
  for (;;) {
    const next = await batches.next();
    if (next.done) throw dataError('the file is empty; expected a header row and then one row per record');
    const [first, ...rows] = next.value;
    if (!first) continue;
    const layout: CsvLayout = { format: 'csv', ...encoding, delimiter, headerLine: first.line, headerFound: head.found };
    return { ...layout, header: first.cells.map((h) => h.trim()), batches: prepend(rows, batches) };
  }
}

/** A vCard file: its cards as records under VCARD_HEADER. */
async function readVcard(start: string, pieces: AsyncIterator<string>, encoding: Pick<CsvLayout, 'encoding' | 'encodingSource'>): Promise<CsvReader> {
  const { VCARD_HEADER, vcardRecords } = await import('./vcard.js');
  return { format: 'vcard', ...encoding, delimiter: ',', headerLine: 1, headerFound: false, header: [...VCARD_HEADER], batches: vcardRecords(start, pieces) };
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
