// vCard files read as prospect rows: ical.js for 3.0 and 4.0, with 2.1's quoted-printable, CHARSET and bare types
// rewritten first; folded lines, escapes, the mobile phone first and the others kept, a stream cut anywhere.
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from '../../src/csv/read.js';
import type { CsvRecord } from '../../src/csv/record.js';
import { VCARD_HEADER } from '../../src/csv/vcard.js';
import { contentLines, decodeQuotedPrintable } from '../../src/csv/vcard-lines.js';

const cardsOf = async (text: string) => {
  const t = await parseCsv(Buffer.from(text));
  expect(t.header).toEqual([...VCARD_HEADER]);
  return t.rows.map((r) => ({ line: r.line, ...Object.fromEntries(VCARD_HEADER.map((h, i) => [h, r.cells[i]]).filter(([, v]) => v !== '')) }));
};

describe('vCard', () => {
  it('3.0: folded lines, \\, \\; \\n escapes, the mobile before a preferred landline, the preferred email first, others kept', async () => {
    const cards = await cardsOf([
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Bernard;Lucie;Marie;;', 'FN:Lucie Bernard', 'ORG:Bernard\\, Fils;Bakery',
      'EMAIL;type=INTERNET;type=WORK:work@example.fr', 'EMAIL;type=INTERNET;type=pref:lucie@example.fr',
      'TEL;type=HOME;type=pref:+33 4 72 00 00 01', 'TEL;type=CELL:+33 6 12 34 00 01', 'NOTE:Nuts\\, no.\\nBudget 4', ' 0 €.',
      'CATEGORIES:Regulars,Cakes', 'BDAY;value=date:1985-04-12', 'END:VCARD', '',
    ].join('\r\n'));
    expect(cards).toEqual([{
      line: 1, name: 'Lucie Bernard', first_name: 'Lucie', middle_name: 'Marie', last_name: 'Bernard', email: 'lucie@example.fr',
      phone: '+33 6 12 34 00 01', company: 'Bernard, Fils', tags: 'Regulars;Cakes', notes: 'Nuts, no.\nBudget 40 €.',
      birthday: '1985-04-12', 'field.other_phones': '+33 4 72 00 00 01 (home)', 'field.other_emails': 'work@example.fr (work)',
    }]);
  });

  it('2.1: quoted-printable in its charset with soft line breaks, bare types (TEL;CELL;PREF), a photo dropped', async () => {
    expect(decodeQuotedPrintable('Fran=C3=A7ois', 'UTF-8')).toBe('François');
    expect(decodeQuotedPrintable('Fran=E7ois', 'ISO-8859-1')).toBe('François');
    expect(contentLines(['TEL;CELL;PREF:1', 'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:a=0D=0Ab=', 'c', 'PHOTO;BASE64:xyz', ' abc']))
      .toEqual(['TEL;TYPE=CELL;TYPE=PREF:1', 'NOTE:a\\nbc']);
    const cards = await cardsOf([
      'BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=89lodie;Fran=C3=A7ois;;;',
      'TEL;HOME:01 23', 'TEL;CELL;PREF:06 11', 'NOTE;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:tr=E8s=', ' fid=E8le, a, b', 'END:VCARD',
    ].join('\n'));
    expect(cards).toEqual([{ line: 1, first_name: 'François', last_name: 'Élodie', phone: '06 11', notes: 'très fidèle, a, b', 'field.other_phones': '01 23 (home)' }]);
  });

  it('4.0: PREF=1 first, tel: URIs, a birthday without a year, a line between cards skipped, physical lines kept', async () => {
    const cards = await cardsOf([
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Zoé', 'EMAIL;PREF=2:b@example.fr', 'EMAIL;PREF=1:a@example.fr',
      'TEL;VALUE=uri;TYPE="voice,cell":tel:+33-6-98', 'BDAY:--0412', 'NOTE:Saturdays\\; rye', 'END:VCARD', 'junk between',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Kai', 'END:VCARD',
    ].join('\r\n'));
    expect(cards).toEqual([
      { line: 1, name: 'Zoé', email: 'a@example.fr', phone: '+33-6-98', notes: 'Saturdays; rye', birthday: '--04-12', 'field.other_emails': 'b@example.fr' },
      { line: 11, name: 'Kai' },
    ]);
  });

  it('reads the same however the stream is cut', async () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José\r\nNOTE:a\r\n b\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Kai\r\nEND:VCARD\r\n';
    const bytes = Buffer.from(text);
    const whole = (await parseCsv(bytes)).rows;
    for (let cut = 1; cut < bytes.length; cut++) {
      const r = await readCsv([bytes.subarray(0, cut), bytes.subarray(cut)]);
      const rows: CsvRecord[] = [];
      for await (const b of r.batches) rows.push(...b);
      expect(rows).toEqual(whole);
    }
  });

  it('an unclosed card, a file without cards and a card ical.js cannot read are refused (65) by line, never quoting the card', async () => {
    await expect(parseCsv(Buffer.from('BEGIN:VCARD\nFN:Anna\n'))).rejects.toMatchObject({ exitCode: 65, message: 'the vCard that starts on line 1 has no END:VCARD; nothing was written (is the file complete?)' });
    await expect(parseCsv(Buffer.from('hello\n'), { vcard: true })).rejects.toMatchObject({ exitCode: 65, message: 'the file holds no vCard (no BEGIN:VCARD line); nothing was written' });
    const bad = await parseCsv(Buffer.from('BEGIN:VCARD\nFN:Anna\nEND:VCARD\nBEGIN:VCARD\nTEL;X="secret:1\nEND:VCARD\n')).catch((e: Error) => e);
    expect(bad).toMatchObject({ exitCode: 65, message: expect.stringMatching(/^the vCard that starts on line 4 cannot be read; nothing was written/) });
    expect((bad as Error).message).not.toContain('secret');
  });
});
