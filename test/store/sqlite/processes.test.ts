// Fault tests on a SQLite store with real precrm processes: 40 concurrent writers, a write lock held past
// PRECRM_LOCK_TIMEOUT, `kill -9` during a large import, a database of a newer schema, forget's bytes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_SCHEMA_VERSION } from '../../../src/store/sqlite/schema.js';
import { run, tempDir } from '../../helpers.js';
import { sqliteWriteLocked, startPrecrm, waitUntil } from '../fixtures.js';

const newStore = () => join(tempDir(), 'shop.db');
const count = (path: string, table: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('SQLite: concurrent writers', () => {
  it('40 `touch log` processes on one store keep all 40 touches with ids 1..40', async () => {
    const store = newStore();
    expect((await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com'])).code).toBe(0);
    const runs = Array.from({ length: 40 }, (_, i) =>
      startPrecrm(store, ['touch', 'log', 'ravi@example.com', 'greeting', `hello ${i}`], { PRECRM_LOCK_TIMEOUT: '60000' }).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const printed = results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    expect(printed).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const touches = JSON.parse((await run(store, ['touch', 'list', '--json'])).stdout) as { id: number; note: string }[];
    expect(touches.map((t) => t.id).sort((a, b) => a - b)).toEqual(printed);
    expect(touches.map((t) => t.note).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `hello ${i}`).sort());
    expect(await run(store, ['store', 'check'])).toMatchObject({ code: 0 });
    expect((await run(store, ['touch', 'log', 'ravi', 'visit'])).stdout).toBe('41\n');
  }, 120_000);
});

describe('SQLite: a write lock held by another process', () => {
  it('makes a writer that waits past PRECRM_LOCK_TIMEOUT exit 75 and write nothing; readers go on', async () => {
    const store = newStore();
    await run(store, ['prospect', 'add', 'Ravi']);
    const holder = new Database(store);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '400' }).done;
      expect(r.code).toBe(75);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: another precrm process has held the lock on ${store} for over 400 ms; try again later (or raise PRECRM_LOCK_TIMEOUT)\n`);
      // WAL: readers are not blocked by a writer.
      const list = await startPrecrm(store, ['prospect', 'list', '--format', 'csv']).done;
      expect(list.code).toBe(0);
      expect(list.stdout.split('\n').length).toBe(3);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect((await startPrecrm(store, ['prospect', 'add', 'Anna']).done).stdout).toBe('2\n');
  });
});

describe('SQLite: kill -9 during a large import', () => {
  it('leaves the store as before or after the import, never between, over several kills', async () => {
    const dir = tempDir();
    const csv = join(dir, 'contacts.csv');
    const rows = 20_000;
    writeFileSync(csv, ['name,email,source,tags', ...Array.from({ length: rows }, (_, i) => `Person ${i},p${i}@example.com,walk-in,bulk`)].join('\n'));
    const store = join(dir, 'shop.db');
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const seen = new Set<number>();
    for (let attempt = 0; attempt < 3; attempt++) {
      const importer = startPrecrm(store, ['import', 'prospects', csv]);
      // Killed once it holds the write lock, inside its transaction (or just after, if it committed in between).
      const writing = () => importer.child.exitCode !== null || sqliteWriteLocked(store);
      await waitUntil('the import writes', writing, 60_000, 5);
      importer.child.kill('SIGKILL');
      const r = await importer.done;
      const n = count(store, 'prospects');
      seen.add(n);
      expect([1, rows + 1]).toContain(n);
      expect(r.signal === 'SIGKILL' || r.code === 0).toBe(true);
      const check = await run(store, ['store', 'check']);
      expect(check, check.stderr).toMatchObject({ code: 0 });
      if (n > 1) break;
    }
    // The next write goes on from where the store is, ids never reused.
    const next = await run(store, ['prospect', 'add', 'Anna']);
    expect(next.code).toBe(0);
    expect(Number(next.stdout)).toBe(seen.has(rows + 1) ? rows + 2 : 2);
  }, 180_000);
});

describe('SQLite: a database written by a newer precrm', () => {
  it('is refused with 65 by reads and writes alike, and left byte for byte', async () => {
    const store = newStore();
    await run(store, ['prospect', 'add', 'Ravi']);
    const db = new Database(store);
    db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(SQLITE_SCHEMA_VERSION + 1, '2027-01-01T00:00:00.000Z');
    db.close();
    const before = readFileSync(store);
    for (const args of [['prospect', 'list'], ['prospect', 'add', 'Anna'], ['touch', 'log', 'ravi', 'visit'], ['report', 'funnel']]) {
      const r = await run(store, args);
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stderr).toBe(`error: the store ${store} was written by a newer precrm (schema ${SQLITE_SCHEMA_VERSION + 1}); upgrade precrm to use it — it was left untouched\n`);
    }
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(existsSync(`${store}-wal`) ? readFileSync(`${store}-wal`).length : 0).toBe(0);
  });
});

describe('SQLite: prospect forget', () => {
  it('leaves nothing of the person readable in the .db or -wal bytes', async () => {
    const store = newStore();
    const secrets = ['Zanzibar Quokkafeather', 'quokka.secret@example.org', '+44 7700 900123', 'Quokka Holdings', 'quokka fair', 'quokka allergy'];
    await run(store, ['prospect', 'add', secrets[0]!, '--email', secrets[1]!, '--phone', secrets[2]!, '--company', secrets[3]!, '--note', 'met at the quokka fair', '--field', `allergy=${secrets[5]}`]);
    await run(store, ['prospect', 'add', 'Anna Berg', '--email', 'anna@example.com']);
    for (let i = 0; i < 5; i++) await run(store, ['touch', 'log', 'quokka.secret@example.org', 'visit', `talked about the ${secrets[4]} ${i}`]);
    await run(store, ['touch', 'log', 'anna', 'visit', 'plain visit']);
    const bytes = () => Buffer.concat([store, `${store}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    const left = () => secrets.filter((s) => bytes().includes(Buffer.from(s)) || bytes().includes(Buffer.from(s.toLowerCase())));
    expect(left().length).toBeGreaterThan(0);
    const r = await run(store, ['prospect', 'forget', '1', '--yes']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(left()).toEqual([]);
    expect(await run(store, ['store', 'check'])).toMatchObject({ code: 0 });
  });
});
