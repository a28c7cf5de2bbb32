// A nearly full disk: the write of the new store fits only in part. The write must be refused whole (exit 73,
// "disk full"), never a short temp file renamed over the store. Seen before: a 31 KB store on a file system with
// 16 KB free was cut to exactly 16 KB with exit 0, and every later command exited 65.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { writeLargeStore } from './fixtures.js';
import { NEEDS_ROOT, canUseMounts, freeBytes, mountTmpfs } from './mounts.js';

/** A store of about `bytes` bytes in `dir` (whole prospects of writeLargeStore). */
function storeOfAbout(dir: string, bytes: number): string {
  const store = join(dir, 'store.json');
  writeLargeStore(store, 1);
  const one = statSync(store).size;
  writeLargeStore(store, 11);
  const each = (statSync(store).size - one) / 10;
  writeLargeStore(store, 1 + Math.ceil((bytes - one) / each));
  return store;
}

/** Fills the file system until exactly `leave` bytes stay free. */
function fillTo(dir: string, leave: number): void {
  writeFileSync(join(dir, 'filler'), Buffer.alloc(freeBytes(dir) - leave));
  expect(freeBytes(dir)).toBe(leave);
}

describe.skipIf(!canUseMounts)(`a disk with some but not enough free space (${NEEDS_ROOT})`, () => {
  it('refuses the write with 73 "disk full", keeps the store byte for byte and leaves no temp file', async () => {
    const dir = mountTmpfs('size=128k');
    const store = storeOfAbout(dir, 31 * 1024);
    expect(statSync(store).size).toBeGreaterThan(30 * 1024);
    const before = readFileSync(store);
    fillTo(dir, 16 * 1024);

    for (const args of [['prospect', 'add', 'Ravi'], ['touch', 'log', '1', 'greeting', 'hello']]) {
      const r = await run(store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: cannot write the store .*store\.json: the disk is full \(ENOSPC: no space left on device\)/);
      expect(r.stderr).not.toMatch(/permission/);
      expect(readFileSync(store).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['filler', 'store.json']);
    }
    expect((await run(store, ['store', 'check'])).code).toBe(0);

    // Once there is room again, the same write goes through.
    rmSync(join(dir, 'filler'));
    const again = await run(store, ['touch', 'log', '1', 'greeting', 'hello']);
    expect(again).toMatchObject({ code: 0, stdout: '1\n' });
    expect(JSON.parse(readFileSync(store, 'utf8')).touches).toHaveLength(1);
  });

  it('through the built binary too: exit 73, and every later command still reads the store', async () => {
    const { spawnPrecrm } = await import('../helpers.js');
    const dir = mountTmpfs('size=128k');
    const store = storeOfAbout(dir, 31 * 1024);
    const before = readFileSync(store);
    fillTo(dir, 16 * 1024);
    const r = await spawnPrecrm(['touch', 'log', '1', 'call'], { env: { PRECRM_STORE: store } });
    expect(r.code, r.stderr).toBe(73);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect((await spawnPrecrm(['prospect', 'list', '--json'], { env: { PRECRM_STORE: store } })).code).toBe(0);
  });
});
