// A store path that names something other than one regular file with one name is refused (73) before anything
// is read, on the JSON and the SQLite backend: a second hard link (a forked store, lost SQLite writes), a FIFO (an
// open that blocked and ignored signals), a device like /dev/zero (read until memory ran out), a folder, a socket.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, storeBytes, tempDir } from '../helpers.js';
import { startPrecrm } from './fixtures.js';

const KINDS = [['JSON', 'store.json'], ['SQLite', 'store.db']] as const;
const READS_AND_WRITES = [['prospect', 'list'], ['export', 'prospects'], ['store', 'check'], ['prospect', 'add', 'Anna'], ['touch', 'log', '1', 'call']];

/** Runs bin/precrm and fails the test unless it ends within `ms` (a process blocked on a FIFO is killed, not waited for). */
async function finishesWithin(ms: number, store: string, args: string[]) {
  const p = startPrecrm(store, args);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), ms);
  const r = await p.done.finally(() => clearTimeout(timer));
  expect(r.signal, `precrm ${args.join(' ')} did not finish within ${ms} ms`).toBeNull();
  return r;
}

const refusal = (path: string, kind: string) =>
  `error: the store ${path} is ${kind}, not a regular file; precrm did not read it — point --store (or PRECRM_STORE) at a store file\n`;

describe.each(KINDS)('a %s store with a second hard link', (_kind, name) => {
  it('is refused with 73 through either name, on reads and writes, and left as it was', async () => {
    const dir = tempDir();
    const store = join(dir, name);
    expect((await run(store, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    const other = join(dir, `other-${name}`);
    linkSync(store, other);
    const before = await storeBytes(store);
    for (const path of [store, other]) {
      for (const args of READS_AND_WRITES) {
        const r = await run(path, args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(73);
        expect(r.stderr).toBe(`error: the store ${path} has 2 hard links; precrm refuses it, as writes through one name can be lost through another — keep one name (remove the other links; use a symlink for a second path)\n`);
        expect(r.stdout).toBe('');
      }
    }
    expect((await storeBytes(store)).equals(before)).toBe(true);
    expect(statSync(store).nlink).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([name, `other-${name}`].sort()); // no -wal, lock or temp file of either name
  });
});

describe.each(KINDS)('a %s store path naming a special file', (_kind, name) => {
  it('a FIFO: 73 at once on reads and writes, never opened (no writer is ever needed to unblock it)', async () => {
    const store = join(tempDir(), name);
    execFileSync('mkfifo', [store]);
    for (const args of READS_AND_WRITES) {
      const r = await finishesWithin(5_000, store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stderr).toBe(refusal(store, 'a named pipe (FIFO)'));
    }
    expect(statSync(store).isFIFO()).toBe(true);
  });

  it('/dev/zero: 73 at once, nothing read', async () => {
    const store = name.endsWith('.db') ? 'sqlite:/dev/zero' : '/dev/zero';
    for (const args of [['prospect', 'list'], ['prospect', 'add', 'Anna']]) {
      const r = await finishesWithin(5_000, store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stderr).toBe(refusal('/dev/zero', 'a character device'));
    }
  });

  it('a folder: 73 on reads and writes, the folder left empty', async () => {
    const store = join(tempDir(), name);
    mkdirSync(store);
    for (const args of READS_AND_WRITES) {
      const r = await run(store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stderr).toBe(refusal(store, 'a folder'));
    }
    expect(readdirSync(store)).toEqual([]);
  });

  it('a socket: 73 on reads and writes', async () => {
    const store = join(tempDir(), name);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(store, resolve));
    try {
      for (const args of READS_AND_WRITES) {
        const r = await run(store, args);
        expect(r.code, r.stderr).toBe(73);
        expect(r.stderr).toBe(refusal(store, 'a socket'));
      }
    } finally {
      server.close();
    }
  });

  it('a symlink to a store file is still one store (a link is not a second name of the file)', async () => {
    const dir = tempDir();
    const store = join(dir, name);
    expect((await run(store, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    execFileSync('ln', ['-s', name, join(dir, `link-${name}`)]);
    expect((await run(join(dir, `link-${name}`), ['prospect', 'add', 'Anna'])).code).toBe(0);
    expect(JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout)).toHaveLength(2);
    if (name.endsWith('.json')) expect(JSON.parse(readFileSync(store, 'utf8')).prospects).toHaveLength(2);
  });
});
