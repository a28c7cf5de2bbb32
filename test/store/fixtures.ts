// Fixtures for the fault tests: large stores and real precrm processes that can be killed mid-write.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/types.js';
import { BIN, run, type RunResult } from '../helpers.js';

/** A valid store with `count` prospects (ids 1..count), written directly: building it through precrm would be slow. */
export function writeLargeStore(path: string, count: number): void {
  const at = '2026-01-05T17:10:00.000Z';
  const prospects = Array.from({ length: count }, (_, i) => ({
    id: i + 1, name: `Prospect ${i + 1}`, description: null, email: `p${i + 1}@example.com`, phone: null, company: null,
    source: 'walk-in', stage: 'interested', stageHistory: [{ stage: 'interested', at }], tags: ['bulk'], owner: null,
    referredBy: null, doNotContact: false, consent: [], cadenceDays: null, lostReason: null, followUp: null, fields: {},
    conversion: null, notes: 'a note long enough to make the file take a while to write', forgottenAt: null,
    createdAt: at, updatedAt: at,
  }));
  const doc = { schema: SCHEMA_VERSION, nextId: { prospect: count + 1, touch: 1, survey: 1, response: 1, purchase: 1, tally: 1, occasion: 1 }, prospects, touches: [], purchases: [], surveys: [], responses: [], suppression: { secret: null, entries: [] }, tallies: [], occasions: [] };
  writeFileSync(path, JSON.stringify(doc), { mode: 0o600 });
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Spawned { child: ChildProcess; done: Promise<RunResult & { signal: NodeJS.Signals | null }> }

/** Starts bin/precrm on `store` without waiting for it. */
export function startPrecrm(store: string, args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...(process.env as Record<string, string>), NODE_ENV: 'production', PRECRM_STORE: store, PRECRM_USER: 'tester', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const done = new Promise<RunResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * A pause of `ms`: only for a kill at a random moment (crash tests), never to wait for something to happen — a
 * loaded machine makes any fixed wait too short; waitUntil waits for the thing itself.
 */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` (every `everyMs`) until it holds; after `ms` without it, fails saying what never happened. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, ms = 60_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms, but never: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Whether some process holds the SQLite store's write lock: a BEGIN IMMEDIATE of ours is refused at once. */
export async function sqliteWriteLocked(store: string): Promise<boolean> {
  const { default: Database } = await import('better-sqlite3');
  const probe = new Database(store, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}

/** `path` with its folder's symlinks resolved, as /proc shows a process's open files. */
const realFile = (path: string) => join(realpathSync(dirname(path)), basename(path));

/** Whether process `pid` has `path` open (Linux: its /proc fd links): a writer that has reached the store's lock file. */
export function hasOpen(pid: number, path: string): boolean {
  const want = realFile(path);
  const fds = `/proc/${pid}/fd`;
  try {
    return readdirSync(fds).some((fd) => { try { return readlinkSync(join(fds, fd)) === want; } catch { return false; } });
  } catch {
    return false;
  }
}

/**
 * Whether process `pid` sleeps in SQLite's busy handler right now: refused the write lock, it sleeps (nanosleep)
 * between tries; a Node process otherwise waits in epoll. Linux's /proc/<pid>/syscall tells which.
 */
export function inBusyWait(pid: number): boolean {
  try {
    return ['35', '230'].includes(readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]!);
  } catch {
    return false;
  }
}

/** Waits until every one of `children` has been seen in SQLite's busy wait at least once: all are queued on the lock. */
export async function untilAllBusyWaiting(children: ChildProcess[]): Promise<void> {
  const seen = new Set<number>();
  await waitUntil(`all ${children.length} writers wait on the SQLite lock`, () => {
    for (const c of children) if (c.pid !== undefined && inBusyWait(c.pid)) seen.add(c.pid);
    return seen.size === children.length;
  });
}

// ---- writers racing a lock holder that is killed or paused (sqlite/faults.test.ts, postgres/faults.test.ts)

/** 1..n, or from..from + n - 1. */
export const upTo = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

/** The touch ids `touch log -q` printed, in order. */
export const touchIds = (stdouts: string[]) => stdouts.map((s) => Number(s.trim())).sort((a, b) => a - b);

export async function touches(store: string): Promise<{ id: number; note: string }[]> {
  return JSON.parse((await run(store, ['touch', 'list', '--json'])).stdout);
}

/** One of the writers that wait on the holder: logs a touch on prospect 1 with the note `waiter i`. */
export const waiter = (store: string, i: number, env: Record<string, string>): Spawned =>
  startPrecrm(store, ['-q', 'touch', 'log', 'ravi', 'greeting', `waiter ${i}`], env);

/**
 * After `n` waiters raced a holder that was killed: every one exited 0, the touch ids are exactly 1..n (the dead
 * writer's id went back with its transaction), every waiter's note is stored, the holder's change to the prospect
 * is gone, and `store check` passes.
 */
export async function expectWaitersKeptHolderGone(store: string, results: RunResult[], n: number): Promise<void> {
  for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
  expect(touchIds(results.map((r) => r.stdout))).toEqual(upTo(n));
  expect((await touches(store)).map((t) => t.note).sort()).toEqual(upTo(n).map((i) => `waiter ${i}`).sort());
  expect(JSON.parse((await run(store, ['prospect', 'show', '1', '--json'])).stdout).notes).toBeNull();
  expect((await run(store, ['store', 'check'])).code).toBe(0);
}

/**
 * A lock holder: `node -e code` run from the repository root (so it can require the drivers), which prints a line
 * once it holds its locks. `held` settles then; `done` when the process has ended (killed or finished). `go()`
 * writes a line to its stdin: a holder that ends its transaction on that line ends it when the test says, not
 * after a time a loaded machine can outlast (stdin closes, and it may exit, when the test's process ends).
 */
export function startHolder(code: string, args: string[]): { child: ChildProcess; held: Promise<void>; done: Promise<void>; go: () => void } {
  const child = spawn(process.execPath, ['-e', code, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => resolve());
    child.on('exit', () => reject(new Error('the holder ended before taking its locks')));
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, held, done, go: () => child.stdin!.write('go\n') };
}
