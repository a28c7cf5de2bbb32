// The suppression list (README "Erasure and suppression"): forgetting, removing or marking someone do-not-contact
// keeps a keyed hash of their email and phone, so no import brings them back as a new, contactable prospect; the
// import summary counts them; `do-not-contact --off` and adding the person by hand take them off again. (That
// `store migrate` carries the list across backends is in migrate-chain.test.ts.)
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneKey } from '../../src/domain/dedupe.js';
import { BACKENDS, backupPath } from '../backends.js';
import { TEST_BACKEND, run, storeBytes, storedDoc, tempDir, tempStore } from '../helpers.js';
import { asAdmin } from '../pg.js';

const EMAIL = 'hannah.b@example.de';
const PHONE = '+49 170 5550101';

/** A shop with Hannah and Jonas, and the export made of it before anything happened to Hannah. */
async function shop(): Promise<{ store: string; older: string }> {
  const store = await tempStore();
  expect((await run(store, ['prospect', 'add', 'Hannah Becker', '--email', EMAIL, '--phone', PHONE, '--note', 'likes rye'], { now: '2026-02-11T08:50:00Z' })).code).toBe(0);
  expect((await run(store, ['prospect', 'add', 'Jonas Larsen', '--email', 'jonas@example.com'], { now: '2026-02-11T09:00:00Z' })).code).toBe(0);
  const older = join(tempDir(), 'older.csv');
  expect((await run(store, ['export', 'prospects', '-o', older])).code).toBe(0);
  return { store, older };
}

/** Next week's shop export: Hannah written differently, once by phone only, and someone new. */
function shopExport(): string {
  const file = join(tempDir(), 'shop.csv');
  writeFileSync(file, 'Full Name,E-mail,Mobile\nHannah Becker, HANNAH.B@Example.de ,(+49) 170-555-0101\nH. Becker,,+49 170 555 0101\nMira Roth,mira@example.com,\n');
  return file;
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const importFile = (store: string, file: string, ...more: string[]) => run(store, ['import', 'prospects', file, ...more], { now: '2026-04-02T10:00:00Z' });
const names = async (store: string) => (await storedDoc(store)).prospects.map((p) => p.name);
const contactable = async (store: string) => (await run(store, ['export', 'prospects', '--contactable'])).stdout;

describe('forgotten and removed people stay gone', () => {
  it('a file imported batch by batch (a large one) suppresses and counts the same as one read whole', async () => {
    const { store, older } = await shop();
    expect((await run(store, ['prospect', 'forget', 'hannah', '--yes'], { now: '2026-04-01T10:00:00Z' })).code).toBe(0);
    const r = await run(store, ['import', 'prospects', older], { now: '2026-04-02T10:00:00Z', env: { PRECRM_IMPORT_BATCH: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stderr)).toBe('created 0, merged 0, skipped 1, suppressed 1, rejected 0 (nothing to change)');
    expect(await contactable(store)).not.toContain('Hannah');
  });

  it('a phone listed in international form still suppresses the national form of the shop\'s country, and the other way round', async () => {
    const fr = { PRECRM_COUNTRY: 'FR' };
    for (const [listed, later] of [['+33 6 12 34 00 01', '06 12 34 00 01'], ['06 12 34 00 02', '+33 6 12 34 00 02']] as const) {
      const store = await tempStore();
      expect((await run(store, ['prospect', 'add', 'Lucie Bernard', '--phone', listed], { env: fr })).code).toBe(0);
      expect((await run(store, ['prospect', 'forget', 'lucie', '--yes'], { env: fr })).code).toBe(0);
      const file = join(tempDir(), 'later.csv');
      writeFileSync(file, `Full Name,Mobile\nLucie B.,${later}\n`);
      const r = await run(store, ['import', 'prospects', file], { env: fr });
      expect(lastLine(r.stderr), `${listed} then ${later}`).toBe('created 0, merged 0, skipped 0, suppressed 1, rejected 0 (nothing to change)');
    }
  });

  for (const [what, args] of [['forgotten', ['prospect', 'forget', 'hannah', '--yes']], ['removed', ['prospect', 'remove', 'hannah', '--yes']]] as const) {
    it(`${what}: re-importing the older export creates no one and says "suppressed 1"`, async () => {
      const { store, older } = await shop();
      expect((await run(store, [...args], { now: '2026-04-01T10:00:00Z' })).code).toBe(0);
      const before = await names(store);
      const r = await importFile(store, older);
      expect(r.code, r.stderr).toBe(0);
      expect(lastLine(r.stderr)).toBe('created 0, merged 0, skipped 1, suppressed 1, rejected 0 (nothing to change)');
      expect(await names(store)).toEqual(before);
      expect(await contactable(store)).not.toContain('Hannah');
    });

    it(`${what}: next week's shop export, with the email in other case and the phone in another form, creates only the new person`, async () => {
      const { store } = await shop();
      await run(store, [...args], { now: '2026-04-01T10:00:00Z' });
      const r = await importFile(store, shopExport());
      expect(r.code, r.stderr).toBe(0);
      expect(lastLine(r.stderr)).toBe('created 1, merged 0, skipped 0, suppressed 2, rejected 0');
      expect((await names(store)).filter((n) => n !== null)).toEqual(['Jonas Larsen', 'Mira Roth']);
    });
  }

  it('the dry run says it too, per row and in JSON', async () => {
    const { store, older } = await shop();
    await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    const before = await storeBytes(store);
    expect(lastLine((await importFile(store, older, '--dry-run')).stderr)).toBe('created 0, merged 0, skipped 1, suppressed 1, rejected 0 (dry run: nothing written)');
    expect((await importFile(store, older, '--dry-run', '--format', 'csv')).stdout).toBe('line,action,id,reason\n2,suppressed,,on the suppression list (forgotten)\n3,skipped,2,same email as #2; nothing new\n');
    expect(JSON.parse((await importFile(store, older, '--format', 'json')).stdout)).toEqual({
      created: 0, merged: 0, skipped: 1, suppressed: 1, rejected: 0, written: false, dryRun: false, rejections: [],
    });
    expect(await storeBytes(store)).toEqual(before);
  });

  it('import touches and import responses name existing prospects only: they bring no one back', async () => {
    const { store } = await shop();
    await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    const touches = join(tempDir(), 'touches.csv');
    writeFileSync(touches, `prospect,type,at\n${EMAIL},visit,2026-03-01\n`);
    const t = await run(store, ['import', 'touches', touches, '--skip-invalid']);
    expect(t.stderr).toContain('matches no prospect');
    await run(store, ['survey', 'create', 'taste', '--question', 'score:scale:How was it?']);
    const answers = join(tempDir(), 'answers.csv');
    writeFileSync(answers, `email,at,score\n${EMAIL},2026-03-01,4\n`);
    expect((await run(store, ['import', 'responses', 'taste', answers])).code).toBe(0);
    const doc = await storedDoc(store);
    expect(doc.prospects.map((p) => p.name)).toEqual([null, 'Jonas Larsen']);
    expect(doc.responses.map((r) => r.prospectId)).toEqual([null]);
  });
});

describe('do-not-contact', () => {
  it('an import never makes them contactable, not even under an email and phone they no longer have on record', async () => {
    const { store, older } = await shop();
    await run(store, ['prospect', 'do-not-contact', 'hannah', '--note', 'asked by phone'], { now: '2026-04-01T10:00:00Z' });
    // Merged into her record: the merge never clears do-not-contact.
    expect(lastLine((await importFile(store, shopExport())).stderr)).toBe('created 1, merged 0, skipped 2, rejected 0');
    await run(store, ['prospect', 'edit', 'hannah', '--email', 'hannah@new.example', '--phone', '0301234567']);
    // The older export still finds her by id and name; the shop's file has only the old email and phone.
    expect(lastLine((await importFile(store, older)).stderr)).toBe('created 0, merged 0, skipped 2, rejected 0 (nothing to change)');
    expect(lastLine((await importFile(store, shopExport())).stderr)).toBe('created 0, merged 0, skipped 1, suppressed 2, rejected 0 (nothing to change)');
    expect(await contactable(store)).not.toContain('Hannah');
  });

  it('an import that marks someone do-not-contact lists them too', async () => {
    const store = await tempStore();
    const file = join(tempDir(), 'optout.csv');
    writeFileSync(file, `name,email,unsubscribed\nHannah Becker,${EMAIL},yes\n`);
    expect(lastLine((await importFile(store, file)).stderr)).toBe('created 1, merged 0, skipped 0, rejected 0');
    await run(store, ['prospect', 'edit', 'hannah', '--email', 'hannah@new.example']);
    writeFileSync(file, `name,email\nHannah Becker,${EMAIL}\n`);
    expect(lastLine((await importFile(store, file)).stderr)).toBe('created 0, merged 0, skipped 0, suppressed 1, rejected 0 (nothing to change)');
  });

  it('--off lifts their entry: contactable again, and an import may add them again', async () => {
    const { store } = await shop();
    await run(store, ['prospect', 'do-not-contact', 'hannah']);
    expect((await storedDoc(store)).suppression.entries.map((e) => e.reason)).toEqual(['do-not-contact', 'do-not-contact']);
    const r = await run(store, ['prospect', 'do-not-contact', 'hannah', '--off', '--note', 'asked to hear from us again']);
    expect(r.code).toBe(0);
    expect((await storedDoc(store)).suppression.entries).toEqual([]);
    expect(await contactable(store)).toContain('Hannah Becker');
    await run(store, ['prospect', 'edit', 'hannah', '--email', 'hannah@new.example', '--phone', '0301234567']);
    expect(lastLine((await importFile(store, shopExport())).stderr)).toBe('created 2, merged 0, skipped 1, rejected 0');
  });
});

describe('coming back', () => {
  it('prospect add of a forgotten person works, says so on stderr, and takes them off so imports merge into the new record', async () => {
    const { store, older } = await shop();
    await run(store, ['prospect', 'forget', 'hannah', '--yes'], { now: '2026-04-01T10:00:00Z' });
    const r = await run(store, ['prospect', 'add', 'Hannah Becker', '--email', EMAIL, '--phone', PHONE], { now: '2026-05-01T10:00:00Z' });
    expect(r).toMatchObject({ code: 0, stdout: '3\n' });
    expect(r.stderr).toMatch(/^warning: the email or phone given was on the suppression list \(forgotten on 2026-04-01\); adding it by hand takes it off, so imports merge into prospect 3 again$/m);
    expect(r.stderr).not.toContain(EMAIL);
    expect((await storedDoc(store)).suppression.entries).toEqual([]);
    // Her row of the older export fills in the note the new record lacks.
    expect(lastLine((await importFile(store, older)).stderr)).toBe('created 0, merged 1, skipped 1, rejected 0');
  });
});

describe('what the store keeps', () => {
  it('a keyed hash of the email and phone after forget, never their text or a plain hash of it', async () => {
    const { store } = await shop();
    expect((await run(store, ['prospect', 'forget', 'hannah', '--yes'], { now: '2026-04-01T10:00:00Z' })).code).toBe(0);
    const bytes = (await storeBytes(store)).toString('utf8').toLowerCase();
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    for (const text of [EMAIL, '5550101', sha(EMAIL), sha(`email:${EMAIL}`), sha(phoneKey(PHONE)!)]) expect(bytes).not.toContain(text);
    const { secret, entries } = (await storedDoc(store)).suppression;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const hmac = (text: string) => createHmac('sha256', Buffer.from(secret!, 'hex')).update(text).digest('hex');
    const at = '2026-04-01T10:00:00.000Z';
    expect(entries).toEqual([{ hash: hmac(`email:${EMAIL}`), reason: 'forgotten', at }, { hash: hmac(`phone:${phoneKey(PHONE)}`), reason: 'forgotten', at }]
      .sort((a, b) => (a.hash < b.hash ? -1 : 1)));
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });

  it('store check finds a damaged entry (65), naming no data', async () => {
    const { store } = await shop();
    await run(store, ['prospect', 'remove', 'hannah', '--yes']);
    const { entries } = (await storedDoc(store)).suppression;
    await damageHash(store, entries[0]!.hash);
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/suppression/);
    expect(r.stderr).not.toContain(entries[0]!.hash);
  });

  it('store backup carries the list and its secret: the copy still suppresses', async () => {
    const { store, older } = await shop();
    await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    const backend = BACKENDS.find((b) => b.name === TEST_BACKEND)!;
    const copy = backupPath(backend, store);
    expect((await run(store, ['store', 'backup', copy])).code).toBe(0);
    expect((await storedDoc(copy)).suppression).toEqual((await storedDoc(store)).suppression);
    expect(lastLine((await importFile(copy, older)).stderr)).toBe('created 0, merged 0, skipped 1, suppressed 1, rejected 0 (nothing to change)');
  });
});

/** Breaks one entry's hash the way a hand edit or a stray tool would, on whichever backend the test runs. */
async function damageHash(store: string, hash: string): Promise<void> {
  if (TEST_BACKEND === 'postgres') {
    const database = decodeURIComponent(new URL(store).pathname.slice(1));
    await asAdmin((c) => c.query("UPDATE suppression SET hash = 'not-a-hash' WHERE hash = $1", [hash]), database);
  } else if (TEST_BACKEND === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(store);
    db.prepare("UPDATE suppression SET hash = 'not-a-hash' WHERE hash = ?").run(hash);
    db.close();
  } else {
    const { readFileSync } = await import('node:fs');
    writeFileSync(store, readFileSync(store, 'utf8').replace(hash, 'not-a-hash'));
  }
}
