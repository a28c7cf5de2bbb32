// A store that cannot be created or written exits 73 with a clear message and leaves any existing file intact.
// Tests run as root, which ignores file modes, so the failures are made real with mounts (mounts.ts): a read-only
// tmpfs and a tiny full one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';
import { writeLargeStore } from './fixtures.js';
import { NEEDS_ROOT, canUseMounts, mountTmpfs } from './mounts.js';

describe('a store path under a regular file', () => {
  it('exits 73 (ENOTDIR) and leaves the file alone', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'my notes\n');
    const r = await run(join(file, 'store.json'), ['prospect', 'add', 'Ravi']);
    expect(r.code).toBe(73);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: cannot write the store ${join(file, 'store.json')} (ENOTDIR: a part of the path is not a folder); check the path and its permissions, or use --store\n`);
    expect(readFileSync(file, 'utf8')).toBe('my notes\n');
  });
});

describe.skipIf(!canUseMounts)(`a read-only location (${NEEDS_ROOT})`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mountTmpfs('size=1m');
    mkdirSync(join(dir, 'crm'));
    writeLargeStore(join(dir, 'crm', 'store.json'), 3);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
  });

  it('refuses to write an existing store with 73 and keeps it byte for byte', async () => {
    const store = join(dir, 'crm', 'store.json');
    const before = readFileSync(store);
    const r = await run(store, ['prospect', 'add', 'Ravi']);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/^error: cannot write the store .*store\.json \(EROFS: read-only file system\)/);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'crm'))).toEqual(['store.json']);
    // Reading still works.
    expect((await run(store, ['prospect', 'list', '--json'])).code).toBe(0);
  });

  it('cannot create a new store there: 73', async () => {
    const r = await run(join(dir, 'new', 'store.json'), ['prospect', 'add', 'Ravi']);
    expect(r.code).toBe(73);
    expect(r.stderr).toContain('EROFS: read-only file system');
  });
});

describe.skipIf(!canUseMounts)(`a full disk (${NEEDS_ROOT})`, () => {
  it('exits 73 (ENOSPC), keeps the old store intact and leaves no temp file', async () => {
    const dir = mountTmpfs('size=512k');
    const store = join(dir, 'store.json');
    writeLargeStore(store, 300);
    const before = readFileSync(store);
    // Fill what is left of the disk.
    try {
      writeFileSync(join(dir, 'filler'), Buffer.alloc(1024 * 1024));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const r = await run(store, ['prospect', 'add', 'Ravi']);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/^error: cannot write the store .*store\.json: the disk is full \(ENOSPC: no space left on device\); the store was left as it was — free some space and try again\n$/);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['filler', 'store.json']);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });
});
