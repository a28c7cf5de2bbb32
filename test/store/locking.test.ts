// Fault tests with real processes for the store's lock (an flock on `<real store path>.lock`): concurrent writers,
// a held lock, a holder killed or paused while many wait, one store reached through two paths, odd lock files.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync, lstatSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileStore } from '../../src/store/json-file.js';
import { lockFile } from '../../src/store/json/lock.js';
import { run, tempDir, tempStore } from '../helpers.js';
import { hasOpen, startPrecrm, waitUntil, writeLargeStore, type Spawned } from './fixtures.js';

const names = (store: string): string[] => JSON.parse(readFileSync(store, 'utf8')).prospects.map((p: { name: string }) => p.name);
// A deadline, not a measure: 32 waiters take the lock one after another, ~0.3 s each on a quiet machine, and
// at a load average of 30 the last of them waited over 60 s.
const WAIT = { PRECRM_LOCK_TIMEOUT: '300000' };

/** Holds the store's lock from this (test) process, as another precrm would; returns the release. */
async function holdLock(store: string): Promise<() => void> {
  const { flockSync } = await import('fs-ext');
  const fd = openSync(`${store}.lock`, 'a+', 0o600);
  flockSync(fd, 'exnb');
  return () => {
    unlinkSync(`${store}.lock`);
    closeSync(fd);
  };
}

/** Waits until every writer has the store's lock file open: each is trying for the lock. */
const untilAllAtTheLock = (store: string, writers: Spawned[]) =>
  waitUntil(`all ${writers.length} writers wait on the lock`, () => writers.every((w) => hasOpen(w.child.pid!, `${store}.lock`)));

/** Whether some process holds the store's lock (a lock folder is the proper-lockfile lock of an older precrm). */
async function lockIsHeld(store: string): Promise<boolean> {
  const { flockSync } = await import('fs-ext');
  const st = lstatSync(`${store}.lock`, { throwIfNoEntry: false });
  if (!st || st.isDirectory()) return Boolean(st);
  const fd = openSync(`${store}.lock`, 'r');
  try {
    flockSync(fd, 'exnb');
    return false;
  } catch {
    return true;
  } finally {
    closeSync(fd); // lets go at once if it was free
  }
}

/**
 * Starts `prospect add` on `store` and freezes it (SIGSTOP) while it holds the lock: the lock is polled until some
 * process holds it, the writer is stopped, and the lock checked again. (Stopping it as soon as the lock file
 * appears caught it, on a quiet machine, every time between creating the file and locking it.) A writer caught
 * just before taking the lock or just after releasing it is let go and another is started.
 */
async function frozenHolder(store: string, name: string): Promise<Spawned> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const holder = startPrecrm(store, ['prospect', 'add', name]);
    const deadline = Date.now() + 10_000;
    while (!(await lockIsHeld(store)) && Date.now() < deadline && holder.child.exitCode === null) { /* poll: the hold lasts milliseconds */ }
    holder.child.kill('SIGSTOP');
    if (await lockIsHeld(store)) return holder;
    holder.child.kill('SIGCONT');
    await holder.done;
  }
  throw new Error('never caught a writer holding the lock');
}

/** The touch notes of the store, and whether its touch ids are unique. */
function touchesOf(store: string): { notes: string[]; uniqueIds: boolean } {
  const doc = JSON.parse(readFileSync(store, 'utf8'));
  const ids = doc.touches.map((t: { id: number }) => t.id);
  return { notes: doc.touches.map((t: { note: string }) => t.note), uniqueIds: new Set(ids).size === ids.length };
}

describe('concurrent writers', () => {
  it('20 `prospect add` processes at once end with 20 records and unique ids', async () => {
    const store = (await tempStore());
    const runs = Array.from({ length: 20 }, (_, i) =>
      startPrecrm(store, ['prospect', 'add', `Person ${i}`, '--email', `p${i}@example.com`], WAIT).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const printed = results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    expect(printed).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.prospects).toHaveLength(20);
    expect(new Set(doc.prospects.map((p: { id: number }) => p.id)).size).toBe(20);
    expect(new Set(doc.prospects.map((p: { name: string }) => p.name)).size).toBe(20);
    expect(doc.nextId.prospect).toBe(21);
    expect(readdirSync(dirname(store))).toEqual(['store.json']); // no lock file, no temp file left
  }, 240_000);
});

describe('concurrent touches', () => {
  it('30 `touch log` processes on one prospect keep all 30 touches with unique ids', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const runs = Array.from({ length: 30 }, (_, i) =>
      startPrecrm(store, ['touch', 'log', 'ravi@example.com', 'greeting', `hello ${i}`], WAIT).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const printed = results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    expect(printed).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.touches).toHaveLength(30);
    expect(new Set(doc.touches.map((t: { id: number }) => t.id)).size).toBe(30);
    expect(doc.touches.map((t: { note: string }) => t.note).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `hello ${i}`).sort());
    expect(doc.touches.every((t: { prospectId: number }) => t.prospectId === 1)).toBe(true);
    expect(doc.nextId.touch).toBe(31);
    expect(existsSync(`${store}.lock`)).toBe(false);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  }, 240_000);
});

describe('a lock held by another process', () => {
  it('makes a writer that waits past PRECRM_LOCK_TIMEOUT exit 75 and write nothing', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    const release = await holdLock(store);
    try {
      const r = await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '400' }).done;
      expect(r.code).toBe(75);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: another precrm process has held the lock on .*store\.json for over 400 ms; try again later/);
      expect(readFileSync(store).equals(before)).toBe(true);
      // Readers do not need the lock.
      expect((await startPrecrm(store, ['prospect', 'list', '--json']).done).code).toBe(0);
    } finally {
      release();
    }
    expect((await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '400' }).done).stdout).toBe('2\n');
  });

  it('is waited for while it is held for less than the timeout', async () => {
    const store = (await tempStore());
    const release = await holdLock(store);
    const writer = startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '20000' });
    await waitUntil('the writer waits on the lock', () => hasOpen(writer.child.pid!, `${store}.lock`));
    expect(existsSync(store)).toBe(false);
    expect(writer.child.exitCode).toBeNull();
    release();
    expect(await writer.done).toMatchObject({ code: 0, stdout: '1\n' });
  });
});

describe('a holder that dies', () => {
  it('killed with SIGKILL while holding the lock: the kernel releases it and the next writer goes on at once', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 2000);
    const victim = await frozenHolder(store, 'Victim');
    victim.child.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');
    expect(existsSync(`${store}.lock`)).toBe(true); // left behind, but no longer locked by anyone
    // A proper-lockfile lock stayed taken until it went stale (10 s): this writer would have timed out.
    const next = await startPrecrm(store, ['prospect', 'add', 'Next'], { PRECRM_LOCK_TIMEOUT: '3000' }).done;
    expect(next, next.stderr).toMatchObject({ code: 0 });
    // Writers let go while looking for one that holds the lock may have added a Victim or two; the killed one did not.
    expect(names(store).slice(2000).filter((n) => n !== 'Victim')).toEqual(['Next']);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }, 240_000);

  it.each([1, 2, 3])('killed with SIGKILL while 32 writers wait (round %i): every writer that exits 0 has its touch stored, ids unique', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 2000);
    const holder = await frozenHolder(store, 'Holder');
    const waiters = Array.from({ length: 32 }, (_, i) => startPrecrm(store, ['-q', 'touch', 'log', '1', 'greeting', `waiter ${i}`], WAIT));
    await untilAllAtTheLock(store, waiters);
    holder.child.kill('SIGKILL');
    await holder.done;
    const results = await Promise.all(waiters.map((w) => w.done));
    const { notes, uniqueIds } = touchesOf(store);
    results.forEach((r, i) => {
      expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
      expect(notes).toContain(`waiter ${i}`);
    });
    expect(uniqueIds).toBe(true);
    expect(new Set(results.map((r) => r.stdout)).size).toBe(32); // no touch id printed twice
    expect(notes).toHaveLength(32);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  }, 360_000);
});

describe('a holder that pauses', () => {
  it('SIGSTOPped with a lock file older than any stale time keeps its lock; no write is lost', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 2000);
    const holder = await frozenHolder(store, 'Paused');
    // An hour old: a lock judged stale by its age (as proper-lockfile's was, after 10 s) would be taken at once.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(`${store}.lock`, anHourAgo, anHourAgo);
    const waiters = Array.from({ length: 5 }, (_, i) => startPrecrm(store, ['touch', 'log', '1', 'call', `waiter ${i}`], WAIT));
    await untilAllAtTheLock(store, waiters);
    // Nobody took the paused holder's lock.
    expect(waiters.map((w) => w.child.exitCode)).toEqual([null, null, null, null, null]);
    expect(touchesOf(store).notes).toEqual([]);
    holder.child.kill('SIGCONT');
    const all = await Promise.all([holder.done, ...waiters.map((w) => w.done)]);
    for (const r of all) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(names(store).slice(2000).at(-1)).toBe('Paused'); // earlier ones: writers let go by frozenHolder
    expect(touchesOf(store).notes.sort()).toEqual(['waiter 0', 'waiter 1', 'waiter 2', 'waiter 3', 'waiter 4']);
  }, 240_000);
});

describe('one store through two paths', () => {
  it('writers through a symlink and through the real path at once share one lock: all 20 writes kept', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'store.json');
    const link = join(dir, 'link.json');
    symlinkSync(join('real', 'store.json'), link); // dangling until the first write creates the store
    const runs = Array.from({ length: 20 }, (_, i) =>
      startPrecrm(i % 2 ? link : real, ['prospect', 'add', `Person ${i}`], WAIT).done);
    for (const r of await Promise.all(runs)) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(names(real).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Person ${i}`).sort());
    expect(lstatSync(link).isSymbolicLink()).toBe(true); // written through, not replaced
    expect(readdirSync(join(dir, 'real'))).toEqual(['store.json']);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real']);
  }, 240_000);
});

describe('a lock path that is not a lock file', () => {
  it('an empty lock folder (the lock of an older precrm) is replaced at once', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    mkdirSync(`${store}.lock`);
    const r = await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '2000' }).done;
    expect(r).toMatchObject({ code: 0, stdout: '2\n' });
    expect(names(store)).toEqual(['Ravi', 'Anna']);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('30 waiters at once on an empty lock folder, 25 rounds: the folder is replaced once, every waiter gets the lock', async () => {
    // Started one event-loop turn apart, so that later waiters' opens land between earlier ones' readdir and
    // rmdir: a waiter whose readdir finds the folder already gone is then the rule, not a rare accident.
    for (let round = 0; round < 25; round++) {
      const lock = join(tempDir(), 'store.json.lock');
      mkdirSync(lock);
      const takes: Promise<void>[] = [];
      for (let i = 0; i < 30; i++) {
        takes.push(lockFile(lock, 'store.json', { timeoutMs: 20_000 }).then((held) => held.release()));
        await new Promise((r) => setImmediate(r));
      }
      const failed = (await Promise.allSettled(takes)).filter((t) => t.status === 'rejected');
      expect(failed.length, `round ${round}: ${failed.map((f) => String((f as PromiseRejectedResult).reason)).join('; ')}`).toBe(0);
      expect(existsSync(lock)).toBe(false);
    }
  });

  it('30 writer processes at once on an empty lock folder: all exit 0 and all 30 records are kept', async () => {
    for (let round = 0; round < 1; round++) {
      const store = await tempStore();
      mkdirSync(`${store}.lock`);
      const runs = await Promise.all(Array.from({ length: 30 }, (_, i) => startPrecrm(store, ['prospect', 'add', `Person ${i}`], WAIT).done));
      for (const r of runs) expect(r.code, `round ${round}: ${r.stderr}`).toBe(0);
      expect(names(store).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `Person ${i}`).sort());
    }
  }, 240_000);

  const odd: [string, (lock: string) => void, string][] = [
    ['a folder with files in it', (lock) => { mkdirSync(lock); writeFileSync(join(lock, 'notes.txt'), 'mine'); }, 'a folder with files in it'],
    ['a symbolic link', (lock) => symlinkSync('/etc/hostname', lock), 'a symbolic link'],
    ['a named pipe', (lock) => execFileSync('mkfifo', [lock]), 'a named pipe'],
  ];
  it.each(odd)('%s: exit 73 naming the lock and what to do, everything left as it was', async (_what, make, kind) => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    make(`${store}.lock`);
    const r = await run(store, ['prospect', 'add', 'Anna'], { env: { PRECRM_LOCK_TIMEOUT: '500' } });
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(`error: the store's lock ${store}.lock is ${kind}, not a lock file precrm made; move it away (precrm makes a new one), then try again\n`);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(existsSync(`${store}.lock`) || lstatSync(`${store}.lock`).isSymbolicLink()).toBe(true);
    rmSync(`${store}.lock`, { recursive: true });
    expect((await run(store, ['prospect', 'add', 'Anna'])).code).toBe(0);
  });
});

describe('a lock file deleted under its holder', () => {
  it('fails the write cleanly with exit 75 and leaves the file as it was', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    const backend = new JsonFileStore(store, {
      lockTimeoutMs: 1000,
      // Someone deletes the lock file while we hold it: another process could now lock a new one.
      beforeWrite: async () => rmSync(`${store}.lock`),
    });
    const attempt = backend.update((doc) => { doc.prospects.length = 0; });
    await expect(attempt).rejects.toMatchObject({ exitCode: 75, message: expect.stringMatching(/^lost the lock on .*; nothing was written/) });
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  });
});
