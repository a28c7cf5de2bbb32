// Reads CSV from a file or stdin once: UTF-8 BOM, CRLF, quoted multi-line fields, a given or sniffed delimiter,
// and the physical line each record starts on, so every problem can be reported as `line N: …`.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT, PrecrmError, dataError, usageError } from '../domain/errors.js';
import { quickParse } from './quick-parse.js';

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

export interface ParseOptions {
  delimiter?: string;
  /** Called while parsing with bytes done and total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads the whole input: `-` is stdin. A missing or unreadable file is exit 66. */
export async function readSource(source: string, cwd: string, stdin: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (source === '-') {
    if (!stdin) throw new PrecrmError('cannot read stdin', EXIT.noInput);
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(resolve(cwd, source));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code ?? String(err);
    throw new PrecrmError(`cannot read ${source} (${why}); check the path, or use - to read stdin`, EXIT.noInput);
  }
}

/**
 * A UTF-16 or Windows-1252 file decoded as UTF-8 turns "José" into "Jos\uFFFD" and UTF-16 into NUL-strewn text,
 * imported silently: refuse it and say how to save it instead.
 */
function checkUtf8(input: Buffer): void {
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    throw dataError('the file is UTF-16 text; nothing was written (save it as "CSV UTF-8" and import that)');
  }
  if (isUtf8(input)) return;
  const text = input.toString('utf8');
  const line = text.slice(0, text.indexOf('\ufffd')).split('\n').length;
  throw dataError(`the file is not UTF-8 text (line ${line} has a byte that is not); nothing was written (save it as "CSV UTF-8" and import that)`);
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
export function sniffDelimiter(buf: Buffer): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < buf.length && i < 65_536; i++) {
    const ch = String.fromCharCode(buf[i]!);
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
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

const CHUNK = 1 << 20;

/** Parses the buffer; a CSV syntax error (an unclosed quote …) is exit 65 with its line. */
export async function parseCsv(input: Buffer, opts: ParseOptions = {}): Promise<CsvTable> {
  checkUtf8(input);
  // Excel writes a `sep=;` line before the header of a CSV meant for another locale: honour it, skip it.
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const hint = /^sep=([^\r\n])\r?\n/i.exec(input.subarray(bom, bom + 8).toString('latin1'));
  const buf = hint ? input.subarray(bom + hint[0].length) : input;
  const delimiter = opts.delimiter ?? hint?.[1] ?? sniffDelimiter(buf);
  // Well-formed files (nearly all) take the quick scanner; anything it doubts is read by csv-parse.
  const cellRows = quickParse(input.subarray(hint ? bom + hint[0].length : bom).toString('utf8'), delimiter) ?? await csvParseAll(buf, delimiter, opts);
  opts.onProgress?.(buf.length, buf.length);
  const records: CsvRecord[] = [];
  let line = hint ? 2 : 1;
  for (const cells of cellRows) {
    const start = line;
    line += linesSpanned(cells);
    if (cells.every((c) => c.trim() === '')) continue;
    records.push({ line: start, cells });
  }
  const [head, ...rows] = records;
  if (!head) throw dataError('the file is empty; expected a header row and then one row per record');
  return { header: head.cells.map((h) => h.trim()), rows, delimiter };
}

/** csv-parse, fed in chunks (for the progress bar); a CSV syntax error (an unclosed quote …) is exit 65 with its line. */
async function csvParseAll(buf: Buffer, delimiter: string, opts: ParseOptions): Promise<string[][]> {
  const { parse } = await import('csv-parse');
  // Empty lines come through as records (not skipped by the parser) so that line numbers stay physical.
  const parser = parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true });
  const rows: string[][] = [];
  let failure: unknown = null;
  parser.on('readable', () => {
    for (let cells: string[] | null = parser.read(); cells !== null; cells = parser.read()) rows.push(cells);
  });
  const finished = new Promise<void>((res) => {
    parser.on('end', res);
    parser.on('error', (err) => { failure = err; res(); });
  });
  for (let off = 0; off < buf.length && !failure; off += CHUNK) {
    parser.write(buf.subarray(off, off + CHUNK));
    opts.onProgress?.(Math.min(off + CHUNK, buf.length), buf.length);
    await new Promise((r) => setImmediate(r));
  }
  if (!failure) parser.end();
  await finished;
  if (failure) throw csvSyntaxError(failure);
  return rows;
}

function csvSyntaxError(err: unknown): PrecrmError {
  const e = err as { code?: string; lines?: number; message?: string };
  const what = (e.message ?? String(err)).replace(/^[^:]*:\s*/, '').replace(/ at line \d+/, '');
  return dataError(`the file is not readable as CSV; nothing was written`, [`line ${e.lines ?? '?'}: ${what}`]);
}
