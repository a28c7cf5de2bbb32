// The encodings an import reads: UTF-8 (BOM or not), UTF-16 LE/BE (BOM or not: found by the NUL bytes of an ASCII
// header) and Windows-1252 (a file that is not UTF-8), each the same table however the input is cut into chunks.
import { describe, expect, it } from 'vitest';
import { detectEncoding, parseEncoding } from '../../src/csv/decode.js';
import { parseCsv, readCsv } from '../../src/csv/read.js';
import type { CsvRecord } from '../../src/csv/record.js';

const TEXT = 'Name\tNotes\r\nJosé\t“bûche” – 45 €\r\nZoë\t"two\r\nlines"\r\n';
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

async function read(chunks: Buffer[], encoding?: Parameters<typeof parseEncoding>[0]) {
  const r = await readCsv(chunks, encoding === undefined ? {} : { encoding: parseEncoding(encoding) });
  const rows: CsvRecord[] = [];
  for await (const b of r.batches) rows.push(...b);
  return { header: r.header, rows, delimiter: r.delimiter, encoding: r.encoding, source: r.encodingSource };
}

/** Every cut of `bytes` into two chunks reads as the UTF-8 text does. */
async function readsAsText(bytes: Buffer, encoding: string, source: string): Promise<void> {
  const want = await parseCsv(Buffer.from(TEXT));
  expect(want.rows).toHaveLength(2);
  for (let cut = 1; cut < bytes.length; cut++) {
    const got = await read([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(got).toEqual({ header: want.header, rows: want.rows, delimiter: '\t', encoding, source });
  }
}

describe('import encodings', () => {
  it('UTF-16 little- and big-endian, with a BOM or found by their NUL bytes, read as the text they hold, cut anywhere', async () => {
    await readsAsText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf16le', 'bom');
    await readsAsText(Buffer.from(TEXT, 'utf16le'), 'utf16le', 'nul-pattern');
    await readsAsText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf16be', 'bom');
    await readsAsText(utf16be(TEXT), 'utf16be', 'nul-pattern');
    // A character outside the BMP is two UTF-16 units (four bytes): cut between them, it still reads whole.
    const emoji = Buffer.from('name\n🥐 Kai\n', 'utf16le');
    for (let cut = 1; cut < emoji.length; cut++) expect((await read([emoji.subarray(0, cut), emoji.subarray(cut)])).rows[0]!.cells).toEqual(['🥐 Kai']);
  });

  it('a file that is not UTF-8 is Windows-1252 (€ – “ at 0x80-0x9F), cut anywhere; UTF-8 with or without a BOM stays UTF-8', async () => {
    // Windows-1252 bytes of the text, built by hand: é=E9 û=FB ë=EB “=93 ”=94 –=96 €=80.
    const bytes: number[] = [];
    const codes: Record<string, number> = { é: 0xe9, û: 0xfb, ë: 0xeb, '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 };
    for (const ch of TEXT) bytes.push(codes[ch] ?? ch.charCodeAt(0));
    await readsAsText(Buffer.from(bytes), 'windows-1252', 'not-utf8');
    await readsAsText(Buffer.from(`\ufeff${TEXT}`), 'utf8', 'bom');
    await readsAsText(Buffer.from(TEXT), 'utf8', 'utf8');
  });

  it('--encoding says it: latin1 is ISO-8859-1 proper (0x80 a control), windows-1252 reads 0x80 as €', async () => {
    const bytes = Buffer.from([...Buffer.from('name\n'), 0x80, 0x41, 0x0a]);
    expect((await read([bytes], 'windows-1252')).rows[0]!.cells).toEqual(['€A']);
    expect((await read([bytes], 'latin1')).rows[0]!.cells).toEqual(['\u0080A']);
    expect((await read([Buffer.from('name\nJosé\n', 'utf16le')], 'UTF-16LE')).rows[0]!.cells).toEqual(['José']);
    expect(parseEncoding('cp1252')).toBe('windows-1252');
    expect(() => parseEncoding('ebcdic')).toThrow(expect.objectContaining({ exitCode: 2, message: '--encoding "ebcdic" is not one of: utf8, utf16le, utf16be, windows-1252, latin1' }));
  });

  it('a byte that is not UTF-8 after a UTF-8 start is refused (65) with its line and the flag that reads it', async () => {
    const rows = Buffer.from(`name\n${'Ravi\n'.repeat(30_000)}`);
    const bad = Buffer.concat([rows, Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])]);
    await expect(read([bad.subarray(0, 100_000), bad.subarray(100_000)])).rejects.toMatchObject({
      exitCode: 65,
      message: 'line 30002 has a byte that is not UTF-8, though the start of the file is UTF-8; nothing was written (if the file comes from Excel on Windows, rerun with --encoding windows-1252; else save it as "CSV UTF-8")',
    });
    expect((await read([bad.subarray(0, 100_000), bad.subarray(100_000)], 'windows-1252')).rows.at(-1)).toEqual({ line: 30002, cells: ['José'] });
  });

  it('the NUL pattern needs most pairs to show it: UTF-8 text, binary noise and a lone NUL are not UTF-16', () => {
    expect(detectEncoding(Buffer.from('name,email\nRavi,r@x\n')).encoding).toBe('utf8');
    expect(detectEncoding(Buffer.from('name,notes\nRavi,a\u0000b\n')).encoding).toBe('utf8');
    expect(detectEncoding(Buffer.from([0x4e, 0x00])).encoding).toBe('utf8');
    expect(detectEncoding(Buffer.from('Na\u0000me', 'latin1')).encoding).toBe('utf8');
  });
});
