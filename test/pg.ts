// PostgreSQL for tests: fresh, empty databases on the server test/pg-server.ts started (or PRECRM_TEST_PG_URL),
// each a store location of its own, dropped when the test file ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** The admin URL of the test server. */
export const pgAdminUrl = (): string => inject('pgAdminUrl');

/** `url` with another database (and optionally another user and password). */
export function pgUrlFor(database: string, auth?: { user: string; password: string }): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${database}`;
  if (auth) {
    url.username = encodeURIComponent(auth.user);
    url.password = encodeURIComponent(auth.password);
  }
  return url.toString();
}

/** Runs `fn` with an admin connection to `database` (default: the server's admin database). */
export async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const client = new pg.Client({ connectionString: database ? pgUrlFor(database) : pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * For one test file: a fresh database and a login role with `password` (no other rights), made before its tests
 * and the role dropped after them. `database()` names the database once the tests run.
 */
export function loginRoleAndDatabase(role: string, password: string): { database: () => string } {
  let name = '';
  beforeAll(async () => {
    name = (await freshDatabase()).name;
    await asAdmin(async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${role}`);
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    });
  });
  afterAll(async () => {
    await asAdmin((c) => c.query(`DROP ROLE IF EXISTS ${role}`));
  });
  return { database: () => name };
}

const created: string[] = [];
let cleanupRegistered = false;

/**
 * Drops the file's databases after its tests. freshDatabase registers it on first use (from a beforeAll, so it runs
 * before that file's own after-hooks); a file that makes databases inside its tests (helpers' tempStore on the
 * postgres project) registers it when it loads, as hooks cannot be added from inside a test.
 */
export function dropDatabasesAfterFile(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  afterAll(async () => {
    const names = created.splice(0);
    if (names.length === 0) return;
    await asAdmin(async (c) => {
      for (const n of names) await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
    });
  });
}

/** A new empty database (a copy of template0: nothing precrm made) and its URL; dropped after the file's tests. */
export async function freshDatabase(): Promise<{ name: string; url: string }> {
  dropDatabasesAfterFile();
  const name = `precrm_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 STRATEGY FILE_COPY`));
  created.push(name);
  return { name, url: pgUrlFor(name) };
}
