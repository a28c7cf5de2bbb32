// Import of a file larger than one batch (PRECRM_IMPORT_BATCH rows, small here): checked in a first pass, then planned
// and written batch by batch in one transaction. Whatever the batch size, a user sees the same guarantees: an invalid
// row anywhere writes nothing, duplicates across batches merge, a re-run changes nothing, a dry run writes nothing.
// Also: NUL bytes are refused at the boundary, on every backend alike.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore, storedDoc, storeBytes, storeCreated } from '../helpers.js';

const BATCH = { env: { PRECRM_IMPORT_BATCH: '3' } };
const csvFile = (text: string, name = 'in.csv') => {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
};
const people = async (store: string) => (await storedDoc(store)).prospects.map((p) => [p.id, p.name, p.email, p.phone, p.tags.join('|'), p.referredBy, p.stage]);

/** Ten rows over four batches of three: duplicates of earlier batches by email and by phone, a forward referral. */
const TEN = [
  'name,email,phone,tags,referred_by',
  'Ravi,ravi@example.com,,a,',
  'Anita,anita@example.com,+91 98300 00001,,',
  'Kofi,kofi@example.com,,,lena@example.com',
  'Meera,meera@example.com,,,',
  'Ravi Sen,RAVI@example.com,,b,',
  'Yuki,yuki@example.com,,,ravi@example.com',
  'A. Rao,,+91 98300 00001,c,',
  'Omar,omar@example.com,,,',
  'Lena,lena@example.com,,,',
  'Zara,zara@example.com,,,',
].join('\n') + '\n';

describe('import of a file larger than one batch', () => {
  it('merges duplicates across batches, follows a referral further down, and a re-run changes nothing', async () => {
    const store = await tempStore();
    const file = csvFile(TEN);
    const r = await run(store, ['import', 'prospects', file], BATCH);
    expect(r).toMatchObject({ code: 0, stderr: 'created 8, merged 2, skipped 0, rejected 0\n' });
    const got = await people(store);
    expect(got).toContainEqual([1, 'Ravi', 'ravi@example.com', null, 'a|b', null, 'interested']);
    expect(got).toContainEqual([2, 'Anita', 'anita@example.com', '+91 98300 00001', 'c', null, 'interested']);
    const lena = got.find((p) => p[1] === 'Lena')!;
    expect(got.find((p) => p[1] === 'Kofi')![5]).toBe(lena[0]);
    expect(got.find((p) => p[1] === 'Yuki')![5]).toBe(1);
    const before = await storeBytes(store);
    expect(await run(store, ['import', 'prospects', file], BATCH)).toMatchObject({ code: 0, stderr: 'created 0, merged 0, skipped 10, rejected 0 (nothing to change)\n' });
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });

  it('holds the same people as the same file read in one batch', async () => {
    const whole = await tempStore();
    const batched = await tempStore();
    const file = csvFile(TEN);
    expect((await run(whole, ['import', 'prospects', file])).stderr).toBe('created 8, merged 2, skipped 0, rejected 0\n');
    expect((await run(batched, ['import', 'prospects', file], BATCH)).stderr).toBe('created 8, merged 2, skipped 0, rejected 0\n');
    // Ids of rows held back for a referral further down are handed out last; the people are the same.
    const byName = async (s: string) => {
      const all = await people(s);
      const nameOf = (id: unknown) => all.find((p) => p[0] === id)?.[1] ?? null;
      return all.map(([, name, ...rest]) => [name, ...rest.slice(0, 3), nameOf(rest[3]), rest[4]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    };
    expect(await byName(batched)).toEqual(await byName(whole));
  });

  it('an invalid row in the last batch: exit 65, every bad row listed, nothing written (the store is not even created)', async () => {
    const store = await tempStore();
    const r = await run(store, ['import', 'prospects', csvFile(`${TEN}Bad,not-an-email,,,\n`)], BATCH);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('created 8, merged 2, skipped 0, rejected 1 (nothing written)\nerror: 1 of 11 row(s) are invalid; nothing was written (fix them, or rerun with --skip-invalid [--rejects FILE])\n  line 12: email "not-an-email" is not an email address\n');
    expect(await storeCreated(store)).toBe(false);
  });

  it('a duplicate refused in a later batch (--on-duplicate error) rolls back what the earlier batches wrote', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Keep', '--email', 'keep@example.com']);
    const before = await storeBytes(store);
    const r = await run(store, ['import', 'prospects', csvFile(TEN), '--on-duplicate', 'error'], BATCH);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('line 6: duplicate of Ravi (2) (same email)');
    expect(r.stderr).toContain('nothing was written');
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });

  it('--dry-run says what the import would do and writes nothing (nor creates the store)', async () => {
    const store = await tempStore();
    const dry = await run(store, ['import', 'prospects', csvFile(TEN), '--dry-run'], BATCH);
    expect(dry).toMatchObject({ code: 0, stdout: '' });
    expect(dry.stderr).toContain('\ncreated 8, merged 2, skipped 0, rejected 0 (dry run: nothing written)\n');
    expect(await storeCreated(store)).toBe(false);
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const before = await storeBytes(store);
    const again = await run(store, ['import', 'prospects', csvFile(TEN), '--dry-run'], BATCH);
    expect(again.stderr).toContain('\ncreated 7, merged 3, skipped 0, rejected 0 (dry run: nothing written)\n');
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });

  it('--skip-invalid imports the valid rows of every batch and writes the rejected ones to --rejects', async () => {
    const store = await tempStore();
    const rejects = join(tempDir(), 'rejects.csv');
    const text = TEN.replace('Meera,meera@example.com', 'Meera,meera-at-example').replace('Zara,zara@example.com', 'Zara,zara@');
    const r = await run(store, ['import', 'prospects', csvFile(text), '--skip-invalid', '--rejects', rejects], BATCH);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/created 6, merged 2, skipped 0, rejected 2\n$/);
    expect(readFileSync(rejects, 'utf8')).toBe('name,email,phone,tags,referred_by,reason\nMeera,meera-at-example,,,,"email ""meera-at-example"" is not an email address"\nZara,zara@,,,,"email ""zara@"" is not an email address"\n');
    expect((await storedDoc(store)).prospects).toHaveLength(6);
  });

  it('reads stdin twice without holding it: piped in, checked, then written', async () => {
    const store = await tempStore();
    const stdinStream = Readable.from(TEN.split('\n').map((l) => Buffer.from(`${l}\n`)).slice(0, -1));
    const r = await run(store, ['import', 'prospects', '-'], { ...BATCH, stdinStream });
    expect(r).toMatchObject({ code: 0, stderr: 'created 8, merged 2, skipped 0, rejected 0\n' });
  });

  it('a file id renumbered in an earlier batch is still the one a later referral names', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Old']);
    await run(store, ['prospect', 'add', 'Older']);
    // File ids 1 and 2 are taken: Mira and Zoe get new ids, and Kai (three rows later) refers to the file's 2.
    const r = await run(store, ['import', 'prospects', csvFile('id,name,referred_by\n2,Mira,\n1,Zoe,\n7,Ann,\n8,Bo,\n9,Kai,2\n')], BATCH);
    expect(r.code).toBe(0);
    const got = await people(store);
    const mira = got.find((p) => p[1] === 'Mira')!;
    expect(mira[0]).not.toBe(2);
    expect(got.find((p) => p[1] === 'Kai')![5]).toBe(mira[0]);
  });

  it('touches and survey responses stream the same way: a repeated row in a later batch is skipped', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const rows = ['prospect,type,at', ...['01', '02', '03', '04', '01'].map((d) => `ravi@example.com,visit,2026-03-${d}T10:00:00Z`)];
    const t = await run(store, ['import', 'touches', csvFile(`${rows.join('\n')}\n`)], BATCH);
    expect(t).toMatchObject({ code: 0, stderr: 'created 4, merged 0, skipped 1, rejected 0\n' });
    await run(store, ['survey', 'create', 'taste', '--question', 'score:scale:How good?']);
    const answers = ['at,email,score', ...['1', '2', '3', '4', '1'].map((d) => `2026-03-0${d}T10:00:00Z,ravi@example.com,4`)];
    const s = await run(store, ['import', 'responses', 'taste', csvFile(`${answers.join('\n')}\n`)], BATCH);
    expect(s).toMatchObject({ code: 0, stderr: 'created 4, merged 0, skipped 1, rejected 0\n' });
  });
});

describe('NUL bytes', () => {
  it('a NUL in a cell: exit 65 naming the line and the column, nothing written', async () => {
    const store = await tempStore();
    const r = await run(store, ['import', 'prospects', csvFile('name,email,notes\nRavi,ravi@example.com,ok\nAnita,anita@example.com,"bad\0note"\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('created 1, merged 0, skipped 0, rejected 1 (nothing written)\nerror: 1 of 2 row(s) are invalid; nothing was written (fix them, or rerun with --skip-invalid [--rejects FILE])\n  line 3: column "notes" holds a NUL byte (\\0), which is not text; remove it (a file saved as UTF-16 or binary data?)\n');
    expect(await storeCreated(store)).toBe(false);
  });

  it('with --skip-invalid the row is rejected like any invalid row, and the others are stored alike on every backend', async () => {
    const store = await tempStore();
    const file = csvFile('prospect,type,at,note\n1,visit,2026-03-01,fine\n1,visit,2026-03-02,x\0y\n');
    await run(store, ['prospect', 'add', 'Ravi']);
    const r = await run(store, ['import', 'touches', file, '--skip-invalid']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toBe('warning: skipped line 3: column "note" holds a NUL byte (\\0), which is not text; remove it (a file saved as UTF-16 or binary data?)\ncreated 1, merged 0, skipped 0, rejected 1\n');
    expect((await storedDoc(store)).touches.map((t) => t.note)).toEqual(['fine']);
  });

  it('a store written by an older release with a NUL in a note: store migrate says which record and field (65), and copies nothing', async () => {
    const source = join(tempDir(), 'old.json');
    await run(source, ['prospect', 'add', 'Ravi', '--note', 'likes rye']);
    await run(source, ['prospect', 'add', 'Anita', '--note', 'NULHERE']);
    writeFileSync(source, readFileSync(source, 'utf8').replace('NULHERE', 'bad\\u0000note'));
    const target = await tempStore();
    const r = await run(source, ['store', 'migrate', target]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('error: prospect #2, notes holds a NUL byte (\\0), which not every backend can store; nothing was migrated (remove it from that field, e.g. with precrm prospect edit, then migrate again)\n');
    expect((await storedDoc(target)).prospects).toEqual([]);
  });
});
