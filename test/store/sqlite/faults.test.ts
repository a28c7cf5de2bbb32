// The JSON store's fault tests, on a SQLite store: a write-lock holder killed or paused while writers wait, one
// store reached through a symlink and its real path at once, and a nearly full disk. SQLite's own locks do the
// work (no lock file, nothing stale to break): what is tested is that precrm loses no write and keeps the store.
import { existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../../helpers.js';
import { expectWaitersKeptHolderGone, startHolder, startPrecrm, touchIds, touches, untilAllBusyWaiting, upTo, waiter } from '../fixtures.js';
import { NEEDS_ROOT, canUseMounts, freeBytes, mountTmpfs } from '../mounts.js';

const WAIT = { PRECRM_LOCK_TIMEOUT: '60000' };

/**
 * Another process holding the store's write lock (BEGIN IMMEDIATE) with a change of its own not yet committed; it
 * commits when told (`go()`).
 */
function holder(store: string) {
  const code = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE prospects SET notes = 'from the holder' WHERE id = 1").run();
    process.stdout.write('held\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
    process.stdin.on('end', () => process.exit(0));`;
  return startHolder(code, [store]);
}

async function storeWithRavi(dir = tempDir()): Promise<string> {
  const store = join(dir, 'shop.db');
  expect((await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com'])).code).toBe(0);
  return store;
}

describe('SQLite: a write-lock holder that dies or pauses while writers wait', () => {
  it('killed with SIGKILL: its change is gone, and all 20 waiters exit 0 with their touches stored, ids 1..20', async () => {
    const store = await storeWithRavi();
    const h = holder(store);
    await h.held;
    const waiters = upTo(20).map((i) => waiter(store, i, WAIT));
    await untilAllBusyWaiting(waiters.map((w) => w.child));
    h.child.kill('SIGKILL');
    await h.done;
    await expectWaitersKeptHolderGone(store, await Promise.all(waiters.map((w) => w.done)), 20);
  }, 120_000);

  it('paused with SIGSTOP: nobody takes its lock; it commits when resumed, and no waiter loses its write', async () => {
    const store = await storeWithRavi();
    const h = holder(store);
    await h.held;
    h.child.kill('SIGSTOP');
    const waiters = upTo(10).map((i) => waiter(store, i, WAIT));
    // Each has asked for the lock, been refused, and sleeps between tries: none got past the paused holder.
    await untilAllBusyWaiting(waiters.map((w) => w.child));
    expect(await touches(store)).toEqual([]);
    expect(waiters.map((w) => w.child.exitCode)).toEqual(upTo(10).map(() => null));
    h.child.kill('SIGCONT');
    h.go();
    await h.done;
    const results = await Promise.all(waiters.map((w) => w.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(touchIds(results.map((r) => r.stdout))).toEqual(upTo(10));
    expect((await touches(store))).toHaveLength(10);
    expect(JSON.parse((await run(store, ['prospect', 'show', '1', '--json'])).stdout).notes).toBe('from the holder');
  }, 120_000);
});

describe('SQLite: one store through two paths', () => {
  it('writers through a symlink and through the real path at once keep all 20 writes; the WAL stays beside the real file', async () => {
    const store = await storeWithRavi();
    const other = tempDir();
    const link = join(other, 'link.db');
    symlinkSync(store, link);
    const writers = upTo(20).map((i) => startPrecrm(i % 2 ? link : store, ['-q', 'touch', 'log', 'ravi', 'visit', `writer ${i}`], WAIT).done);
    const results = await Promise.all(writers);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(touchIds(results.map((r) => r.stdout))).toEqual(upTo(20));
    expect(await touches(link)).toHaveLength(20);
    expect(readdirSync(other)).toEqual(['link.db']);
  }, 120_000);
});

describe.skipIf(!canUseMounts)(`SQLite: a disk with some but not enough free space (${NEEDS_ROOT})`, () => {
  it('refuses the import with 73 "disk full" and leaves the store as it was', async () => {
    const dir = mountTmpfs('size=1m');
    const store = await storeWithRavi(dir);
    const rows = ['name,email,notes', ...upTo(3000).map((i) => `Person ${i},p${i}@example.com,${'a note that takes room '.repeat(4)}`)];
    const csv = join(tempDir(), 'people.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(freeBytes(dir) - 64 * 1024));
    const r = await run(store, ['import', 'prospects', csv]);
    expect(r.code, r.stderr).toBe(73);
    expect(r.stderr).toMatch(/^error: cannot write the store .*shop\.db: the disk is full \(SQLITE_FULL[^)]*\); the store was left as it was/);
    expect(r.stderr).not.toMatch(/permission/);
    rmSync(join(dir, 'filler'));
    expect(JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout).map((p: { name: string }) => p.name)).toEqual(['Ravi']);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
    expect(existsSync(store)).toBe(true);
  }, 60_000);
});
