// The header after a preamble: found only when line 1 names at most one known column and a later line names two or
// more and is wider; --header-line says where it is; line numbers stay the file's own.
import { describe, expect, it } from 'vitest';
import { PROSPECT_HEADERS } from '../../src/csv/contact-columns.js';
import { findHeaderLine } from '../../src/csv/header-line.js';
import { matchHeaders } from '../../src/csv/headers.js';
import { parseCsv } from '../../src/csv/read.js';

const recognise = (cells: readonly string[]) => cells.length - matchHeaders(cells, PROSPECT_HEADERS).unknown.length;
const read = (text: string, headerLine?: number) => parseCsv(Buffer.from(text), { recognise, headerLine });

const LINKEDIN = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
  + 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nLucie,Bernard,https://x,lucie@example.fr,Boulangerie,Owner,12 Mar 2026\n';

describe('the header line', () => {
  it('LinkedIn\'s Connections.csv: the header is line 4, after "Notes:", a paragraph and a blank line; rows keep their line', async () => {
    const t = await read(LINKEDIN);
    expect(t.header).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(t.rows).toEqual([{ line: 5, cells: ['Lucie', 'Bernard', 'https://x', 'lucie@example.fr', 'Boulangerie', 'Owner', '12 Mar 2026'] }]);
  });

  it('a title row a spreadsheet saved with its empty cells (;;;) is skipped, and the delimiter is the header\'s', async () => {
    const t = await read('Customer list 2026;;;\nName;E-mail;Phone;Notes\nAnna;anna@example.com;;x\n');
    expect(t).toMatchObject({ header: ['Name', 'E-mail', 'Phone', 'Notes'], delimiter: ';', rows: [{ line: 3, cells: ['Anna', 'anna@example.com', '', 'x'] }] });
    const tab = await read('Exported from the till\nName\tEmail\nAnna\tanna@example.com\n');
    expect(tab).toMatchObject({ header: ['Name', 'Email'], delimiter: '\t', rows: [{ line: 3 }] });
  });

  it('stays on line 1 when line 1 names two known columns, or when no later line names two and is wider', async () => {
    expect((await read('name,email\nEmail,Phone\n')).header).toEqual(['name', 'email']);
    // One known column (Name) and a data row that happens to hold two header words, no wider: line 1 stays.
    expect((await read('Name,Favourite,Other\nEmail,Phone,x\n')).header).toEqual(['Name', 'Favourite', 'Other']);
    expect((await read('Allergies,Cake\nnuts,rye\n')).header).toEqual(['Allergies', 'Cake']);
    expect(findHeaderLine([], () => 0)).toBe(0);
    // Beyond the first 20 lines nothing is searched.
    expect(findHeaderLine([...Array(20).fill(['title']), ['name', 'email']], (c) => (c.length === 2 ? 2 : 0))).toBe(0);
  });

  it('--header-line N takes physical line N (a sep= line counts) and refuses a line past the end (2)', async () => {
    expect(await read('Report\nName,Email\nAnna,a@x.org\n', 2)).toMatchObject({ header: ['Name', 'Email'], rows: [{ line: 3 }] });
    expect(await read('sep=;\nTitle\nName;Email\nAnna;a@x.org\n', 3)).toMatchObject({ header: ['Name', 'Email'], rows: [{ line: 4 }] });
    // Given, it wins over the search: line 1 is taken even though line 2 looks like a header.
    expect((await read('Notes:\nName,Email\n', 1)).header).toEqual(['Notes:']);
    await expect(read('Name,Email\nAnna,a@x.org\n', 9)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--header-line 9 is past the end of the file/) });
  });
});
