// A PostgreSQL store as a user meets it on the command line: `store path` and every error show the URL with its
// password as ***, and each connection failure ends in one line with exit 69 or 77 — PRECRM_DEBUG included.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/context/context.js';
import { BIN, missingStoreWarning, run, spawnPrecrm, tempDir } from '../helpers.js';
import { asAdmin, loginRoleAndDatabase, pgUrlFor } from '../pg.js';

const PASSWORD = 'S3cret-Pa55-never-shown';
const ROLE = `precrm_cli_${process.pid}`;
const fixture = loginRoleAndDatabase(ROLE, PASSWORD);

const url = (password = PASSWORD, database = fixture.database()) => pgUrlFor(database, { user: ROLE, password });
const shown = (u: string) => u.replace(/:[^:@/]*@/, ':***@');

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
}

describe('a PostgreSQL store on the command line', () => {
  it('store path shows the URL with the password as ***', async () => {
    const r = await run(url(), ['store', 'path']);
    expect(r).toEqual({ code: 0, stdout: `${shown(url())}\n`, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^postgres://${ROLE}:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/${fixture.database()}\\n$`));
  });

  it('an empty database is a sound, empty store (with the warning a --store typo gets), and checking it creates nothing', async () => {
    const r = await run(url(), ['store', 'check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${shown(url())}: ok (0 prospects, 0 touches, 0 surveys, 0 responses)\n${missingStoreWarning(url())}`);
    const tables = await asAdmin((c) => c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"), fixture.database());
    expect(tables.rows[0].n).toBe(0);
  });

  const failures: [string, () => Promise<string>, number, RegExp][] = [
    ['wrong password', async () => url('not-the-password'), 77, /refused the password of user/],
    ['unknown database', async () => url(PASSWORD, 'no_such_shop'), 69, /has no database "no_such_shop"/],
    ['server down', async () => `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${await closedPort()}/${fixture.database()}`, 69, /cannot reach the PostgreSQL server at 127\.0\.0\.1:\d+ .*connection refused/],
    ['TLS refused', async () => `${url()}?sslmode=require`, 69, /refused TLS, which sslmode=require requires/],
  ];

  it.each(failures)('%s → one line, exit %i, the URL redacted (PRECRM_DEBUG too)', async (_what, make, code, message) => {
    const location = await make();
    for (const env of [{}, { PRECRM_DEBUG: '1' }]) {
      const r = await run(location, ['store', 'check'], { env });
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(shown(location));
      expect(r.stderr).not.toContain(PASSWORD);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('gives up after PRECRM_CONNECT_TIMEOUT on a server that never answers → 69', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const r = await run(`postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${fixture.database()}`, ['store', 'check'], { env: { PRECRM_CONNECT_TIMEOUT: '400' } });
      expect(r.code).toBe(69);
      expect(r.stderr).toMatch(/^error: no answer from the PostgreSQL server at 127\.0\.0\.1:\d+ for postgres:\/\/\S+:\*\*\*@\S+ within 400 ms/);
      expect(r.stderr).not.toContain(PASSWORD);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('the built binary: a refused password is 77 on one line, with no SECURITY WARNING for sslmode=prefer', async () => {
    const r = await spawnPrecrm(['--store', `${url('wrong')}?sslmode=prefer`, 'store', 'check']);
    expect(r.code).toBe(77);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: the PostgreSQL server at .* refused the password/)]);
    expect(r.stderr).not.toContain('wrong');
  });

  describe('a server that asks for a password nobody gave', () => {
    const bare = () => url().replace(`:${PASSWORD}@`, '@');
    // No PGPASSWORD and a home without ~/.pgpass: only a person can give the password.
    const noPassword = () => ({ HOME: tempDir(), PGPASSWORD: '', PGPASSFILE: '' });

    it('without a terminal: exit 77 on one line at once (the built binary, stdin not a TTY), not after the server gives up', async () => {
      const started = Date.now();
      const r = await spawnPrecrm(['--store', bare(), 'store', 'check'], { env: { ...noPassword(), PRECRM_CONNECT_TIMEOUT: '3000' } });
      expect(r.code, r.stderr).toBe(77);
      expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: the PostgreSQL server asks for a password for user "${ROLE}"`))]);
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    it('--no-input, even with a terminal: exit 77 and nothing asked', async () => {
      const asked: string[] = [];
      const prompter = { password: async (q: string) => { asked.push(q); return PASSWORD; } } as unknown as Prompter;
      const r = await run(bare(), ['--no-input', 'store', 'check'], { prompter, env: noPassword() });
      expect({ code: r.code, asked }).toEqual({ code: 77, asked: [] });
    });

    it('at a terminal: asks for it (on stderr, the prompter), then connects with it', async () => {
      const asked: string[] = [];
      const prompter = { password: async (q: string) => { asked.push(q); return PASSWORD; } } as unknown as Prompter;
      const r = await run(bare(), ['store', 'check'], { prompter, env: noPassword() });
      expect(r.code, r.stderr).toBe(0);
      expect(asked).toEqual([expect.stringMatching(new RegExp(`^Password for user ${ROLE} on 127\\.0\\.0\\.1:\\d+:$`))]);
    });

    it('in a real terminal: the prompt shows on the screen, the typed password does not, and the command runs', async () => {
      const driver = fileURLToPath(new URL('../e2e/pty-drive.py', import.meta.url));
      const env = { ...process.env, ...noPassword(), NODE_ENV: 'production', NO_COLOR: '1', PRECRM_STORE: bare() };
      const r = await new Promise<{ code: number; screen: string }>((resolve) => {
        execFile('python3', [driver, 'Password for user', `${PASSWORD}\r`, '--', process.execPath, BIN, 'store', 'check'], { env }, (err, stdout) => {
          resolve({ code: err ? Number((err as { code?: number }).code) : 0, screen: stdout });
        });
      });
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).toContain(`Password for user ${ROLE}`);
      expect(r.screen).toMatch(/: ok \(\d+ prospects/);
      expect(r.screen).not.toContain(PASSWORD);
    });
  });
});
