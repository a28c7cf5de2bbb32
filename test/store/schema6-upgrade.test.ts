// A schema-5 store (before touches had a cost) opens on every backend and is upgraded by the first command: every
// touch gains cost and currency, none (JSON: the keys at the end of the touch), the store says schema 6, and a
// touch with a cost can then be logged.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/types.js';
import { SQL_SCHEMA_VERSION } from '../../src/store/sql/tables.js';
import { BACKENDS, type TestBackend } from '../backends.js';
import { run } from '../helpers.js';
import { asAdmin } from '../pg.js';

const NOW = '2026-03-10T12:00:00.000Z';
const database = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const SQLITE_BACK = ['ALTER TABLE touches DROP COLUMN currency', 'ALTER TABLE touches DROP COLUMN cost', 'DELETE FROM schema_version WHERE version = 6'];
const PG_BACK = ['ALTER TABLE touches DROP COLUMN currency, DROP COLUMN cost', 'DELETE FROM schema_version WHERE version = 6'];

/** A store with Ravi and two touches, taken back to schema 5 as the previous precrm left it. */
async function schema5Store(backend: TestBackend): Promise<string> {
  const store = await backend.tempStore();
  await run(store, ['prospect', 'add', 'Ravi Sen'], { now: '2026-03-01T10:00:00Z' });
  for (const type of ['greeting', 'sample']) await run(store, ['touch', 'log', 'ravi', type, '--at', '2026-03-02T10:00:00Z'], { now: NOW });
  if (backend.name === 'json') {
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    const touches = doc.touches.map(({ cost: _c, currency: _u, ...t }: Record<string, unknown>) => t);
    writeFileSync(store, JSON.stringify({ ...doc, schema: 5, touches }, null, 2));
  } else if (backend.name === 'sqlite') {
    const db = new Database(store);
    for (const sql of SQLITE_BACK) db.exec(sql);
    db.close();
  } else {
    await asAdmin(async (c) => { for (const sql of PG_BACK) await c.query(sql); }, database(store));
  }
  return store;
}

describe.each(BACKENDS)('a schema-5 $name store', (backend) => {
  it('is upgraded by the first command: touches gain cost and currency (none), and take a cost afterwards', async () => {
    const store = await schema5Store(backend);
    const list = await run(store, ['touch', 'list', '--json'], { now: NOW });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((t: Record<string, unknown>) => Object.keys(t).slice(-3))).toEqual([['by', 'cost', 'currency'], ['by', 'cost', 'currency']]);
    expect(JSON.parse(list.stdout).map((t: Record<string, unknown>) => [t.cost, t.currency])).toEqual([[null, null], [null, null]]);
    const logged = await run(store, ['touch', 'log', 'ravi', 'sample', '--cost', '2.5', '--currency', 'EUR'], { now: NOW });
    expect(logged.code, logged.stderr).toBe(0);
    expect((await run(store, ['export', 'touches'], { now: NOW })).stdout.split('\n')[3]).toMatch(/,2\.5,EUR$/);
    if (backend.name === 'json') expect(JSON.parse(readFileSync(store, 'utf8')).schema).toBe(SCHEMA_VERSION);
    if (backend.name === 'sqlite') {
      const db = new Database(store, { readonly: true });
      expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SQL_SCHEMA_VERSION);
      db.close();
    }
  });
});
