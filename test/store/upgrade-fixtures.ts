// The schema-2 store fixtures (test/fixtures/stores/, made by make.mjs there) as the upgrade tests use them: fresh
// copies to upgrade, what was recorded from them, and the schema version a store is at.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../helpers.js';
import { asAdmin, freshDatabase } from '../pg.js';

const HERE = join(import.meta.dirname, '../fixtures/stores');
export const EXPECTED = join(HERE, 'expected');
export interface Output { file: string; now: string; args: string[] }
export const MANIFEST = JSON.parse(readFileSync(join(EXPECTED, 'manifest.json'), 'utf8')) as { env: Record<string, string>; outputs: Output[] };
export const NEXT_IDS = JSON.parse(readFileSync(join(EXPECTED, 'next-ids.json'), 'utf8')) as Record<string, number>;
export const LAST_NOW = MANIFEST.outputs[0]!.now;

/** A copy of the SQLite fixture in a temp folder. */
export function sqliteFixture(): string {
  const store = join(tempDir(), 'shop.db');
  copyFileSync(join(HERE, 'schema2.db'), store);
  return store;
}

/** A fresh database holding the PostgreSQL fixture, as its owner (the test server's admin) loaded it. */
export async function postgresFixture(): Promise<{ name: string; url: string }> {
  const db = await freshDatabase();
  await asAdmin((c) => c.query(readFileSync(join(HERE, 'schema2-postgres.sql'), 'utf8')), db.name);
  return db;
}

export function sqliteVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT max(version) FROM schema_version').pluck().get() as number;
  } finally {
    db.close();
  }
}

export const pgVersion = (database: string): Promise<number> =>
  asAdmin(async (c) => (await c.query('SELECT max(version)::int AS v FROM schema_version')).rows[0].v, database);

