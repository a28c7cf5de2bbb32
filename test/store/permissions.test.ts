// File modes, tried as a user they apply to: a store without write permission is refused (73) rather than
// replaced — a rename needs only the folder's permission, so it would otherwise succeed — a store that cannot be
// read is 66 (not 65, which is for bad content), and a rewrite keeps the store's mode and owner.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, storeWith, tempDir, type RunResult } from '../helpers.js';
import { NEEDS_ROOT, canUseMounts } from './mounts.js';

const nobody = () => ({ uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })) });

/** bin/precrm run as the unprivileged user `nobody` (runuser), on `store`. */
const asNobody = (store: string, args: string[]): Promise<RunResult> =>
  spawnPrecrm(args, { user: 'nobody', env: { PRECRM_STORE: store, PRECRM_USER: 'tester', HOME: '/tmp' } });

/** A store holding Ravi in a folder that `nobody` owns (so a rename there would succeed), the file as given. */
async function nobodysFolder(fileMode: number, fileOwner: 'nobody' | 'root'): Promise<{ dir: string; store: string }> {
  const built = await storeWith();
  const dir = tempDir();
  const store = join(dir, 'store.json');
  execFileSync('cp', [built, store]);
  const { uid, gid } = nobody();
  chownSync(dir, uid, gid);
  if (fileOwner === 'nobody') chownSync(store, uid, gid);
  chmodSync(store, fileMode);
  return { dir, store };
}

describe.skipIf(!canUseMounts)(`store file permissions, as the user nobody (${NEEDS_ROOT})`, () => {
  it.each([
    ['its own store made read-only (0444)', 0o444, 'nobody'],
    ["someone else's store it may read (0644, root's)", 0o644, 'root'],
  ] as const)('%s: a write exits 73 "read-only" and the file is left as it is', async (_what, mode, owner) => {
    const { dir, store } = await nobodysFolder(mode, owner);
    const before = readFileSync(store);
    for (const args of [['prospect', 'add', 'Anna'], ['touch', 'log', 'ravi', 'greeting']]) {
      const r = await asNobody(store, args);
      expect(r.code, r.stderr).toBe(73);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: the store ${store} is read-only (no write permission); it was left as it is — make it writable (chmod u+w) to change it\n`);
    }
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(statSync(store).mode & 0o777).toBe(mode);
    expect(readdirSync(dir)).toEqual(['store.json']);
    // Reading is still fine.
    expect((await asNobody(store, ['prospect', 'list', '--json'])).code).toBe(0);
  });

  it('a store it cannot read exits 66 on reads and writes, the file untouched', async () => {
    const { store } = await nobodysFolder(0o600, 'root');
    const before = readFileSync(store);
    for (const args of [['prospect', 'list'], ['prospect', 'add', 'Anna'], ['store', 'check']]) {
      const r = await asNobody(store, args);
      expect(r.code, args.join(' ')).toBe(66);
      expect(r.stderr).toBe(`error: cannot read the store ${store} (EACCES: permission denied); it was left untouched — check its permissions, or use --store\n`);
    }
    expect(readFileSync(store).equals(before)).toBe(true);
  });
});

describe('a rewrite keeps the store as the user set it up', () => {
  it('keeps a mode other than 0600 (a store shared with a group)', async () => {
    const store = await storeWith();
    chmodSync(store, 0o640);
    expect((await run(store, ['prospect', 'add', 'Anna'])).code).toBe(0);
    expect(statSync(store).mode & 0o777).toBe(0o640);
  });

  it.skipIf(!canUseMounts)(`keeps the owner when root writes another user's store (${NEEDS_ROOT})`, async () => {
    const store = await storeWith();
    const { uid, gid } = nobody();
    chownSync(store, uid, gid);
    expect((await run(store, ['prospect', 'add', 'Anna'])).code).toBe(0);
    expect(statSync(store)).toMatchObject({ uid, gid });
  });

  it('a file with no write bit at all is refused even by root (73), who could write it otherwise', async () => {
    const store = await storeWith();
    chmodSync(store, 0o400);
    const before = readFileSync(store);
    const r = await run(store, ['prospect', 'add', 'Anna']);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/is read-only \(no write permission\); it was left as it is/);
    expect(readFileSync(store).equals(before)).toBe(true);
  });
});
