// The files people have, as their tools write them (test/fixtures/csv/encodings/, made from each product's real
// header row): a Windows-1252 `;` CSV from European Excel, Excel's "Unicode Text" and Meta's lead download (UTF-16LE,
// tab), LinkedIn's Connections.csv (a preamble before the header), Apple, Android and 4.0 vCards. Each imports in one
// command, and the dry run says how it was read.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore, storedDoc, storeBytes, storeCreated } from '../helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/encodings/${name}`, import.meta.url));
const fileOf = (content: string | Buffer, name = 'in.csv') => {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
};
const landed = async (store: string, keys: string[] = ['name', 'email', 'phone', 'company', 'tags', 'notes', 'fields']) =>
  (await storedDoc(store)).prospects.map((p) => Object.fromEntries(keys.map((k) => [k, (p as unknown as Record<string, unknown>)[k]])));

async function imported(args: string[]) {
  const store = await tempStore();
  const r = await run(store, ['import', 'prospects', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { store, r };
}

describe('import: encodings', () => {
  it('an Outlook CSV re-saved by European Excel (; and Windows-1252): € – “ ” and accents read, and the guess said', async () => {
    const { store, r } = await imported([fixture('outlook-excel-eu.csv')]);
    expect(r.stderr.split('\n')[0]).toBe('reading the file as windows-1252, since it is not UTF-8 (--encoding to say otherwise)');
    expect(r.stderr).toMatch(/created 2, merged 0, skipped 0, rejected 0\n$/);
    expect(await landed(store, ['name', 'email', 'phone', 'company', 'tags', 'notes'])).toEqual([
      { name: 'Hélène Dubois', email: 'helene.dubois@example.fr', phone: '06 12 34 56 78', company: 'Pâtisserie Dubois', tags: ['Clientes fidèles'], notes: 'Commande “bûche” – 45 € par mois' },
      { name: 'Jürgen Weiß', email: 'juergen@example.de', phone: '+49 30 1234567', company: 'Café Weiß', tags: [], notes: 'Œufs bio; paie en €' },
    ]);
  });

  it('Excel\'s "Unicode Text" (UTF-16LE with a BOM, tab-separated, quoted line breaks) imports as its text', async () => {
    const { store, r } = await imported([fixture('excel-unicode-text.txt')]);
    expect(r.stderr).toBe('created 2, merged 0, skipped 0, rejected 0\n');
    expect(await landed(store, ['name', 'email', 'phone', 'notes'])).toEqual([
      { name: 'Siobhán O\'Neill', email: 'siobhan@example.ie', phone: '+353 87 123 4567', notes: 'Likes "soda bread"\r\nand scones' },
      { name: '李小龙', email: 'li@example.cn', phone: '+86 138 0013 8000', notes: '€ 30 / week' },
    ]);
  });

  it('Meta\'s lead download (UTF-16LE, tab): names and emails read (its l:/p: prefixed ids and phones mapped away here)', async () => {
    const { store } = await imported([fixture('meta-leads.csv'), '--map', 'id=ignore', '--map', 'phone_number=ignore']);
    expect(await landed(store, ['name', 'email'])).toEqual([
      { name: 'Amélie Poulain', email: 'amelie@example.fr' },
      { name: 'Noël Durand', email: 'noel.durand@example.fr' },
    ]);
  });

  it('UTF-16 without a BOM (big-endian here) is found by its NUL bytes; --encoding says it, or reads ISO-8859-1 proper', async () => {
    const be = Buffer.from('name,email\nZoë,zoe@example.org\n', 'utf16le').swap16();
    const { store } = await imported([fileOf(be)]);
    expect(await landed(store, ['name', 'email'])).toEqual([{ name: 'Zoë', email: 'zoe@example.org' }]);
    const { store: other } = await imported([fileOf(Buffer.from('name\nJos\xe9\n', 'latin1')), '--encoding', 'latin1']);
    expect(await landed(other, ['name'])).toEqual([{ name: 'José' }]);
    const bad = await run(await tempStore(), ['import', 'prospects', fileOf('name\nA\n'), '--encoding', 'ebcdic']);
    expect(bad).toMatchObject({ code: 2, stderr: 'error: --encoding "ebcdic" is not one of: utf8, utf16le, utf16be, windows-1252, latin1\n' });
  });

  it('a byte that is not UTF-8 after a UTF-8 first chunk (1 MB): 65, nothing written, its line and --encoding windows-1252 named', async () => {
    const store = await tempStore();
    const file = fileOf(Buffer.concat([Buffer.from(`name\n${'Ravi\n'.repeat(250_000)}`), Buffer.from('Jos\xe9\n', 'latin1')]));
    const r = await run(store, ['import', 'prospects', file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('error: line 250002 has a byte that is not UTF-8, though the start of the file is UTF-8; nothing was written (if the file comes from Excel on Windows, rerun with --encoding windows-1252; else save it as "CSV UTF-8")\n');
    expect(await storeCreated(store)).toBe(false);
  });

  it('--dry-run says the encoding, the delimiter and the header line it took, before the mapping', async () => {
    const dry = async (file: string, ...more: string[]) => (await run(await tempStore(), ['import', 'prospects', file, '--dry-run', ...more])).stderr.split('\n')[0];
    expect(await dry(fixture('outlook-excel-eu.csv'))).toBe('read as CSV, windows-1252 (detected: not UTF-8), delimiter ";", header on line 1');
    expect(await dry(fixture('meta-leads.csv'))).toBe('read as CSV, utf16le (detected: byte-order mark), delimiter tab, header on line 1');
    expect(await dry(fixture('linkedin-connections.csv'))).toBe('read as CSV, utf8 (detected), delimiter ",", header on line 4 (after 3 line(s) of preamble; --header-line N to choose another)');
    expect(await dry(fixture('excel-unicode-text.txt'), '--encoding', 'utf16le')).toBe('read as CSV, utf16le (given with --encoding), delimiter tab, header on line 1');
    expect(await dry(fixture('android-contacts.vcf'))).toBe('read as vCard, utf8 (detected): one row per card');
  });
});

describe('import: a header after a preamble', () => {
  it('LinkedIn\'s Connections.csv: the header on line 4 is found and said; an invalid row is named by its real line', async () => {
    const { store, r } = await imported([fixture('linkedin-connections.csv')]);
    expect(r.stderr.split('\n')[0]).toBe('reading the header from line 4, after 3 line(s) of preamble (--header-line N to say otherwise)');
    expect(await landed(store, ['name', 'email', 'company'])).toEqual([
      { name: 'Lucie Bernard', email: 'lucie.bernard@example.fr', company: 'Boulangerie Bernard' },
      { name: 'José Álvarez', email: null, company: 'Café Álvarez, S.L.' },
    ]);
    const bad = await run(await tempStore(), ['import', 'prospects', fileOf(`${readFileSync(fixture('linkedin-connections.csv'), 'utf8')}Kai,Lee,https://x,kai-at-example,,,\n`)]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('\n  line 7: email "kai-at-example" is not an email address\n');
  });

  it('--header-line N says where it is, for touches too (the search leaves line 1 alone when it is unsure)', async () => {
    const titled = fileOf('Visits exported 2026-03-09\nprospect;type;at\nravi@example.com;visit;2026-03-08T10:00\n');
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const r = await run(store, ['import', 'touches', titled, '--header-line', '2']);
    expect(r).toMatchObject({ code: 0, stderr: 'created 1, merged 0, skipped 0, rejected 0\n' });
    expect(await run(store, ['import', 'touches', titled, '--header-line', 'two'])).toMatchObject({ code: 2, stderr: 'error: --header-line "two" is not a line number (1 for the first line)\n' });
    expect((await run(store, ['import', 'touches', titled, '--header-line', '9'])).stderr).toMatch(/^error: --header-line 9 is past the end of the file/);
  });
});

describe('import: vCard files', () => {
  it('Apple Contacts (3.0): folded lines, escapes, the mobile first, other phones and emails, birthday, address, title kept', async () => {
    const { store, r } = await imported([fixture('apple-contacts.vcf')]);
    expect(r.stderr).toBe('created 2, merged 0, skipped 0, rejected 0\n');
    expect(await landed(store)).toEqual([
      {
        name: 'Lucie Bernard', email: 'lucie.bernard@example.fr', phone: '+33 6 12 34 00 01', company: 'Boulangerie Bernard, Fils', tags: ['Regulars', 'Cakes'],
        notes: 'Allergic to hazelnuts, wants a birthday cake for the 14th.\nBudget around 40 €.',
        fields: { title: 'Owner', other_phones: '+33 4 72 00 00 01 (home)', other_emails: 'contact@boulangerie-bernard.example (work)', address: '12 rue des Lilas, Lyon, 69001, France' },
      },
      { name: 'Ngozi Okafor', email: null, phone: '+234 803 123 4567', company: null, tags: [], notes: null, fields: {} },
    ]);
  });

  it('Android (2.1): quoted-printable UTF-8 with a soft line break, bare types; from stdin too, by its first line', async () => {
    const store = await tempStore();
    const r = await run(store, ['import', 'prospects', '-'], { stdinStream: Readable.from([readFileSync(fixture('android-contacts.vcf'))]) });
    expect(r).toMatchObject({ code: 0, stderr: 'created 2, merged 0, skipped 0, rejected 0\n' });
    expect(await landed(store)).toEqual([
      {
        name: 'François Élodie', email: 'francois.elodie@example.fr', phone: '+33 6 11 22 33 44', company: null, tags: [],
        notes: 'Commande une bûche de Noël chaque année, très fidèle.\nSans gluten.',
        fields: { other_phones: '+33 1 23 45 67 89 (home); +33 1 98 76 54 32 (work)' },
      },
      { name: 'Marco', email: null, phone: '+39 347 123 4567', company: null, tags: [], notes: null, fields: {} },
    ]);
  });

  it('4.0: PREF=1 first, tel: URIs, a birthday without a year; a re-import changes nothing; a known email merges', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Zoé M.', '--email', 'zoe.martin@example.fr']);
    const r = await run(store, ['import', 'prospects', fixture('contacts-4.0.vcf')]);
    expect(r).toMatchObject({ code: 0, stderr: 'created 0, merged 1, skipped 0, rejected 0\n' });
    expect(await landed(store, ['name', 'email', 'phone', 'tags', 'notes', 'fields'])).toEqual([{
      name: 'Zoé M.', email: 'zoe.martin@example.fr', phone: '+33-6-98-76-54-32', tags: ['market', 'sourdough'], notes: 'Comes on Saturdays; prefers rye.',
      fields: { other_phones: '+33-4-78-00-00-02 (home)', other_emails: 'zoe@atelier.example (work)', website: 'https://atelier.example' },
    }]);
    const before = await storeBytes(store);
    expect((await run(store, ['import', 'prospects', fixture('contacts-4.0.vcf')])).code).toBe(0);
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });

  it('an invalid card refuses the file (65, its line) or, with --skip-invalid, goes to --rejects as a CSV row; a dry run writes nothing', async () => {
    const text = readFileSync(fixture('apple-contacts.vcf'), 'utf8').replace('EMAIL;type=INTERNET;type=HOME;type=pref:lucie.bernard@example.fr', 'EMAIL;type=pref:lucie-at-example');
    const file = fileOf(text, 'contacts.vcf');
    const store = await tempStore();
    const refused = await run(store, ['import', 'prospects', file]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('\n  line 1: email "lucie-at-example" is not an email address\n');
    expect(await storeCreated(store)).toBe(false);
    expect((await run(store, ['import', 'prospects', file, '--dry-run'])).code).toBe(65);
    const rejects = join(tempDir(), 'rejects.csv');
    const r = await run(store, ['import', 'prospects', file, '--skip-invalid', '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(rejects, 'utf8').split('\n')[0]).toBe('name,first_name,middle_name,last_name,email,phone,company,tags,notes,birthday,field.title,field.other_phones,field.other_emails,field.address,field.website,reason');
    expect(readFileSync(rejects, 'utf8')).toContain('Lucie Bernard,Lucie,,Bernard,lucie-at-example,');
    expect((await storedDoc(store)).prospects.map((p) => p.name)).toEqual(['Ngozi Okafor']);
  });

  it('a .vcf is read as vCard whatever its first line; touches refuse one; --header-line does not apply', async () => {
    const named = fileOf(`\r\n${readFileSync(fixture('contacts-4.0.vcf'), 'utf8')}`, 'x.VCF');
    await imported([named]);
    const copy = join(tempDir(), 'contacts.vcf');
    copyFileSync(fixture('contacts-4.0.vcf'), copy);
    const store = await tempStore();
    expect(await run(store, ['import', 'touches', copy])).toMatchObject({ code: 65, stderr: `error: ${copy} is a vCard file (contacts): import it with import prospects\n` });
    expect(await run(store, ['import', 'prospects', copy, '--header-line', '2'])).toMatchObject({ code: 2, stderr: 'error: --header-line does not apply to a vCard file (it has no header row)\n' });
    expect(await storeCreated(store)).toBe(false);
  });
});

describe('import: the second pass of a file larger than one batch reads it as the first did', () => {
  it('the same encoding, header line and vCard reading, batch by batch', async () => {
    const ONE = { env: { PRECRM_IMPORT_BATCH: '1' } };
    for (const [file, names] of [
      ['outlook-excel-eu.csv', ['Hélène Dubois', 'Jürgen Weiß']],
      ['excel-unicode-text.txt', ['Siobhán O\'Neill', '李小龙']],
      ['linkedin-connections.csv', ['Lucie Bernard', 'José Álvarez']],
      ['android-contacts.vcf', ['François Élodie', 'Marco']],
    ] as const) {
      const store = await tempStore();
      const r = await run(store, ['import', 'prospects', fixture(file)], ONE);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect((await storedDoc(store)).prospects.map((p) => p.name), file).toEqual(names);
    }
  });
});
