// A SQLite store at the edges of its file system: a disk 100% full, a folder the user may read but not write, a
// read-only mount, an empty file made by someone else. Reads must work wherever the file can be read (SQLite's
// -shm cannot be made or grown there), and a write that cannot happen says why in words a user acts on.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, tempDir, type RunResult } from '../../helpers.js';
import { NEEDS_ROOT, canUseMounts, freeBytes, mountTmpfs } from '../mounts.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const names = (r: RunResult) => JSON.parse(r.stdout).map((p: { name: string }) => p.name);

async function storeWithRavi(dir: string): Promise<string> {
  const store = join(dir, 'shop.db');
  expect((await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com'])).code).toBe(0);
  return store;
}

describe.skipIf(!canUseMounts)(`SQLite on a 100% full disk (${NEEDS_ROOT})`, () => {
  it('every write says the disk is full (73); store check, export and backup to elsewhere still work', async () => {
    const dir = mountTmpfs('size=512k');
    const store = await storeWithRavi(dir);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(freeBytes(dir)));
    expect(freeBytes(dir)).toBe(0);
    const before = readFileSync(store);
    for (const args of [['prospect', 'add', 'Anna'], ['touch', 'log', '1', 'call']]) {
      const r = await run(store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stderr).toMatch(/^error: cannot write the store .*shop\.db: the disk is full \(SQLITE_[A-Z_]+: no space left on device\); the store was left as it was — free some space and try again\n$/);
    }
    expect(readFileSync(store).equals(before)).toBe(true);

    const elsewhere = tempDir();
    const check = await run(store, ['store', 'check']);
    expect(check).toMatchObject({ code: 0, stderr: `${store}: ok (1 prospect, 0 touches, 0 surveys, 0 responses)\n` });
    const exported = await run(store, ['export', 'prospects', '-o', join(elsewhere, 'people.csv')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(elsewhere, 'people.csv'), 'utf8')).toContain('Ravi,ravi@example.com');
    const backup = join(elsewhere, 'copy.db');
    const backedUp = await run(store, ['store', 'backup', backup]);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(names(await run(backup, ['prospect', 'list', '--json']))).toEqual(['Ravi']);
    expect(names(await run(store, ['prospect', 'list', '--json']))).toEqual(['Ravi']);

    rmSync(join(dir, 'filler'));
    expect((await run(store, ['prospect', 'add', 'Anna'])).code).toBe(0);
  });
});

describe.skipIf(!canUseMounts)(`SQLite on a read-only mount (${NEEDS_ROOT})`, () => {
  it('a write exits 73 saying the file system is read-only; reads work', async () => {
    const dir = mountTmpfs('size=1m');
    const store = await storeWithRavi(dir);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const r = await run(store, ['prospect', 'add', 'Anna']);
    expect(r.code, r.stderr).toBe(73);
    expect(r.stderr).toBe(`error: cannot write the store ${store} (EROFS: read-only file system; SQLITE_CANTOPEN); check the path and its permissions, or use --store\n`);
    expect(names(await run(store, ['prospect', 'list', '--json']))).toEqual(['Ravi']);
  });
});

/** bin/precrm as the unprivileged user `nobody`, on `store`. */
const asNobody = (store: string, args: string[]): Promise<RunResult> =>
  spawnPrecrm(args, { user: 'nobody', env: { PRECRM_STORE: store, PRECRM_USER: 'tester', HOME: '/tmp' } });

/** A store holding Ravi in root's folder (0755) as a file `nobody` may read (0644), and a folder `nobody` may write. */
async function readOnlyFolder(): Promise<{ store: string; out: string }> {
  const dir = join(tempDir(), 'crm');
  mkdirSync(dir, { mode: 0o755 });
  const store = await storeWithRavi(dir);
  chmodSync(store, 0o644);
  chmodSync(join(dir, '..'), 0o755);
  const out = join(tempDir(), 'out');
  mkdirSync(out);
  chownSync(out, Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), 0);
  chmodSync(join(out, '..'), 0o755);
  return { store, out };
}

describe.skipIf(!canUseMounts)(`SQLite in a folder the user may read but not write, as nobody (${NEEDS_ROOT})`, () => {
  it('reads work (list, store check, export, backup) and create nothing beside the store; a write exits 73 "read-only"', async () => {
    const { store, out } = await readOnlyFolder();
    const list = await asNobody(store, ['prospect', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(names(list)).toEqual(['Ravi']);
    expect((await asNobody(store, ['store', 'check'])).code).toBe(0);
    const exported = await asNobody(store, ['export', 'prospects', '-o', join(out, 'people.csv')]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(out, 'people.csv'), 'utf8')).toContain('Ravi,ravi@example.com');
    const backedUp = await asNobody(store, ['store', 'backup', join(out, 'copy.db')]);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(names(await run(join(out, 'copy.db'), ['prospect', 'list', '--json']))).toEqual(['Ravi']);
    const write = await asNobody(store, ['prospect', 'add', 'Anna']);
    expect(write.code, write.stderr).toBe(73);
    expect(write.stderr).toMatch(/^error: cannot write the store .*shop\.db \(SQLITE_READONLY_DIRECTORY: the file or its folder is read-only\)/);
    expect(readdirSync(join(store, '..'))).toEqual(['shop.db']);
  });

  it('a -wal holding changes (its -shm gone) is not read as if empty: 66 saying why and what to do', async () => {
    const { store } = await readOnlyFolder();
    // A writer killed after its commit leaves the change in the -wal only.
    const killed = spawnSync(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.prepare("UPDATE prospects SET name = 'Ravi Sen'").run();
      process.kill(process.pid, 'SIGKILL');`, store], { cwd: ROOT });
    expect(killed.signal).toBe('SIGKILL');
    expect(statSync(`${store}-wal`).size).toBeGreaterThan(0);
    rmSync(`${store}-shm`);
    const r = await asNobody(store, ['prospect', 'list', '--json']);
    expect(r.code, r.stderr).toBe(66);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: cannot read the store ${store}: ${store}-wal holds changes not yet copied into it, and SQLite reads them only through ${store}-shm, which cannot be made here (the folder or file system is read-only: SQLITE_CANTOPEN); run any precrm command on it once as a user who may write its folder (that copies them in), then try again\n`);
    // Its owner, who may write the folder, reads the change.
    expect(names(await run(store, ['prospect', 'list', '--json']))).toEqual(['Ravi Sen']);
  });
});

describe('an empty file taken as the store', () => {
  it('gets mode 0600, as a store precrm creates has', async () => {
    const store = join(tempDir(), 'shop.db');
    writeFileSync(store, '');
    chmodSync(store, 0o644);
    expect((await run(store, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(names(await run(store, ['prospect', 'list', '--json']))).toEqual(['Ravi']);
  });
});
