// PostgreSQL for tests, on the server test/pg-server.ts started (or PRECRM_TEST_PG_URL): store databases that one
// test file makes once and empties between its tests (storeDatabase), and fresh ones for tests that need a database
// of their own (freshDatabase); all of them dropped when the file ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeKeptConnections } from '../src/store/postgres/kept.js';

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

/**
 * Admin connections this file keeps, by database ('' = the admin database), for the statements every test runs
 * (making, emptying and dropping store databases, "were tables created?"): a new session costs ~30-50 ms.
 */
const keptAdmin = new Map<string, Promise<pg.Client>>();

/** Runs `fn` on this file's kept admin connection to `database` (made on first use, made again once lost). */
async function withKeptAdmin<T>(database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  let kept = keptAdmin.get(database);
  if (!kept) {
    const client = new pg.Client({ connectionString: database ? pgUrlFor(database) : pgAdminUrl() });
    // A kept session the server ends (a test terminating backends) is forgotten, not a crash of the worker.
    client.on('error', () => undefined);
    client.on('end', () => { if (keptAdmin.get(database) === kept) keptAdmin.delete(database); });
    kept = client.connect().then(() => client);
    keptAdmin.set(database, kept);
    kept.catch(() => keptAdmin.delete(database));
  }
  return fn(await kept);
}

/** Ends the kept admin connections to `databases` (before they are dropped). */
async function endKeptAdmin(databases: readonly string[]): Promise<void> {
  await Promise.all(databases.map(async (d) => {
    const kept = keptAdmin.get(d);
    keptAdmin.delete(d);
    await (await kept?.catch(() => undefined))?.end().catch(() => undefined);
  }));
}

/** Whether the store database `database` holds any table (a store's first write creates them). */
export async function hasTables(database: string): Promise<boolean> {
  const tables = await withKeptAdmin(database, (c) => c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"));
  return tables.rows[0].n > 0;
}

const created: string[] = [];
let cleanupRegistered = false;

/**
 * Drops the file's fresh databases after its tests. freshDatabase registers it on first use (from a beforeAll, so it
 * runs before that file's own after-hooks, which may drop a role those databases still name); a file that makes
 * fresh databases inside its tests calls it when it loads, as hooks cannot be added from inside a test.
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
  const db = await newDatabase();
  created.push(db.name);
  return db;
}

async function newDatabase(): Promise<{ name: string; url: string }> {
  const name = `precrm_${randomBytes(6).toString('hex')}`;
  await withKeptAdmin('', (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 STRATEGY FILE_COPY`));
  return { name, url: pgUrlFor(name) };
}

/**
 * The store databases of this test file: made as a test first needs one (a test with two stores takes two), handed
 * out again to the next tests once emptied. A CREATE DATABASE costs a checkpoint's worth of copying (~0.1-1 s on a
 * busy machine); emptying one costs a DROP SCHEMA.
 */
const pool = { free: [] as { name: string; url: string }[], used: [] as { name: string; url: string }[] };

/** An empty database for a store (tempStore on PostgreSQL): this file's own, emptied after the test that took it. */
export async function storeDatabase(): Promise<{ name: string; url: string }> {
  const db = pool.free.pop() ?? await newDatabase();
  pool.used.push(db);
  return db;
}

/**
 * What a database holds after a test, gone: its connections (a store a test left open, a killed process's
 * session), and every schema with its tables; `public` comes back as a new database has it.
 */
async function empty(database: string): Promise<void> {
  await closeKeptConnections();
  await withKeptAdmin(database, async (c) => {
    await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    const schemas = await c.query("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'");
    const drops = schemas.rows.map((r: { nspname: string }) => `DROP SCHEMA "${r.nspname}" CASCADE;`).join(' ');
    await c.query(`${drops} CREATE SCHEMA public AUTHORIZATION pg_database_owner; GRANT USAGE ON SCHEMA public TO PUBLIC;`);
  });
}

/** A store database handed back before its test ends (a test that makes many stores): emptied, and free again. */
export async function releaseStoreDatabase(url: string): Promise<void> {
  const i = pool.used.findIndex((db) => db.url === url);
  if (i < 0) return;
  const [db] = pool.used.splice(i, 1);
  await empty(db!.name);
  pool.free.push(db!);
}

/** After each test (test/setup.ts): the store databases it took, emptied for the next; nothing to do if none. */
export async function emptyUsedStoreDatabases(): Promise<void> {
  const used = pool.used.splice(0);
  for (const db of used) await empty(db.name);
  pool.free.push(...used);
}

/** After each file (test/setup.ts): its store databases, dropped. */
export async function dropStoreDatabases(): Promise<void> {
  const names = [...pool.free, ...pool.used].map((db) => db.name);
  pool.free.length = 0;
  pool.used.length = 0;
  await closeKeptConnections();
  await endKeptAdmin(names);
  if (names.length > 0) {
    await withKeptAdmin('', async (c) => {
      for (const n of names) await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
    });
  }
  await endKeptAdmin(['']);
}
