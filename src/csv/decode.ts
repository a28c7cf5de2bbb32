// Which text encoding an import's bytes are in, and those bytes as text, a chunk at a time: UTF-8 (BOM or not),
// UTF-16 LE/BE (BOM or not: Excel's "Unicode Text", Meta's lead downloads) and Windows-1252 (a CSV saved by Excel
// on Windows). Node's WHATWG TextDecoder does the decoding: it keeps a character cut across two chunks whole.
import { dataError, usageError } from '../domain/errors.js';

const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252', 'latin1'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How the encoding was known, for the dry run's account of the file. */
export type EncodingSource = 'given' | 'bom' | 'nul-pattern' | 'not-utf8' | 'utf8';

export interface Decoded {
  encoding: Encoding;
  source: EncodingSource;
  /** The text, a piece per chunk (a leading BOM dropped). */
  pieces: AsyncIterator<string>;
}

/** Bytes looked at before choosing an encoding (more when the first chunk is larger). */
const SNIFF_BYTES = 64 * 1024;

const SPELLINGS = new Map<string, Encoding>([
  ['utf8', 'utf8'], ['utf16le', 'utf16le'], ['utf16be', 'utf16be'], ['unicode', 'utf16le'],
  ['windows1252', 'windows-1252'], ['cp1252', 'windows-1252'], ['win1252', 'windows-1252'], ['ansi', 'windows-1252'],
  ['latin1', 'latin1'], ['iso88591', 'latin1'],
]);

/** `--encoding` value: utf8, utf16le, utf16be, windows-1252 or latin1 (any case, with or without hyphens). */
export function parseEncoding(text: string): Encoding {
  const found = SPELLINGS.get(text.toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (found === undefined) throw usageError(`--encoding "${text}" is not one of: ${ENCODINGS.join(', ')}`);
  return found;
}

/** A byte-order mark: the encoding it names. */
function bomOf(b: Buffer): Encoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf16be';
  return null;
}

/**
 * UTF-16 without a BOM: a header is mostly ASCII, so every other byte is NUL — the second of each pair in
 * little-endian, the first in big-endian. Most pairs of the first bytes must show it, the other half (almost) never.
 */
function nulPattern(b: Buffer): Encoding | null {
  const pairs = Math.min(b.length, 512) >> 1;
  if (pairs < 2) return null;
  let first = 0;
  let second = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (b[i] === 0) first++;
    if (b[i + 1] === 0) second++;
  }
  if (second >= pairs * 0.6 && first <= pairs * 0.05) return 'utf16le';
  if (first >= pairs * 0.6 && second <= pairs * 0.05) return 'utf16be';
  return null;
}

/** Whether `b` is UTF-8, allowing a character cut off at its end (the rest is in the next chunk). */
function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file that starts with `start`: its BOM, else the NUL pattern of UTF-16, else UTF-8 if valid, else Windows-1252. */
export function detectEncoding(start: Buffer): { encoding: Encoding; source: EncodingSource } {
  const bom = bomOf(start);
  if (bom) return { encoding: bom, source: 'bom' };
  const nul = nulPattern(start);
  if (nul) return { encoding: nul, source: 'nul-pattern' };
  // Not UTF-8: Excel on Windows. Windows-1252 rather than ISO-8859-1, whose 0x80-0x9F are controls where
  // Windows-1252 has € – “ ” ….
  return isUtf8(start) ? { encoding: 'utf8', source: 'utf8' } : { encoding: 'windows-1252', source: 'not-utf8' };
}

/** What the dry run says about the encoding, e.g. `windows-1252 (detected: not UTF-8)`. */
export function describeEncoding(encoding: Encoding, source: EncodingSource): string {
  const why: Record<EncodingSource, string> = {
    given: 'given with --encoding', bom: 'detected: byte-order mark', 'nul-pattern': 'detected: UTF-16 without a byte-order mark',
    'not-utf8': 'detected: not UTF-8', utf8: 'detected',
  };
  return `${encoding} (${why[source]})`;
}

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A byte that is not UTF-8 after a start that was: the encoding was chosen on the first chunk and the rows before
 * it are read already. Refused, naming the line and the flag that reads such a file.
 */
const lateByte = (line: number) => dataError(`line ${line} has a byte that is not UTF-8, though the start of the file is UTF-8; nothing was written (if the file comes from Excel on Windows, rerun with --encoding windows-1252; else save it as "CSV UTF-8")`);

const WHATWG: Record<Exclude<Encoding, 'latin1'>, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', 'windows-1252': 'windows-1252' };

async function* both(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** Chunks as text in `encoding`; `latin1` is ISO-8859-1 proper (byte = code point), which TextDecoder reads as Windows-1252. */
async function* decodeAs(encoding: Encoding, chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = encoding === 'latin1' ? null : new TextDecoder(WHATWG[encoding], { fatal: encoding === 'utf8' });
  let line = 1;
  let start = true;
  const decode = (chunk: Buffer, stream: boolean): string => {
    if (!decoder) return chunk.toString('latin1');
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      const loose = chunk.toString('utf8');
      throw lateByte(line + countLines(loose, Math.max(0, loose.indexOf('\ufffd'))));
    }
  };
  for await (const chunk of chunks) {
    let text = decode(chunk, true);
    // TextDecoder drops a BOM itself; ISO-8859-1, and a BOM under a given encoding, are left to this.
    if (start && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      start = false;
    }
    line += countLines(text);
    if (text !== '') yield text;
  }
  const rest = decoder ? decode(Buffer.alloc(0), false) : '';
  if (rest !== '') yield rest;
}

/**
 * The input as text: the encoding given, else the one its first bytes show (at least SNIFF_BYTES of them, or the
 * whole input when shorter).
 */
export async function decodeInput(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, given?: Encoding): Promise<Decoded> {
  const it = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<Buffer>)[Symbol.iterator]()) as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < SNIFF_BYTES && (given === undefined || bytes === 0)) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    bytes += next.value.length;
  }
  const found = given !== undefined ? { encoding: given, source: 'given' as const } : detectEncoding(Buffer.concat(head));
  return { ...found, pieces: decodeAs(found.encoding, both(head, it)) };
}
