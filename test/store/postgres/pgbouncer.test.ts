// precrm through PgBouncer in transaction mode, where consecutive transactions of one client may run on different
// server connections and two server connections serve many clients: nothing may be carried in a session (named
// prepared statements, SET, session advisory locks). .ci/run installs pgbouncer (Debian); without it this skips.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { P } from '../contract.js';
import { tempDir } from '../../helpers.js';
import { freshDatabase, pgAdminUrl } from '../../pg.js';
import { waitUntil } from '../fixtures.js';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p));
const OPTIONS = { lockTimeoutMs: 20_000, connectTimeoutMs: 10_000, env: {}, homedir: '/nonexistent', osUser: 'tester' };

const freePort = () => new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = (srv.address() as { port: number }).port;
    srv.close(() => resolve(p));
  });
});

describe.skipIf(!PGBOUNCER)(`through PgBouncer in transaction mode${PGBOUNCER ? '' : ' (skipped: pgbouncer is not installed; .ci/run installs it)'}`, () => {
  let bouncer: ChildProcess;
  let port: number;
  let log = '';

  beforeAll(async () => {
    const admin = new URL(pgAdminUrl());
    port = await freePort();
    const dir = tempDir();
    const config = join(dir, 'pgbouncer.ini');
    writeFileSync(config, [
      '[databases]',
      `* = host=${admin.hostname} port=${admin.port} user=${decodeURIComponent(admin.username)} password=${decodeURIComponent(admin.password)}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'auth_type = any',
      'pool_mode = transaction',
      // Two server connections for all clients: consecutive transactions of a client land on either.
      'default_pool_size = 2',
      'max_client_conn = 100',
      'ignore_startup_parameters = extra_float_digits',
    ].join('\n'));
    chmodSync(dir, 0o755);
    chmodSync(config, 0o644);
    // PgBouncer refuses to run as root: as root, run it as the server's own user.
    const asUser = userInfo().uid === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) } : {};
    if ('uid' in asUser) chownSync(config, asUser.uid!, asUser.gid!);
    bouncer = spawn(PGBOUNCER!, [config], { ...asUser, stdio: ['ignore', 'pipe', 'pipe'] });
    bouncer.stdout!.on('data', (d) => { log += d; });
    bouncer.stderr!.on('data', (d) => { log += d; });
    await waitUntil('pgbouncer listens', () => /process up|listening on/i.test(log) || bouncer.exitCode !== null);
    expect(bouncer.exitCode, log).toBeNull();
  });

  afterAll(async () => {
    if (bouncer && bouncer.exitCode === null) {
      const exited = new Promise((r) => bouncer.on('exit', r));
      bouncer.kill('SIGINT');
      await exited;
    }
  });

  it('sets up, writes from ten stores at once, reads, dumps and checks, with nothing lost', async () => {
    const { name } = await freshDatabase();
    const url = `postgres://clerk@127.0.0.1:${port}/${name}`;
    const stores = Array.from({ length: 10 }, () => new PostgresStore(url, OPTIONS));
    try {
      const ids = await Promise.all(stores.flatMap((s, i) => [1, 2, 3].map((n) => s.transaction(async (tx) => {
        const dupes = await tx.findDuplicates({ emails: [`p${i}-${n}@example.com`] });
        if (dupes.length) throw new Error('duplicate');
        const id = await tx.takeId('prospect');
        await tx.insert('prospect', [P(id, { name: `store ${i} #${n}`, email: `p${i}-${n}@example.com` })]);
        return id;
      }))));
      expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const reader = stores[0]!;
      expect((await reader.listProspects()).length).toBe(30);
      expect(await reader.counters()).toMatchObject({ prospect: 31 });
      const batches = [];
      for await (const b of reader.dump()) batches.push(b);
      expect(batches.at(-1)).toMatchObject({ kind: 'counters' });
      expect(await reader.check()).toEqual([]);
    } finally {
      for (const s of stores) await s.close();
    }
    expect(log).not.toMatch(/prepared statement|ERROR/i);
  });
});
