// A store written before the suppression list (schema 1) still opens on every backend, shows what it holds, and is
// upgraded by the first command that needs it (JSON keeps its original as .schema1.bak, SQLite a dated
// .schema1-<stamp>.bak), after which it suppresses. The SQL ones are the schema-2 fixtures taken back to schema 1.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { SCHEMA_VERSION } from '../../src/domain/types.js';
import { BACKENDS, type TestBackend } from '../backends.js';
import { run, storedDoc } from '../helpers.js';
import { asAdmin } from '../pg.js';
import { postgresFixture, sqliteFixture } from './upgrade-fixtures.js';

const DROP = ['DROP TABLE suppression', 'DROP TABLE suppression_secret', 'DELETE FROM schema_version WHERE version = 2'];
const database = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** A store holding Hannah Becker and Jonas Larsen as schema 1 left them (SQL: the fixture shop as schema 1 left it). */
async function schema1Store(backend: TestBackend): Promise<string> {
  if (backend.name === 'sqlite') return toSchema1(backend, sqliteFixture());
  if (backend.name === 'postgres') return toSchema1(backend, (await postgresFixture()).url);
  const store = await backend.tempStore();
  await run(store, ['prospect', 'add', 'Hannah Becker', '--email', 'hannah.b@example.de']);
  await run(store, ['prospect', 'add', 'Jonas Larsen']);
  return toSchema1(backend, store);
}

/** Takes a schema-2 store back to schema 1, as an earlier precrm left it. */
async function toSchema1(backend: TestBackend, location: string): Promise<string> {
  if (backend.name === 'json') {
    const { suppression: _, ...doc } = JSON.parse(readFileSync(location, 'utf8'));
    writeFileSync(location, JSON.stringify({ ...doc, schema: 1 }));
  } else if (backend.name === 'sqlite') {
    const db = new Database(location);
    for (const sql of DROP) db.exec(sql);
    db.close();
  } else {
    await asAdmin(async (c) => { for (const sql of DROP) await c.query(sql); }, database(location));
  }
  return location;
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
  it('shows what it holds, is upgraded by the first command, and then keeps a suppression list', async () => {
    const store = await schema1Store(backend);
    const [who, name] = backend.name === 'json' ? ['hannah', 'Hannah Becker'] : ['ravi', 'Ravi Sen'];
    const list = await run(store, ['prospect', 'list', '--format', 'csv']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(name);
    const forget = await run(store, ['prospect', 'forget', who, '--yes']);
    expect(forget.code, forget.stderr).toBe(0);
    expect(await schemaOf(backend, store)).toBe(backend.name === 'json' ? SCHEMA_VERSION : SQL_SCHEMA_VERSION);
    if (backend.name === 'json') expect(existsSync(`${store}.schema1.bak`)).toBe(false); // it held Hannah: forget removed it
    if (backend.name === 'sqlite') expect(readdirSync(dirname(store)).filter((f) => /^shop\.db\.schema1-\d{8}-\d{6}\.bak$/.test(f))).toHaveLength(1);
    expect((await storedDoc(store)).suppression.entries.map((e) => e.reason)).toEqual(['forgotten']);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });
});
