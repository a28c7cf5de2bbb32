// Connections kept between stores of one process (the PostgreSQL command tests turn it on): the next store of the
// same database, role and password reuses the session, one the server ended meanwhile is replaced by a new connection, a
// session left inside a transaction is never kept, and another role or database never gets it.
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { keepConnections } from '../../../src/store/postgres/kept.js';
import { run } from '../../helpers.js';
import { asAdmin, freshDatabase } from '../../pg.js';
import { TEST_OPEN_OPTIONS } from '../../backends.js';

const open = (url: string) => new PostgresStore(url, { ...TEST_OPEN_OPTIONS, env: {}, homedir: '/nonexistent', osUser: 'osuser' });

/** The server process of the session a store's commands run on. */
async function sessionOf(store: PostgresStore): Promise<number> {
  return (await (await store.client()).query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

/** The server process of the session the next store of `url` gets (the store is closed again). */
async function nextSession(url: string): Promise<number> {
  const store = open(url);
  try {
    return await sessionOf(store);
  } finally {
    await store.close();
  }
}

afterEach(() => keepConnections(false));

describe('kept connections', () => {
  it('the next store of the same database reuses the session, and reads what the last one wrote', async () => {
    await keepConnections(true);
    const { url } = await freshDatabase();
    expect((await run(url, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    const first = await nextSession(url);
    expect(await nextSession(url)).toBe(first);
    const r = await run(url, ['prospect', 'list', '--json']);
    expect(JSON.parse(r.stdout).map((p: { name: string }) => p.name)).toEqual(['Ravi']);
    expect(await nextSession(url)).toBe(first);
  });

  it('a kept session the server ended is replaced, and the command goes on as if nothing happened', async () => {
    await keepConnections(true);
    const { url } = await freshDatabase();
    const first = await nextSession(url);
    await asAdmin((c) => c.query('SELECT pg_terminate_backend($1)', [first]));
    const r = await run(url, ['prospect', 'add', 'Ravi']);
    expect(r).toMatchObject({ code: 0, stderr: 'added prospect 1 (Ravi)\n' });
    expect(await nextSession(url)).not.toBe(first);
  });

  it('a session left inside a transaction is closed, not kept', async () => {
    await keepConnections(true);
    const { url } = await freshDatabase();
    const store = open(url);
    const first = await sessionOf(store);
    await (await store.client()).query('BEGIN');
    await store.close();
    expect(await nextSession(url)).not.toBe(first);
  });

  it('another database gets a session of its own, a wrong password never rides on a kept one; keeping off closes each', async () => {
    await keepConnections(true);
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    const first = await nextSession(a.url);
    expect(await nextSession(b.url)).not.toBe(first);
    const wrong = new URL(a.url);
    wrong.password = 'not-the-password';
    const refused = await run(wrong.toString(), ['prospect', 'list']);
    expect(refused.code, refused.stderr).toBe(77);
    expect(await nextSession(a.url)).toBe(first);
    await keepConnections(false);
    expect(await nextSession(a.url)).not.toBe(first);
  });
});
