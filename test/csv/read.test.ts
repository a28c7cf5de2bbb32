import { describe, expect, it } from 'vitest';
import { parseCsv, parseDelimiter, sniffDelimiter } from '../../src/csv/read.js';
import { guardCell, unguardCell } from '../../src/csv/formula.js';

describe('reading CSV', () => {
  it('strips a BOM, reads CRLF and counts physical lines across multi-line fields and blank lines', async () => {
    const t = await parseCsv(Buffer.from('\ufeffname,notes\r\nRavi,"one\r\ntwo\r\nthree"\r\n\r\nAnna,x\r\n'));
    expect(t.header).toEqual(['name', 'notes']);
    expect(t.rows).toEqual([{ line: 2, cells: ['Ravi', 'one\r\ntwo\r\nthree'] }, { line: 6, cells: ['Anna', 'x'] }]);
  });

  it('skips rows whose cells are all blank (spreadsheets leave them) but keeps counting lines', async () => {
    const t = await parseCsv(Buffer.from('a,b\n,\n ,  \nx,y'));
    expect(t.rows).toEqual([{ line: 4, cells: ['x', 'y'] }]);
  });

  it('honours and skips the sep=; line Excel writes, keeping line numbers physical', async () => {
    const t = await parseCsv(Buffer.from('\ufeffsep=;\r\nName;E-Mail\r\nJonas;jonas@example.de\r\n'));
    expect(t).toEqual({ header: ['Name', 'E-Mail'], rows: [{ line: 3, cells: ['Jonas', 'jonas@example.de'] }], delimiter: ';' });
  });

  it('sniffs ; or tab from the header, ignoring delimiters inside quotes; , when unsure', () => {
    expect(sniffDelimiter(Buffer.from('Name;E-Mail;"a,b,c"\n1,2,3,4'))).toBe(';');
    expect(sniffDelimiter(Buffer.from('a\tb\tc\n'))).toBe('\t');
    expect(sniffDelimiter(Buffer.from('name\n'))).toBe(',');
    expect(parseDelimiter('tab')).toBe('\t');
    expect(() => parseDelimiter('::')).toThrow(/one character/);
  });

  it('a multi-byte character split across read chunks survives', async () => {
    const big = `name\n${'é'.repeat(700_000)}\n`;
    const t = await parseCsv(Buffer.from(big));
    expect(t.rows[0]!.cells[0]).toBe('é'.repeat(700_000));
  });
});

describe('formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['＝1', "'＝1"],
    ["'=x", "''=x"],
    ['+91 98300 00000', '+91 98300 00000'],
    ['-5', '-5'],
    ['-12.50', '-12.50'],
    ["it's", "it's"],
  ])('%j is written as %j and read back unchanged', (value, written) => {
    expect(guardCell(value)).toBe(written);
    expect(unguardCell(written)).toBe(value);
  });
});
