// PostgreSQL for tests: fresh, empty databases on the server test/pg-server.ts started (or PRECRM_TEST_PG_URL),
// each a store location of its own, dropped when the test file ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

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

const created: string[] = [];
// Registered when a test file imports this module (a hook cannot be added from inside a test).
afterAll(async () => {
  const names = created.splice(0);
  if (names.length === 0) return;
  await asAdmin(async (c) => {
    for (const n of names) await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  });
});

/** A new empty database (a copy of template0: nothing precrm made) and its URL; dropped after the file's tests. */
export async function freshDatabase(): Promise<{ name: string; url: string }> {
  const name = `precrm_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 STRATEGY FILE_COPY`));
  created.push(name);
  return { name, url: pgUrlFor(name) };
}
