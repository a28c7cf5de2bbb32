// Connecting to a real server: each failure is one line with exit 69 (unreachable, unknown database, TLS refused,
// no answer in time) or 77 (password refused or missing, no permission to connect), and never shows the password.
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../../src/domain/errors.js';
import { connect } from '../../../src/store/postgres/connect.js';
import { connectError } from '../../../src/store/postgres/errors.js';
import { pgSettings } from '../../../src/store/postgres/settings.js';
import { tempDir } from '../../helpers.js';
import { asAdmin, freshDatabase, loginRoleAndDatabase, pgAdminUrl, pgUrlFor } from '../../pg.js';

const PASSWORD = 'Pa55-w0rd-never-shown';
const ROLE = `precrm_conn_${process.pid}`;

async function tryConnect(url: string, opts: { env?: Record<string, string>; timeoutMs?: number; homedir?: string } = {}) {
  const env = opts.env ?? {};
  const s = pgSettings(url, { env, osUser: 'osuser' });
  try {
    const client = await connect(s, { timeoutMs: opts.timeoutMs ?? 5_000, env, homedir: opts.homedir ?? '/nonexistent' });
    const { rows } = await client.query('select current_user as who');
    await client.end();
    return { ok: true as const, who: rows[0].who as string };
  } catch (err) {
    return { ok: false as const, err: err as PrecrmError };
  }
}

function expectRefusal(r: Awaited<ReturnType<typeof tryConnect>>, code: number, message: RegExp) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.err).toBeInstanceOf(PrecrmError);
  expect({ code: r.err.exitCode, message: r.err.message }).toMatchObject({ code, message: expect.stringMatching(message) });
  expect(r.err.message).not.toContain(PASSWORD);
  expect(r.err.message).not.toContain('\n');
}

const fixture = loginRoleAndDatabase(ROLE, PASSWORD);

const roleUrl = (password = PASSWORD, database = fixture.database()) => pgUrlFor(database, { user: ROLE, password });

describe('connect', () => {
  it('connects with the URL password, and with PGPASSWORD or ~/.pgpass when the URL has none', async () => {
    expect(await tryConnect(roleUrl())).toEqual({ ok: true, who: ROLE });
    const bare = roleUrl().replace(`:${PASSWORD}@`, '@');
    expect(await tryConnect(bare, { env: { PGPASSWORD: PASSWORD } })).toEqual({ ok: true, who: ROLE });
    const home = tempDir();
    writeFileSync(join(home, '.pgpass'), `# precrm\n127.0.0.1:*:${fixture.database()}:${ROLE}:${PASSWORD}\n`);
    chmodSync(join(home, '.pgpass'), 0o600);
    expect(await tryConnect(bare, { homedir: home })).toEqual({ ok: true, who: ROLE });
  });

  it('wrong password → 77, naming the user and the redacted URL', async () => {
    const r = await tryConnect(roleUrl('not-it'));
    expectRefusal(r, EXIT.noPerm, new RegExp(`refused the password of user "${ROLE}" for postgres://${ROLE}:\\*\\*\\*@127\\.0\\.0\\.1:\\d+/${fixture.database()}`));
  });

  it('no password anywhere → 77', async () => {
    expectRefusal(await tryConnect(roleUrl().replace(`:${PASSWORD}@`, '@')), EXIT.noPerm, /asks for a password .* URL, PGPASSWORD or ~\/\.pgpass/);
  });

  it('unknown database → 69', async () => {
    expectRefusal(await tryConnect(roleUrl(PASSWORD, 'no_such_shop')), EXIT.unavailable, /has no database "no_such_shop"/);
  });

  it('a role that may not connect to the database → 77', async () => {
    const locked = (await freshDatabase()).name;
    await asAdmin((c) => c.query(`REVOKE CONNECT ON DATABASE ${locked} FROM PUBLIC`));
    expectRefusal(await tryConnect(roleUrl(PASSWORD, locked)), EXIT.noPerm, new RegExp(`may not connect to database "${locked}"`));
  });

  it('server down → 69', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const url = `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${fixture.database()}`;
    expectRefusal(await tryConnect(url), EXIT.unavailable, new RegExp(`cannot reach the PostgreSQL server at 127\\.0\\.0\\.1:${port} .*connection refused`));
  });

  it('TLS refused: sslmode=require on a server without TLS → 69; prefer falls back to plain', async () => {
    expectRefusal(await tryConnect(`${roleUrl()}?sslmode=require`), EXIT.unavailable, /refused TLS, which sslmode=require requires/);
    expect(await tryConnect(`${roleUrl()}?sslmode=prefer`)).toEqual({ ok: true, who: ROLE });
  });

  describe('a server that never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((s) => sockets.push(s));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up after PRECRM_CONNECT_TIMEOUT → 69', async () => {
      const port = (silent.address() as { port: number }).port;
      const r = await tryConnect(`postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${fixture.database()}?sslmode=disable`, { timeoutMs: 300 });
      expectRefusal(r, EXIT.unavailable, /no answer from the PostgreSQL server at 127\.0\.0\.1:\d+ .* within 300 ms/);
    });
  });

  it('an unknown host → 69 (mapped from the resolver error)', () => {
    const s = pgSettings('postgres://mitra:hunter2@no-such-host.example/shop', { env: {}, osUser: 'x' });
    const err = connectError(Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.example'), { code: 'ENOTFOUND' }), s, 10_000);
    expect({ code: err.exitCode, message: err.message }).toEqual({
      code: EXIT.unavailable,
      message: 'cannot find the host "no-such-host.example" of postgres://mitra:***@no-such-host.example/shop: check the host name in the store URL',
    });
  });

  it('the admin URL of the test server works (sanity)', async () => {
    expect((await tryConnect(pgAdminUrl())).ok).toBe(true);
  });
});
