// Reading CSV as a stream: records come out while the input is still being read (so no file is ever one string),
// whatever the chunk boundaries cut through; a second pass reads a file again, or what stdin gave, from the start.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from '../../src/csv/read.js';
import type { CsvRecord } from '../../src/csv/record.js';
import { openInput } from '../../src/csv/source.js';
import { tempDir } from '../helpers.js';

async function all(chunks: Buffer[]): Promise<{ header: string[]; rows: CsvRecord[] }> {
  const r = await readCsv(chunks);
  const rows: CsvRecord[] = [];
  for await (const b of r.batches) rows.push(...b);
  return { header: r.header, rows };
}

/** Every way of cutting `text` into two chunks reads as the whole does. */
async function sameForEveryCut(text: string): Promise<void> {
  const whole = await parseCsv(Buffer.from(text));
  const bytes = Buffer.from(text);
  for (let cut = 1; cut < bytes.length; cut++) {
    expect(await all([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({ header: whole.header, rows: whole.rows });
  }
}

describe('CSV as a stream', () => {
  it('gives its first records long before an endless input ends', async () => {
    let given = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('name,email\n');
      for (let i = 0; ; i++) {
        given++;
        yield Buffer.from(`Person ${i},p${i}@example.com\n`.repeat(1000));
      }
    }
    const reader = await readCsv(endless());
    expect(reader.header).toEqual(['name', 'email']);
    const first = await reader.batches.next();
    expect(first.value?.[0]).toEqual({ line: 2, cells: ['Person 0', 'p0@example.com'] });
    expect(given).toBeLessThan(5);
    await reader.batches.return(undefined);
  });

  it('any cut through a BOM, a CRLF, a quoted multi-line field or a multi-byte character reads the same', async () => {
    await sameForEveryCut('\ufeffname,notes\r\nRavi,"one\r\ntwo ""x"""\r\n\r\nJosé,é\r\n');
    await sameForEveryCut('sep=;\nname;notes\nA;"b\nc"\n');
  });

  it('a file the quick reader doubts (mixed line ends, a stray quote) is read by csv-parse from there on, line numbers kept', async () => {
    const text = `name,notes\n${'a,b\n'.repeat(3)}c,d\r\ne,x"y\nf,"g\nh"\ni,j\n`;
    const whole = await parseCsv(Buffer.from(text));
    expect(whole.rows.map((r) => r.cells[0])).toEqual(['a', 'a', 'a', 'c', 'e', 'f', 'i']);
    expect(whole.rows.at(-1)!.line - whole.rows.at(-2)!.line).toBe(2);
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) expect((await all([bytes.subarray(0, cut), bytes.subarray(cut)])).rows).toEqual(whole.rows);
  });

  it('an unclosed quote is exit 65 with a line, and never gathers more than 8 MB into one record', async () => {
    const text = `name,notes\na,b\nc,"never closed\n${'x,y\n'.repeat(10)}`;
    await expect(parseCsv(Buffer.from(text))).rejects.toMatchObject({ exitCode: 65, details: ['line 13: the parsing is finished with an opening quote'] });
    const huge = Buffer.from(`name,notes\na,b\nc,"never closed\n${'x,y\n'.repeat(2_500_000)}`);
    const chunks = Array.from({ length: Math.ceil(huge.length / (1 << 20)) }, (_, i) => huge.subarray(i << 20, (i + 1) << 20));
    await expect(all(chunks)).rejects.toMatchObject({ exitCode: 65, details: [expect.stringMatching(/^line \d+: a record is longer than 8 MB \(an unclosed quote\?\)$/)] });
  });

  it('a byte that is not UTF-8 far into the input is exit 65 naming its line', async () => {
    const rows = Buffer.from(`name\n${'Ravi\n'.repeat(300_000)}`);
    const bad = Buffer.concat([rows, Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])]);
    await expect(readCsv([bad.subarray(0, 1 << 20), bad.subarray(1 << 20)]).then(async (r) => { for await (const _ of r.batches) void _; }))
      .rejects.toMatchObject({ exitCode: 65, message: expect.stringContaining('line 300002 has a byte that is not') });
  });
});

describe('import input', () => {
  const drain = async (chunks: AsyncIterable<Buffer>) => {
    const parts: Buffer[] = [];
    for await (const c of chunks) parts.push(c);
    return Buffer.concat(parts).toString();
  };

  it('stdin is read once and given again from a private temporary file once it outgrows memory, removed on close', async () => {
    const text = 'name\n' + 'Ravi\n'.repeat(1000);
    const before = new Set(readdirSync(tmpdir()));
    const input = await openInput('-', process.cwd(), Readable.from([Buffer.from(text.slice(0, 100)), Buffer.from(text.slice(100))]), 64);
    expect(await drain(input.chunks())).toBe(text);
    const spools = readdirSync(tmpdir()).filter((n) => !before.has(n) && n.startsWith('precrm-import-'));
    expect(spools).toHaveLength(1);
    expect(await drain(input.chunks())).toBe(text);
    await input.close();
    expect(existsSync(join(tmpdir(), spools[0]!))).toBe(false);
  });

  it('a file changed between the two passes is exit 66, so what is written is what was checked', async () => {
    const path = join(tempDir(), 'in.csv');
    writeFileSync(path, 'name\nRavi\n');
    const input = await openInput(path, '/', undefined);
    expect(await drain(input.chunks())).toBe('name\nRavi\n');
    writeFileSync(path, 'name\nRavi\nMallory\n');
    await expect(drain(input.chunks())).rejects.toMatchObject({ exitCode: 66, message: expect.stringContaining('changed while it was being imported; nothing was written') });
    await input.close();
  });
});
