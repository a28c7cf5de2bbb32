// The SQLite fault tests (sqlite/faults.test.ts) on PostgreSQL: a writer killed (SIGKILL) or paused (SIGSTOP) inside
// its transaction while other precrm writers wait on its row locks. The server does the work — it rolls back a
// dropped connection's transaction, and a paused one simply keeps its locks — so what is tested is what a user
// would notice: every waiter exits 0, no write is lost, and the ids are 1..N with none skipped.
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers.js';
import { asAdmin, freshDatabase } from '../../pg.js';
import { expectWaitersKeptHolderGone, startHolder, touchIds, touches, upTo, waitUntil, waiter } from '../fixtures.js';

const WAIT = { PRECRM_LOCK_TIMEOUT: '60000' };

/**
 * Another writer inside its transaction, halfway through what `touch log ravi` does: prospect 1 locked, a touch id
 * taken from the counter (its row locked too), the touch inserted and the prospect's notes changed, not committed.
 * It commits when told (`go()`).
 */
function holder(url: string) {
  const code = `
    const pg = require('pg');
    const db = new pg.Client({ connectionString: process.argv[1] });
    (async () => {
      await db.connect();
      await db.query('BEGIN');
      await db.query('SELECT id FROM prospects WHERE id = 1 FOR UPDATE');
      const { rows } = await db.query("UPDATE counters SET next_id = next_id + 1 WHERE kind = 'touch' RETURNING next_id - 1 AS id");
      await db.query("INSERT INTO touches (id, prospect_id, type, at, note, logged_by) VALUES ($1, 1, 'call', '2026-03-10T11:00:00.000Z', 'from the holder', 'holder')", [rows[0].id]);
      await db.query("UPDATE prospects SET notes = 'from the holder' WHERE id = 1");
      process.stdout.write('held\\n');
      process.stdin.once('data', async () => { await db.query('COMMIT'); await db.end(); process.exit(0); });
      process.stdin.on('end', () => process.exit(0));
    })();`;
  return startHolder(code, [url]);
}

async function storeWithRavi(): Promise<{ name: string; url: string }> {
  const db = await freshDatabase();
  const r = await run(db.url, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

/** How many sessions on `database` wait for a lock (row, tuple or transaction) right now. */
const waitingOnLocks = (database: string) =>
  asAdmin(async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [database])).rows[0].n as number);

/** Polls until `n` sessions wait on locks, so the holder is killed or paused with all its waiters queued behind it. */
const untilWaiting = (database: string, n: number) =>
  waitUntil(`${n} writers wait on the holder's locks`, async () => (await waitingOnLocks(database)) >= n);


describe('PostgreSQL: a writer killed or paused while other writers wait on its row locks', () => {
  it('killed with SIGKILL: its change is rolled back, and all 20 waiters exit 0 with their touches stored, ids 1..20', async () => {
    const { name, url } = await storeWithRavi();
    const h = holder(url);
    await h.held;
    const waiters = upTo(20).map((i) => waiter(url, i, WAIT).done);
    await untilWaiting(name, 20);
    h.child.kill('SIGKILL');
    await h.done;
    await expectWaitersKeptHolderGone(url, await Promise.all(waiters), 20);
  }, 180_000);

  it('paused with SIGSTOP: nobody gets past its locks; it commits when resumed, and no waiter loses its write', async () => {
    const { name, url } = await storeWithRavi();
    const h = holder(url);
    await h.held;
    h.child.kill('SIGSTOP');
    const waiters = upTo(10).map((i) => waiter(url, i, WAIT).done);
    await untilWaiting(name, 10);
    expect(await touches(url)).toEqual([]); // nothing committed: the holder and all ten waiters are still inside
    expect(await waitingOnLocks(name)).toBe(10);
    h.child.kill('SIGCONT');
    h.go();
    await h.done;
    const results = await Promise.all(waiters);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    // The holder took touch id 1; the waiters the ids after it, none skipped.
    expect(touchIds(results.map((r) => r.stdout))).toEqual(upTo(10, 2));
    const stored = await touches(url);
    expect(stored.map((t) => t.id).sort((a, b) => a - b)).toEqual(upTo(11));
    expect(stored.find((t) => t.id === 1)?.note).toBe('from the holder');
    // Each waiter read the prospect after the holder's commit (FOR UPDATE), so writing it back kept the holder's notes.
    expect(JSON.parse((await run(url, ['prospect', 'show', '1', '--json'])).stdout).notes).toBe('from the holder');
    expect((await run(url, ['store', 'check'])).code).toBe(0);
  }, 180_000);
});
