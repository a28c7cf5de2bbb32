// A store written before the suppression list (schema 1) still opens on every backend, shows what it holds, and is
// upgraded by the first write that needs it (JSON keeps its original as .schema1.bak), after which it suppresses.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQLITE_DDL } from '../../src/store/sqlite/ddl.js';
import { BACKENDS, type TestBackend } from '../backends.js';
import { run, storedDoc } from '../helpers.js';
import { asAdmin } from '../pg.js';

const DROP = ['DROP TABLE suppression', 'DROP TABLE suppression_secret', 'DELETE FROM schema_version WHERE version = 2'];
const database = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Takes a store back to schema 1, as an earlier precrm left it. */
async function toSchema1(backend: TestBackend, location: string): Promise<void> {
  if (backend.name === 'json') {
    const { suppression: _, ...doc } = JSON.parse(readFileSync(location, 'utf8'));
    writeFileSync(location, JSON.stringify({ ...doc, schema: 1 }));
  } else if (backend.name === 'sqlite') {
    // Schema 1's own tables holding the same prospects (the current tables are no longer schema 1's plus some).
    const current = new Database(location, { readonly: true });
    const rows = current.prepare('SELECT id, name, email, stage, created_at, updated_at, created_ms, email_key, name_lower, name_key FROM prospects').raw().all() as unknown[][];
    const history = current.prepare('SELECT prospect_id, seq, stage, at FROM stage_history').raw().all() as unknown[][];
    current.close();
    for (const f of [location, `${location}-wal`, `${location}-shm`]) rmSync(f, { force: true });
    const db = new Database(location);
    db.exec(SQLITE_DDL[1]!);
    db.prepare("INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00.000Z')").run();
    const insert = db.prepare(`INSERT INTO prospects (id, name, email, stage, created_at, updated_at, created_ms, email_key, name_lower, name_key,
      tags, do_not_contact, fields, furthest_rank, reach_ms_0) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 0, '{}', 0, 0)`);
    for (const r of rows) insert.run(...r);
    for (const h of history) db.prepare('INSERT INTO stage_history VALUES (?, ?, ?, ?)').run(...h);
    db.prepare("UPDATE counters SET next_id = ? WHERE kind = 'prospect'").run(rows.length + 1);
    db.close();
  } else {
    await asAdmin(async (c) => { for (const sql of DROP) await c.query(sql); }, database(location));
  }
}

async function schemaOf(backend: TestBackend, location: string): Promise<number> {
  if (backend.name === 'json') return JSON.parse(readFileSync(location, 'utf8')).schema;
  if (backend.name === 'sqlite') {
    const db = new Database(location, { readonly: true });
    try {
      return db.prepare('SELECT max(version) FROM schema_version').pluck().get() as number;
    } finally {
      db.close();
    }
  }
  return asAdmin(async (c) => (await c.query('SELECT max(version)::int AS v FROM schema_version')).rows[0].v, database(location));
}

describe.each(BACKENDS)('a schema 1 store on $name', (backend) => {
  it('shows what it holds, is upgraded by the first write, and then keeps a suppression list', async () => {
    const store = await backend.tempStore();
    await run(store, ['prospect', 'add', 'Hannah Becker', '--email', 'hannah.b@example.de']);
    await run(store, ['prospect', 'add', 'Jonas Larsen']);
    await toSchema1(backend, store);
    const list = await run(store, ['prospect', 'list', '--format', 'csv']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Hannah Becker');
    expect(list.stdout).toContain('Jonas Larsen');
    const forget = await run(store, ['prospect', 'forget', 'hannah', '--yes']);
    expect(forget.code, forget.stderr).toBe(0);
    expect(await schemaOf(backend, store)).toBe(backend.name === 'json' ? 2 : 3);
    if (backend.name === 'json') expect(existsSync(`${store}.schema1.bak`)).toBe(false); // it held Hannah: forget removed it
    expect((await storedDoc(store)).suppression.entries.map((e) => e.reason)).toEqual(['forgotten']);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });
});
