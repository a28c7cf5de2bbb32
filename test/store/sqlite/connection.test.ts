// Opening a SQLite store: nothing is created by a read, files are 0600 in a 0700 folder, a newer schema or a file
// that is not ours is refused (65) and left byte for byte, a held write lock ends in 75 after the busy timeout.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PrecrmError } from '../../../src/domain/errors.js';
import { openForRead, openForWrite, writeTransaction } from '../../../src/store/sqlite/connection.js';
import { SQLITE_SCHEMA_VERSION } from '../../../src/store/sqlite/schema.js';
import { tempDir } from '../../helpers.js';

const OPTS = { lockTimeoutMs: 200 };
const NOW = new Date('2026-03-10T12:00:00Z');
const mode = (path: string) => statSync(path).mode & 0o777;

async function refusal(p: Promise<unknown>): Promise<PrecrmError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(PrecrmError);
  return err as PrecrmError;
}

describe('opening a SQLite store', () => {
  it('reads a location that does not exist as empty and creates nothing, not even its folder', async () => {
    const dir = tempDir();
    expect(await openForRead(join(dir, 'shop', 'crm.db'), OPTS)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates the database on the first write: 0600 files (with -wal and -shm) in a 0700 folder, WAL mode, current schema', async () => {
    const dir = join(tempDir(), 'shop');
    const path = join(dir, 'crm.db');
    const conn = await openForWrite(path, OPTS);
    const { db } = conn;
    await writeTransaction(conn, NOW, () => db.prepare("UPDATE counters SET next_id = 2 WHERE kind = 'prospect'").run());
    expect(mode(dir)).toBe(0o700);
    for (const f of ['crm.db', 'crm.db-wal', 'crm.db-shm']) expect(mode(join(dir, f))).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SQLITE_SCHEMA_VERSION);
    db.close();
    const read = await openForRead(path, OPTS);
    expect(read?.db.prepare('SELECT next_id FROM counters WHERE kind = ?').pluck().get('prospect')).toBe(2);
    read?.db.close();
  });

  it('reads an empty (zero-byte) file as an empty store', async () => {
    const path = join(tempDir(), 'crm.db');
    writeFileSync(path, '');
    expect(await openForRead(path, OPTS)).toBeNull();
    expect(statSync(path).size).toBe(0);
  });

  it('refuses a database of a newer schema with 65, for reading and writing, and never writes it', async () => {
    const path = join(tempDir(), 'crm.db');
    const created = await openForWrite(path, OPTS);
    await writeTransaction(created, NOW, () => undefined);
    created.db.close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(SQLITE_SCHEMA_VERSION + 1, NOW.toISOString());
    raw.close();
    const before = readFileSync(path);
    for (const open of [() => openForRead(path, OPTS), () => openForWrite(path, OPTS)]) {
      const err = await refusal(open());
      expect(err.exitCode).toBe(65);
      expect(err.message).toBe(`the store ${path} was written by a newer precrm (schema ${SQLITE_SCHEMA_VERSION + 1}); upgrade precrm to use it — it was left untouched`);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file that is not a SQLite database with 65 and leaves it byte for byte', async () => {
    const path = join(tempDir(), 'crm.db');
    const bytes = Buffer.from('{"schema":1,"prospects":[]} and then some more text to be longer than a header'.repeat(20));
    writeFileSync(path, bytes);
    for (const open of [() => openForRead(path, OPTS), () => openForWrite(path, OPTS)]) {
      const err = await refusal(open());
      expect(err.exitCode).toBe(65);
      expect(err.message).toMatch(/^the store .*crm\.db is not a precrm SQLite database, or is damaged \(SQLITE_NOTADB: file is not a database\); it was left untouched$/);
    }
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(join(path, '..'))).toEqual(['crm.db']);
  });

  it("refuses another program's SQLite database with 65 and leaves it alone", async () => {
    const path = join(tempDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = readFileSync(path);
    const err = await refusal(openForWrite(path, OPTS));
    expect(err.exitCode).toBe(65);
    expect(err.message).toContain('is a SQLite database but not a precrm store');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('gives up with 75 when another connection holds the write lock past the timeout, and rolls nothing in', async () => {
    const path = join(tempDir(), 'crm.db');
    const holder = (await openForWrite(path, OPTS)).db;
    holder.exec('BEGIN IMMEDIATE');
    const conn = await openForWrite(path, OPTS);
    let ran = false;
    const err = await refusal(writeTransaction(conn, NOW, () => { ran = true; }));
    expect(err.exitCode).toBe(75);
    expect(err.message).toBe(`another precrm process has held the lock on ${path} for over 200 ms; try again later (or raise PRECRM_LOCK_TIMEOUT)`);
    expect(ran).toBe(false);
    holder.exec('ROLLBACK');
    expect(await writeTransaction(conn, NOW, () => 2)).toBe(2);
    conn.db.close();
    holder.close();
  });

  it('cannot create a store under a regular file: 73', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'my notes\n');
    const err = await refusal(openForWrite(join(file, 'crm.db'), OPTS));
    expect(err.exitCode).toBe(73);
    expect(err.message).toBe(`cannot write the store ${join(file, 'crm.db')} (ENOTDIR: a part of the path is not a folder); check the path and its permissions, or use --store`);
    expect(readFileSync(file, 'utf8')).toBe('my notes\n');
  });
});
