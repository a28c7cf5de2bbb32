// The server ends precrm's connection mid-command (a shutdown, or an administrator's pg_terminate_backend): the
// command exits 69 with one line, whether the connection was waiting on a lock or sitting between two statements
// of a transaction — never 1 "unexpected internal error" with the driver's "not queryable".
import { describe, expect, it } from 'vitest';
import { EXIT, PrecrmError } from '../../../src/domain/errors.js';
import { PostgresStore } from '../../../src/store/postgres/store.js';
import { run } from '../../helpers.js';
import { asAdmin, freshDatabase } from '../../pg.js';
import { sleep, startPrecrm } from '../fixtures.js';

async function storeWithRavi(): Promise<{ name: string; url: string }> {
  const db = await freshDatabase();
  const r = await run(db.url, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

/** Waits (up to a deadline) until `probe` gives a value. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await sleep(50);
  }
}

const waitingPrecrm = (database: string) => until('precrm waits on the lock', () => asAdmin(async (c) => {
  const { rows } = await c.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'precrm' AND wait_event_type = 'Lock'", [database]);
  return rows[0]?.pid as number | undefined;
}));

const terminate = (pid: number) => asAdmin((c) => c.query('SELECT pg_terminate_backend($1)', [pid]));

describe('PostgreSQL: the server ends the connection mid-command', () => {
  it('while the command waits on a row lock → 69, one line', async () => {
    const { name, url } = await storeWithRavi();
    await asAdmin(async (holder) => {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM prospects WHERE id = 1 FOR UPDATE');
      const p = startPrecrm(url, ['touch', 'log', 'ravi', 'call', 'waiting'], { PRECRM_LOCK_TIMEOUT: '60000' });
      await terminate(await waitingPrecrm(name));
      const r = await p.done;
      await holder.query('ROLLBACK');
      expect(r.code, r.stderr).toBe(EXIT.unavailable);
      expect(r.stderr).toMatch(/^error: the PostgreSQL server at 127\.0\.0\.1:\d+ ended the connection/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }, name);
    expect(JSON.parse((await run(url, ['touch', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('between two statements of a transaction → 69 (a PrecrmError, not the driver’s "not queryable")', async () => {
    const { url } = await storeWithRavi();
    const store = new PostgresStore(url, { lockTimeoutMs: 5_000, connectTimeoutMs: 5_000, env: {}, homedir: '/nonexistent', osUser: 'x' });
    const client = await store.client();
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    let lost = false;
    client.on('error', () => { lost = true; });
    try {
      const outcome = await store.transaction(async (tx) => {
        await tx.getProspect(1);
        await terminate(pid);
        await until('the client hears of it', async () => (lost ? true : undefined));
        return tx.getProspect(1);
      }).then(() => 'committed', (err: unknown) => err);
      expect(outcome).toBeInstanceOf(PrecrmError);
      expect((outcome as PrecrmError).exitCode).toBe(EXIT.unavailable);
      expect((outcome as PrecrmError).message).toMatch(/ended the connection/);
    } finally {
      await store.close();
    }
  });
});
