// Files precrm writes for the user never clobber the store: `export -o`, `import --rejects` and `store backup FILE`
// refuse (exit 2) the store, its lock and its temp files through any path, write atomically with mode 0600, and
// backups never replace a file silently.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, spawnPrecrm, storeWith, tempDir } from '../helpers.js';
import { NEEDS_ROOT, canUseMounts, freeBytes, mountTmpfs } from './mounts.js';

const csv = (dir: string, text: string) => {
  const file = join(dir, 'in.csv');
  writeFileSync(file, text);
  return file;
};
const BAD_ROWS = 'name,email\nAnna,anna@example.com\nBad,not-an-email\n';

/** Paths that all end at the store or one of its own files. */
function pathsOnto(store: string): [string, string][] {
  const dir = dirname(store);
  const other = tempDir();
  symlinkSync(store, join(other, 'link.csv'));
  symlinkSync(dir, join(other, 'folder-link'));
  return [
    ['the store itself', store],
    ['a relative path to it', relative(process.cwd(), store)],
    ['a symlink to it', join(other, 'link.csv')],
    ['a path through a symlinked folder', join(other, 'folder-link', basename(store))],
    ['its lock file', `${store}.lock`],
    ['one of its temp file names', join(dir, `.${basename(store)}.precrm-123-abcdef.tmp`)],
  ];
}

function expectUntouched(store: string, before: Buffer, r: { code: number; stderr: string; stdout: string }): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^error: the (output file|rejects file|backup|report file) .* would overwrite the store .*store\.json \(or its lock or temp files\); name another file\n$/);
  expect(readFileSync(store).equals(before)).toBe(true);
  expect(readdirSync(dirname(store))).toEqual(['store.json']);
}

describe('an output aimed at the store', () => {
  it('export -o: refused with 2 through every path, the store byte for byte as it was', async () => {
    const store = await storeWith();
    const before = readFileSync(store);
    for (const [what, target] of pathsOnto(store)) {
      for (const args of [['export', 'prospects', '-o', target], ['export', 'touches', '--json', '-o', target]]) {
        const r = await run(store, args);
        expectUntouched(store, before, r);
        expect(r.stdout, what).toBe('');
      }
    }
  });

  it('report html --out: refused with 2 through every path; a good target is written whole, mode 0600', async () => {
    const store = await storeWith();
    const before = readFileSync(store);
    for (const [what, target] of pathsOnto(store)) {
      const r = await run(store, ['report', 'html', '--out', target]);
      expectUntouched(store, before, r);
      expect(r.stdout, what).toBe('');
    }
    const page = join(tempDir(), 'report.html');
    writeFileSync(page, 'yesterday', { mode: 0o644 });
    expect(await run(store, ['report', 'html', '--out', page])).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<\/html>\n?$/);
    expect(statSync(page).mode & 0o777).toBe(0o600);
  });

  it('import --rejects: refused with 2 before anything is imported', async () => {
    const store = await storeWith();
    const before = readFileSync(store);
    const file = csv(tempDir(), BAD_ROWS);
    for (const [, target] of pathsOnto(store)) {
      expectUntouched(store, before, await run(store, ['import', 'prospects', file, '--skip-invalid', '--rejects', target]));
      expectUntouched(store, before, await run(store, ['import', 'touches', file, '--skip-invalid', '--rejects', target]));
    }
  });

  it('store backup FILE: refused with 2, even with --yes', async () => {
    const store = await storeWith();
    const before = readFileSync(store);
    for (const [, target] of pathsOnto(store)) {
      expectUntouched(store, before, await run(store, ['store', 'backup', target]));
      expectUntouched(store, before, await run(store, ['store', 'backup', target, '--yes']));
    }
  });
});

describe('output files are written atomically, mode 0600', () => {
  it('export -o over an existing 0644 file leaves it 0600 with the new content and no temp file', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const out = join(dir, 'prospects.csv');
    writeFileSync(out, 'yesterday\n');
    chmodSync(out, 0o644);
    const r = await run(store, ['export', 'prospects', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,name,/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['prospects.csv']);
  });

  it('export -o through a symlink writes its target and keeps the link', async () => {
    const store = await storeWith();
    const dir = tempDir();
    mkdirSync(join(dir, 'share'));
    symlinkSync(join('share', 'latest.csv'), join(dir, 'latest.csv'));
    expect((await run(store, ['export', 'prospects', '-o', join(dir, 'latest.csv')])).code).toBe(0);
    expect(lstatSync(join(dir, 'latest.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'share', 'latest.csv'), 'utf8')).toMatch(/^id,name,/);
  });

  it('import --rejects over an existing file: replaced whole, 0600', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const rejects = join(dir, 'rejects.csv');
    writeFileSync(rejects, 'an old, much longer rejects file\n'.repeat(100));
    chmodSync(rejects, 0o644);
    const r = await run(store, ['import', 'prospects', csv(dir, BAD_ROWS), '--skip-invalid', '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(rejects, 'utf8')).toBe('name,email,reason\nBad,not-an-email,"email ""not-an-email"" is not an email address"\n');
    expect(statSync(rejects).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!canUseMounts)(`a failed export leaves yesterday's file whole (a full disk; ${NEEDS_ROOT})`, async () => {
    const store = await storeWith();
    for (let i = 0; i < 40; i++) await run(store, ['prospect', 'add', `Person ${i}`, '--note', 'n'.repeat(300)]);
    const dir = mountTmpfs('size=64k');
    const out = join(dir, 'prospects.csv');
    writeFileSync(out, 'yesterday\n'.repeat(100));
    writeFileSync(join(dir, 'filler'), Buffer.alloc(freeBytes(dir) - 4096));
    const r = await run(store, ['export', 'prospects', '-o', out]);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/^error: cannot write the output file .*prospects\.csv: the disk is full \(ENOSPC: no space left on device\); .*prospects\.csv was left as it was/);
    expect(readFileSync(out, 'utf8')).toBe('yesterday\n'.repeat(100));
    expect(readdirSync(dir).sort()).toEqual(['filler', 'prospects.csv']);
  });
});

describe('backups never overwrite silently', () => {
  it('two dated backups in the same second get distinct names', async () => {
    const store = await storeWith();
    const now = '2026-03-10T12:34:56Z';
    const first = await run(store, ['store', 'backup'], { now });
    await run(store, ['prospect', 'add', 'Anna'], { now });
    const second = await run(store, ['store', 'backup'], { now });
    expect(first.stdout).toBe(`${store}.20260310-123456.bak\n`);
    expect(second.stdout).toBe(`${store}.20260310-123456-2.bak\n`);
    expect(JSON.parse(readFileSync(`${store}.20260310-123456.bak`, 'utf8')).prospects).toHaveLength(1);
    expect(JSON.parse(readFileSync(`${store}.20260310-123456-2.bak`, 'utf8')).prospects).toHaveLength(2);
  });

  it('store backup FILE onto an existing file needs --yes (else 4, the file untouched)', async () => {
    const store = await storeWith();
    const target = join(tempDir(), 'backup.json');
    writeFileSync(target, 'last week\n');
    const refused = await run(store, ['store', 'backup', target]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(`error: the backup ${target} already exists; add --yes to replace it, or name another file\n`);
    expect(readFileSync(target, 'utf8')).toBe('last week\n');
    const replaced = await run(store, ['store', 'backup', target, '--yes']);
    expect(replaced).toMatchObject({ code: 0, stdout: `${target}\n` });
    expect(readFileSync(target).equals(readFileSync(store))).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});

describe.skipIf(process.getuid?.() !== 0)('the usual idioms, as the user nobody (runuser needs root)', () => {
  /** A store holding Ravi in a folder nobody owns, and bin/precrm run as nobody on it. */
  async function nobodysStore(): Promise<{ store: string; asNobody: (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }> }> {
    const built = await storeWith();
    const dir = tempDir();
    const store = join(dir, 'store.json');
    execFileSync('cp', [built, store]);
    const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }));
    execFileSync('chown', ['-R', `${id('-u')}:${id('-g')}`, dir]);
    const asNobody = (args: string[]) => spawnPrecrm(args, { user: 'nobody', env: { PRECRM_STORE: store, PRECRM_USER: 'tester', HOME: '/tmp' } });
    return { store, asNobody };
  }

  it('-o /dev/null and --rejects /dev/null exit 0; /dev/null is still a character device', async () => {
    const { asNobody } = await nobodysStore();
    const file = csv(tempDir(), BAD_ROWS);
    chmodSync(dirname(file), 0o755);
    chmodSync(file, 0o644);
    for (const args of [['export', 'prospects', '-o', '/dev/null'], ['import', 'prospects', file, '--skip-invalid', '--rejects', '/dev/null']]) {
      const r = await asNobody(args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o /dev/stdout and -o /dev/stderr into pipes: the bytes arrive there', async () => {
    const { asNobody } = await nobodysStore();
    const plain = await asNobody(['export', 'prospects']);
    expect(plain.stdout).toMatch(/^id,name,.*\n1,Ravi Sen,/s);
    expect(await asNobody(['-q', 'export', 'prospects', '-o', '/dev/stdout'])).toEqual({ code: 0, stdout: plain.stdout, stderr: '' });
    expect(await asNobody(['-q', 'export', 'prospects', '-o', '/dev/stderr'])).toEqual({ code: 0, stdout: '', stderr: plain.stdout });
  });
});
