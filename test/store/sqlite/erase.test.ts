// Erasing a person on SQLite leaves no byte of them in the database file or its WAL: secure_delete zeroes freed
// space, and a TRUNCATE checkpoint after the transaction empties the WAL. A reader still on an older snapshot
// holds the WAL back: then the store says so (75) rather than claim the bytes are gone, and `prospect forget <id>` run
// again once the reader has ended finishes the erasure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PrecrmError } from '../../../src/domain/errors.js';
import type { Prospect, Touch } from '../../../src/domain/types.js';
import { SqliteStore } from '../../../src/store/sqlite/store.js';
import { run, tempDir } from '../../helpers.js';
import { startHolder, startPrecrm } from '../fixtures.js';

const AT = '2026-01-05T10:00:00.000Z';
const SECRETS = ['Zanzibar Quokkafeather', 'quokka.secret@example.org', '+44 7700 900123', 'Quokka Holdings', 'allergic to quokkas', 'met at the quokka fair'];

function person(id: number): Prospect {
  return {
    id, name: SECRETS[0]!, description: null, email: SECRETS[1]!, phone: SECRETS[2]!, company: SECRETS[3]!, source: 'walk-in', stage: 'interested',
    stageHistory: [{ stage: 'interested', at: AT }], tags: ['cakes'], owner: 'mitra', referredBy: null, doNotContact: false,
    consent: [{ at: AT, granted: true, note: 'quokka consent form' }], cadenceDays: null, lostReason: null, followUp: null,
    fields: { allergy: SECRETS[4]! }, conversion: null, notes: 'prefers quokka cake', forgottenAt: null, createdAt: AT, updatedAt: AT,
  };
}
const touch = (id: number): Touch => ({ id, prospectId: 1, type: 'visit', at: AT, note: SECRETS[5]!, outcome: null, direction: null, by: 'mitra', cost: null, currency: null });

/** The prospect as the domain's forget leaves it: anonymous, the figures kept. */
const forgotten = (p: Prospect): Prospect => ({
  ...p, name: null, email: null, phone: null, company: null, notes: null, fields: {}, doNotContact: true,
  consent: p.consent.map((c) => ({ ...c, note: null })), forgottenAt: '2026-02-01T00:00:00.000Z',
});

const bytesOf = (path: string) => Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
const leftovers = (path: string) => SECRETS.concat('quokka').filter((s) => bytesOf(path).includes(Buffer.from(s)) || bytesOf(path).includes(Buffer.from(s.toLowerCase())));

async function shopWithQuokka(path: string): Promise<SqliteStore> {
  const store = new SqliteStore(path, { lockTimeoutMs: 300 });
  await store.transaction(async (tx) => {
    await tx.insert('prospect', [person(1), { ...person(2), name: 'Other Person', email: 'other@example.com', phone: null, company: null, notes: null, fields: {}, consent: [] }]);
    await tx.insert('touch', [touch(1), { ...touch(2), prospectId: 2, note: 'plain visit' }]);
  });
  // Many more writes, so the person's bytes are spread over the WAL, old pages and indexes.
  for (let i = 0; i < 30; i++) {
    await store.transaction(async (tx) => tx.insert('touch', [{ ...touch(3 + i), prospectId: 2, note: `visit ${i}` }]));
  }
  return store;
}

describe('erasing a person on SQLite', () => {
  it('leaves none of their bytes in the .db or -wal file', async () => {
    const path = join(tempDir(), 'shop.db');
    const store = await shopWithQuokka(path);
    expect(leftovers(path).length).toBeGreaterThan(0);
    await store.transaction(async (tx) => {
      await tx.update('prospect', [forgotten((await tx.getProspect(1))!)]);
      await tx.update('touch', [{ ...touch(1), note: null }]);
    });
    expect(leftovers(path)).toEqual([]);
    // Still a sound store holding the anonymous record.
    expect((await store.getProspect(1))?.forgottenAt).not.toBeNull();
    expect(await store.check()).toEqual([]);
    await store.close();
    expect(leftovers(path)).toEqual([]);
  });

  it('says so (75) when a reader holds an old snapshot and the WAL cannot be emptied; done once the reader is gone', async () => {
    const path = join(tempDir(), 'shop.db');
    const store = await shopWithQuokka(path);
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM prospects').get();
    const erase = () => store.transaction(async (tx) => {
      await tx.update('prospect', [forgotten((await tx.getProspect(1))!)]);
      await tx.update('touch', [{ ...touch(1), note: null }]);
    });
    const err = await erase().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PrecrmError);
    expect((err as PrecrmError).exitCode).toBe(75);
    expect((err as PrecrmError).message).toBe(`prospect 1 is forgotten, but the erased text is still in ${path} and its write-ahead log ${path}-wal until another process that is reading the store ends its read; run \`precrm prospect forget 1\` again once it has, to finish the erasure (by id: the name no longer finds them)`);
    expect((await store.getProspect(1))?.name).toBeNull();
    reader.exec('COMMIT');
    reader.close();
    await erase();
    expect(leftovers(path)).toEqual([]);
    await store.close();
  });
});

/** Another process with a read transaction open on `path` (an old snapshot), until it is killed. */
const reader = (path: string) => startHolder(`
  const db = new (require('better-sqlite3'))(process.argv[1], { readonly: true });
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM prospects').get();
  process.stdout.write('reading\\n');
  setInterval(() => {}, 1000);`, [path]);

describe('prospect forget while another process reads the SQLite store', () => {
  it('exits 75 saying what remains and to rerun by id; the rerun by id, once the reader is gone, erases every byte', async () => {
    const path = join(tempDir(), 'shop.db');
    const add = ['prospect', 'add', 'Zanzibar Quokkafeather', '--email', 'quokka.secret@example.org', '--note', 'allergic to quokkas'];
    expect((await run(path, add)).code).toBe(0);
    expect((await run(path, ['prospect', 'add', 'Other Person'])).code).toBe(0);
    const held = reader(path);
    await held.held;
    const env = { PRECRM_LOCK_TIMEOUT: '300' };
    const first = await startPrecrm(path, ['prospect', 'forget', 'quokka.secret@example.org', '--yes'], env).done;
    expect(first.code, first.stderr).toBe(75);
    expect(first.stderr).toBe(`error: prospect 1 is forgotten, but the erased text is still in ${path} and its write-ahead log ${path}-wal until another process that is reading the store ends its read; run \`precrm prospect forget 1\` again once it has, to finish the erasure (by id: the name no longer finds them)\n`);
    expect(leftovers(path).length).toBeGreaterThan(0);
    // While the reader still reads, the rerun by id says the same again rather than "already forgotten".
    expect((await startPrecrm(path, ['prospect', 'forget', '1', '--yes'], env).done).code).toBe(75);
    held.child.kill('SIGKILL');
    await held.done;
    const again = await startPrecrm(path, ['prospect', 'forget', '1', '--yes'], env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^prospect 1 was already forgotten on /);
    expect(leftovers(path)).toEqual([]);
    expect(JSON.parse((await run(path, ['prospect', 'show', '1', '--json'])).stdout)).toMatchObject({ name: null, email: null, notes: null });
    expect((await run(path, ['store', 'check'])).code).toBe(0);
  });
});

describe('prospect merge while another process reads the SQLite store', () => {
  it('is not an erasure: the merged record lives on in the kept one, so a held WAL does not make it exit 75', async () => {
    const path = join(tempDir(), 'shop.db');
    for (const name of ['Lucie Bernard', 'Lucie Bernard']) expect((await run(path, ['prospect', 'add', name])).code).toBe(0);
    const held = reader(path);
    await held.held;
    try {
      const r = await run(path, ['prospect', 'merge', '1', '2', '--yes'], { env: { PRECRM_LOCK_TIMEOUT: '300' } });
      expect([r.code, r.stdout], r.stderr).toEqual([0, '1\n']);
    } finally {
      held.child.kill('SIGKILL');
      await held.done;
    }
    expect(JSON.parse((await run(path, ['prospect', 'list', '--json'])).stdout).map((p: Prospect) => p.id)).toEqual([1]);
  });
});
