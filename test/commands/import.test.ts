import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore, storedDoc, storeBytes, storeCreated } from '../helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const csvFile = (text: string, name = 'in.csv') => {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
};
const prospects = async (store: string) => (await storedDoc(store)).prospects as Record<string, any>[];

describe('import prospects: real-looking files', () => {
  it('reads a contacts export with First/Last Name, quoted commas, multi-line notes and labels', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', fixture('contacts-export.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('created 4, merged 0, skipped 0, rejected 0\n');
    const [ravi, anita, tomas, priya] = (await prospects(store));
    expect(ravi).toMatchObject({ id: 1, name: 'Ravi Sen', email: 'ravi.sen@example.com', phone: '+91 98300 11111', tags: ['evening', 'cakes'], stage: 'interested' });
    expect(ravi!.notes).toBe('Passes the shop at six.\nLikes dark chocolate, not too sweet.');
    expect(anita).toMatchObject({ name: 'Anita Rao', email: 'ANITA.RAO@example.com', company: 'Rao, Sharma & Co' });
    expect(tomas).toMatchObject({ name: 'Tomás Ortega', tags: ['bread', 'market'], notes: 'Says "buenas" every morning' });
    expect(priya).toMatchObject({ name: 'priya', email: 'priya@example.org' });
  });

  it('reads a form export with a BOM and CRLF, mapping a question with --map', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', fixture('form-export.csv'), '--map', 'How did you hear about us?=source']);
    expect(r).toMatchObject({ code: 0, stderr: 'created 3, merged 0, skipped 0, rejected 0\n' });
    const [lena, kofi] = (await prospects(store));
    expect(lena).toMatchObject({ name: 'Lena Fischer', source: 'instagram', stage: 'interested', createdAt: '2026-03-01T09:15:00.000Z' });
    expect(kofi).toMatchObject({ source: 'market\r\nstall', stage: 'engaged', phone: '+44 7700 900123' });
  });

  it('sniffs the semicolon of a European spreadsheet and reads a decimal comma', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', fixture('european.csv'), '--map', 'Telefon=phone', '--map', 'Quelle=source',
      '--map', 'Kunde seit=converted_at', '--map', 'Wert=conversion_value', '--map', 'Währung=currency']);
    expect(r.code).toBe(0);
    const [jonas, claire] = (await prospects(store));
    expect(jonas).toMatchObject({ name: 'Jonas Müller', stage: 'customer', conversion: { at: '2026-02-10T00:00:00.000Z', value: 12.5, currency: 'EUR', product: null } });
    expect(claire).toMatchObject({ name: 'Claire Dubois', stage: 'interested', conversion: null, source: 'website' });
  });

  it('reads stdin with -', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', '-'], { stdinStream: Readable.from([Buffer.from('name,email\nRavi,ravi@example.com\n')]) });
    expect(r.code).toBe(0);
    expect((await prospects(store))).toHaveLength(1);
  });
});

describe('import prospects: invalid rows', () => {
  it.each([
    ['name,email', 'Anna,not-an-email', 'email "not-an-email" is not an email address'],
    ['name,phone', 'Anna,call me', 'phone "call me" is not a phone number'],
    ['name,stage', 'Anna,keen', 'unknown stage "keen" (use one of: aware, interested, engaged, intent, customer, advocate, lost); map it to one with --map-value "stage:keen=<stage>"'],
    ['name,company', ',Acme', 'has no name (give a name, first and last name, an email, or a description)'],
    ['name,created_at', 'Anna,03/05/2026', 'created_at "03/05/2026" could be March 5 or May 3 (write 2026-03-05 or 2026-05-03, or give the file\'s order: --date-order mdy or dmy)'],
    ['name,updated_at', 'Anna,2026-02-30T10:00:00Z', 'updated_at "2026-02-30T10:00:00Z" is not a date (use 2026-03-05, 2026-03-05T18:30 or 2026-03-05T18:30:00Z)'],
    ['name,follow_up_at', 'Anna,soonish', 'follow_up_at "soonish" is not a date (use 2026-03-05, 2026-03-05T18:30 or 2026-03-05T18:30:00Z)'],
    ['name,follow_up_note', 'Anna,call her', 'follow_up_note needs follow_up_at'],
    ['name,converted_at,conversion_value', 'Anna,2026-03-01,lots', 'conversion_value "lots" is not a number (use 86.40, 12,50, 1234, €86.40, 1.234,50 €, $1,234.50, 86.40 EUR)'],
    ['name,conversion_value', 'Anna,250', 'conversion_value needs converted_at (the date of the first purchase)'],
    ['name,id', 'Anna,A-17', 'id "A-17" is not a whole number of at least 1'],
    ['name,cadence_days', 'Anna,0', 'cadence_days "0" is not a whole number of at least 1 and at most 36500'],
    ['name,do_not_contact', 'Anna,maybe', 'do_not_contact "maybe" is not true or false'],
    ['name,referred_by', 'Anna,nobody@example.com', 'referred_by "nobody@example.com" matches no prospect in the file or the store'],
    ['name,email', 'Anna,anna@example.com,extra', 'has 3 cells but the header has 2 (a missing quote or delimiter?)'],
    ['name,notes', `Anna,${'x'.repeat(10_001)}`, 'notes is 10001 characters long; the limit is 10000'],
  ])('%s / %s → exit 65 naming line 3, nothing written', async (header, bad, reason) => {
    const store = (await tempStore());
    const file = csvFile(`${header}\nRavi,${header.endsWith('email') ? 'ravi@example.com' : ''}\n${bad}\n`);
    const r = await run(store, ['import', 'prospects', file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`\n  line 3: ${reason}\n`);
    expect(r.stderr).toMatch(/^error: 1 of 2 row\(s\) are invalid; nothing was written/m);
    expect((await storeCreated(store))).toBe(false);
  });

  it('lists every problem of every row, each with its physical line (multi-line fields counted)', async () => {
    const file = csvFile('name,email,stage\n"Ravi\nSen",bad,keen\nAnna,anna@example.com,\n,,\nMira,mira@,\n');
    const r = await run((await tempStore()), ['import', 'prospects', file]);
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  line'))).toEqual([
      '  line 2: email "bad" is not an email address; unknown stage "keen" (use one of: aware, interested, engaged, intent, customer, advocate, lost); map it to one with --map-value "stage:keen=<stage>"',
      '  line 6: email "mira@" is not an email address',
    ]);
  });

  it('--skip-invalid imports the rest; --rejects writes the rows plus a reason column, guarded', async () => {
    const dir = tempDir();
    const store = (await tempStore());
    const file = csvFile('Name,E-mail,Notes\nRavi,ravi@example.com,\nAnna,not-an-email,=1+2\n');
    const r = await run(store, ['import', 'prospects', file, '--skip-invalid', '--rejects', join(dir, 'rejects.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: skipped line 3: email "not-an-email" is not an email address\n');
    expect(r.stderr).toContain('created 1, merged 0, skipped 0, rejected 1\n');
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toBe('Name,E-mail,Notes,reason\nAnna,not-an-email,\'=1+2,"email ""not-an-email"" is not an email address"\n');
    expect((await prospects(store)).map((p) => p.name)).toEqual(['Ravi']);
  });

  it('a file that is not CSV at all (unclosed quote) is exit 65 with its line', async () => {
    const r = await run((await tempStore()), ['import', 'prospects', csvFile('name,email\nRavi,"ravi@example.com\nAnna,a@b.co\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: the file is not readable as CSV; nothing was written\n {2}line \d+: /);
  });

  it('an empty file, or one without a name or email column, is exit 65', async () => {
    expect((await run((await tempStore()), ['import', 'prospects', csvFile('')])).stderr).toMatch(/^error: the file is empty/);
    const r = await run((await tempStore()), ['import', 'prospects', csvFile('Phone,Company\n+49 170 1234567,Acme\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^error: no column gives name or first_name or last_name or email or description \(columns: "Phone", "Company"\); map one with --map/);
  });

  it('a missing input file is exit 66; a bad --map or --on-duplicate is exit 2', async () => {
    const r = await run((await tempStore()), ['import', 'prospects', '/nonexistent/contacts.csv']);
    expect(r).toMatchObject({ code: 66, stderr: 'error: cannot read /nonexistent/contacts.csv (no such file); check the path, or use - to read stdin\n' });
    const file = csvFile('name\nRavi\n');
    expect((await run((await tempStore()), ['import', 'prospects', file, '--map', 'X=shoe_size'])).stderr).toMatch(/^error: --map "X=shoe_size": unknown field "shoe_size"/);
    expect((await run((await tempStore()), ['import', 'prospects', file, '--on-duplicate', 'replace'])).code).toBe(2);
  });
});

describe('import prospects: duplicates, merge rules, idempotency', () => {
  const seed = async (store: string) => {
    await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--tag', 'cakes', '--company', 'Sen Traders']);
    await run(store, ['prospect', 'add', 'Anna', '--phone', '+49 170 1234567']);
  };

  it('merge (default) fills empty fields, unions tags, adds custom fields and never blanks or overwrites', async () => {
    const store = (await tempStore());
    await seed(store);
    const file = csvFile('name,email,phone,company,tags,notes,field.allergy\nR. Sen,RAVI@example.com,,Other Co,"Cakes;bread",likes rye,nuts\nAnna Berg,,+49-170-123-4567,,,,\n');
    const r = await run(store, ['import', 'prospects', file], { now: '2026-04-01T08:00:00Z' });
    expect(r.stderr).toBe('created 0, merged 1, skipped 1, rejected 0\n');
    const [ravi, anna] = (await prospects(store));
    expect(ravi).toMatchObject({ name: 'Ravi Sen', company: 'Sen Traders', tags: ['cakes', 'bread'], notes: 'likes rye', fields: { allergy: 'nuts' }, updatedAt: '2026-04-01T08:00:00.000Z' });
    expect(anna).toMatchObject({ name: 'Anna', phone: '+49 170 1234567', updatedAt: '2026-03-10T12:00:00.000Z' });
  });

  it('duplicates within the file merge into the first row', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile('name,email,tags\nRavi,ravi@example.com,a\nRavi Sen,Ravi@Example.com,b\n')]);
    expect(r.stderr).toBe('created 1, merged 1, skipped 0, rejected 0\n');
    expect((await prospects(store))).toEqual([expect.objectContaining({ name: 'Ravi', tags: ['a', 'b'] })]);
  });

  it('--on-duplicate skip leaves known prospects alone; error rejects them with the reason', async () => {
    const store = (await tempStore());
    await seed(store);
    const file = csvFile('name,email,notes\nRavi,ravi@example.com,new note\nMira,mira@example.com,\n');
    expect((await run(store, ['import', 'prospects', file, '--on-duplicate', 'skip'])).stderr).toBe('created 1, merged 0, skipped 1, rejected 0\n');
    expect((await prospects(store))[0]!.notes).toBeNull();
    const r = await run(store, ['import', 'prospects', csvFile('name,email\nRavi,ravi@example.com\nZoe,zoe@example.com\n'), '--on-duplicate', 'error']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 2: duplicate of Ravi Sen (1) (same email); --on-duplicate merge or skip to accept it\n');
    expect((await prospects(store))).toHaveLength(3);
  });

  it('re-importing the same file changes nothing, not even the file', async () => {
    const store = (await tempStore());
    const file = csvFile(readFileSync(fixture('contacts-export.csv'), 'utf8'));
    await run(store, ['import', 'prospects', file]);
    const before = (await storeBytes(store));
    const r = await run(store, ['-q', 'import', 'prospects', file, '--format', 'json'], { now: '2026-05-01T00:00:00Z' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ created: 0, merged: 0, skipped: 4, suppressed: 0, rejected: 0, written: false, dryRun: false, rejections: [] });
    expect((await storeBytes(store))).toEqual(before);
  });

  it('--dry-run prints the summary and writes nothing', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', fixture('contacts-export.csv'), '--dry-run', '-q', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 4, dryRun: true, written: false });
    expect((await storeCreated(store))).toBe(false);
  });

  it('links referred_by by email or id, also to rows further down, and promotes a customer referrer to advocate', async () => {
    const store = (await tempStore());
    await run(store, ['import', 'prospects', csvFile('name,email,stage,converted_at\nRavi,ravi@example.com,customer,2026-02-01\n')]);
    const r = await run(store, ['import', 'prospects', csvFile('id,name,email,referred_by\n10,Mira,mira@example.com,11\n11,Zoe,zoe@example.com,ravi@example.com\n')]);
    expect(r.code).toBe(0);
    const [ravi, mira, zoe] = (await prospects(store));
    expect(ravi).toMatchObject({ id: 1, stage: 'advocate' });
    expect(mira).toMatchObject({ id: 10, referredBy: 11 });
    expect(zoe).toMatchObject({ id: 11, referredBy: 1 });
  });

  it('keeps file ids only when never used in the store, else assigns new ones and remaps referred_by', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Old']);
    await run(store, ['prospect', 'add', 'Gone']);
    await run(store, ['prospect', 'remove', 'Gone', '--yes']);
    await run(store, ['import', 'prospects', csvFile('id,name,referred_by\n2,Mira,1\n1,Zoe,\n5,Kai,2\n')]);
    expect((await prospects(store)).map((p) => [p.id, p.name, p.referredBy])).toEqual([[1, 'Old', null], [5, 'Kai', 6], [6, 'Mira', 7], [7, 'Zoe', null]]); // in id order, as every backend lists them
  });
});

describe('import prospects: more rules', () => {
  it('--delimiter forces a delimiter the sniffer would not pick; -q silences the column notes', async () => {
    const store = (await tempStore());
    const r = await run(store, ['-q', 'import', 'prospects', csvFile('name|email|colour\nRavi, Sen|ravi@example.com|red\n'), '--delimiter', '|']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect((await prospects(store))[0]).toMatchObject({ name: 'Ravi, Sen', email: 'ravi@example.com' });
    expect((await run(store, ['import', 'prospects', csvFile('name\nx\n'), '--delimiter', '||'])).code).toBe(2);
  });

  it('merging sets do-not-contact with a consent entry and records a missing conversion, moving to customer', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com', '--stage', 'engaged'], { now: '2026-02-20T10:00:00.000Z' });
    await run(store, ['import', 'prospects', csvFile('email,do_not_contact,converted_at,conversion_value\nravi@example.com,yes,2026-03-01,99\n')]);
    const [ravi] = (await prospects(store));
    expect(ravi).toMatchObject({ doNotContact: true, stage: 'customer', conversion: { at: '2026-03-01T00:00:00.000Z', value: 99, currency: null, product: null } });
    expect(ravi!.consent).toEqual([{ at: '2026-03-10T12:00:00.000Z', granted: false, note: 'imported as do-not-contact' }]);
    expect(ravi!.stageHistory.map((h: { stage: string }) => h.stage)).toEqual(['engaged', 'customer']);
  });

  it('a referral circle inside the file is left out with a warning, not a crash', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile('id,name,referred_by\n1,A,2\n2,B,1\n')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: line 3: referred_by "1" would make a referral circle; left empty\n');
    expect((await prospects(store)).map((p) => p.referredBy)).toEqual([2, null]);
  });

  it('with --format json a refused import still prints its summary on stdout, then exits 65', async () => {
    const r = await run((await tempStore()), ['import', 'prospects', csvFile('name,email\nA,a@b.co\nB,bad\n'), '--json']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stdout)).toEqual({ created: 1, merged: 0, skipped: 0, suppressed: 0, rejected: 1, written: false, dryRun: false, rejections: [{ line: 3, reason: 'email "bad" is not an email address' }] });
  });
});
