// The JSON-file store through the CLI: creation, modes, refusal of bad files, migration, ids, store path|check|backup.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/types.js';
import { run, tempDir, tempStore } from '../helpers.js';

const bytes = (path: string) => readFileSync(path);

describe('a store that does not exist yet', () => {
  it('reads as empty and creates nothing: no folder, no file, no lock', async () => {
    const folder = join(tempDir(), 'not', 'yet');
    const store = join(folder, 'store.json');
    for (const args of [['prospect', 'list'], ['prospect', 'list', '--json'], ['store', 'path'], ['store', 'check']]) {
      const r = await run(store, args);
      expect(r.code, args.join(' ')).toBe(0);
    }
    expect((await run(store, ['prospect', 'list', '--json'])).stdout).toBe('[]\n');
    expect(existsSync(dirname(folder))).toBe(false);
  });

  it('a failing write (not found) leaves nothing behind either', async () => {
    const folder = join(tempDir(), 'new');
    const r = await run(join(folder, 'store.json'), ['prospect', 'stage', 'nobody', 'engaged']);
    expect(r.code).toBe(3);
    expect(readdirSync(folder)).toEqual([]); // the folder may be made for the lock, but no store and no lock
  });

  it('is created on first write with its folders, mode 0600, and stays 0600 after rewrites', async () => {
    const store = join(tempDir(), 'a', 'b', 'store.json');
    expect((await run(store, ['prospect', 'add', 'Ravi'])).stdout).toBe('1\n');
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(store)).mode & 0o777).toBe(0o700);
    for (const name of ['Anna', 'Mira']) await run(store, ['prospect', 'add', name]);
    await run(store, ['prospect', 'stage', 'ravi', 'engaged']);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(store))).toEqual(['store.json']); // no temp file, no lock left over
    expect(JSON.parse(readFileSync(store, 'utf8')).prospects.map((p: { name: string }) => p.name)).toEqual(['Ravi', 'Anna', 'Mira']);
  });
});

describe('a store that is not sound is never written', () => {
  const valid = () => JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8'));
  const cases: [string, () => string | Buffer, RegExp][] = [
    ['not JSON', () => '{"schema":1, "prospects": [', /is not valid JSON/],
    ['empty', () => '', /is not valid JSON \(it is empty\)/],
    ['BOM-prefixed', () => `\ufeff${JSON.stringify(valid())}`, /starts with a byte-order mark/],
    ['not an object', () => '[1,2,3]', /is not a precrm store \(the document is not a JSON object\)/],
    ['some other JSON object', () => '{"name":"my notes"}', /is not a precrm store/],
    ['failing validation', () => { const d = valid(); d.prospects[0].stage = 'keen'; return JSON.stringify(d); }, /fails validation/],
    ['a reused id', () => { const d = valid(); d.prospects[1].id = d.prospects[0].id; return JSON.stringify(d); }, /fails validation/],
    ['a newer schema', () => JSON.stringify({ ...valid(), schema: 99 }), /written by a newer precrm \(schema 99\)/],
  ];

  it.each(cases)('%s: exit 65 naming the file, and the file is byte-identical afterwards', async (_what, content, message) => {
    const store = (await tempStore());
    writeFileSync(store, content());
    const before = bytes(store);
    for (const args of [['prospect', 'add', 'Ravi'], ['prospect', 'list'], ['store', 'check'], ['prospect', 'remove', '1', '--yes']]) {
      const r = await run(store, args);
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(store);
      expect(r.stdout).toBe('');
    }
    expect(bytes(store).equals(before)).toBe(true);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  });

  it('store check lists the validation problems, one per line', async () => {
    const store = (await tempStore());
    const d = valid();
    d.prospects[0].stage = 'keen';
    d.prospects[2].email = 42;
    writeFileSync(store, JSON.stringify(d));
    const r = await run(store, ['store', 'check']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/prospects\[0\]\.stage: /);
    expect(r.stderr).toMatch(/prospects\[2\]\.email: /);
  });
});

describe('migration', () => {
  const schema0 = {
    prospects: [
      { ...JSON.parse(readFileSync(new URL('../../data/bakery.json', import.meta.url), 'utf8')).prospects[0], id: 4 },
    ],
  };

  it('reads a schema 0 store without writing anything', async () => {
    const store = (await tempStore());
    writeFileSync(store, JSON.stringify(schema0));
    const before = bytes(store);
    const r = await run(store, ['prospect', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((p: { id: number }) => p.id)).toEqual([4]);
    expect(bytes(store).equals(before)).toBe(true);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  });

  it('migrates schema 0 on the first write, keeping the original as a .bak copy', async () => {
    const store = (await tempStore());
    writeFileSync(store, JSON.stringify(schema0));
    const before = bytes(store);
    const r = await run(store, ['prospect', 'add', 'Anna']);
    expect(r).toMatchObject({ code: 0, stdout: '5\n' });
    expect(bytes(`${store}.schema0.bak`).equals(before)).toBe(true);
    expect(statSync(`${store}.schema0.bak`).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.schema).toBe(SCHEMA_VERSION);
    expect(doc.nextId).toEqual({ prospect: 6, touch: 1, survey: 1, response: 1, purchase: 2, tally: 1, occasion: 1 });
    expect(doc.prospects.map((p: { id: number }) => p.id)).toEqual([4, 5]);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  });
});

describe('ids', () => {
  it('are never reused after a remove, not even the last one', async () => {
    const store = (await tempStore());
    for (const name of ['A', 'B', 'C']) await run(store, ['prospect', 'add', name]);
    expect((await run(store, ['prospect', 'remove', '3', '--yes'])).code).toBe(0);
    expect((await run(store, ['prospect', 'remove', '2', '--yes'])).code).toBe(0);
    expect((await run(store, ['prospect', 'add', 'D'])).stdout).toBe('4\n');
    expect(JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout).map((p: { id: number }) => p.id)).toEqual([1, 4]);
  });
});

describe('store path | check | backup', () => {
  it('path follows --store, then PRECRM_STORE, then XDG_DATA_HOME, then ~/.local/share', async () => {
    const env = { PRECRM_STORE: undefined, XDG_DATA_HOME: undefined };
    expect((await run('', ['store', 'path'], { env })).stdout).toBe('/nonexistent-home/.local/share/precrm/store.json\n');
    expect((await run('', ['store', 'path'], { env: { ...env, XDG_DATA_HOME: '/xdg' } })).stdout).toBe('/xdg/precrm/store.json\n');
    expect((await run('', ['store', 'path'], { env: { ...env, XDG_DATA_HOME: '/xdg', PRECRM_STORE: '/env/s.json' } })).stdout).toBe('/env/s.json\n');
    expect((await run('/env/s.json', ['store', 'path', '--store', '/flag/s.json'])).stdout).toBe('/flag/s.json\n');
    expect((await run('/env/s.json', ['--store', 'rel/s.json', 'store', 'path'])).stdout).toBe(`${join(process.cwd(), 'rel/s.json')}\n`);
  });

  it('check reports a sound store on stderr and exits 0', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const r = await run(store, ['store', 'check']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `${store}: ok (1 prospect, 0 touches, 0 surveys, 0 responses)\n` });
    expect((await run(store, ['store', 'check', '-q'])).stderr).toBe('');
  });

  it('backup copies the bytes to the named file (0600) and prints its path', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const target = join(tempDir(), 'copy.json');
    const r = await run(store, ['store', 'backup', target]);
    expect(r).toMatchObject({ code: 0, stdout: `${target}\n` });
    expect(bytes(target).equals(bytes(store))).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('backup without a file writes a dated copy beside the store', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const r = await run(store, ['store', 'backup'], { now: '2026-03-10T12:34:56Z' });
    expect(r.stdout).toBe(`${store}.20260310-123456.bak\n`);
    expect(bytes(`${store}.20260310-123456.bak`).equals(bytes(store))).toBe(true);
  });

  it('backup of a missing store exits 66; of a corrupt one 65; to an impossible place 73', async () => {
    const store = (await tempStore());
    expect((await run(store, ['store', 'backup'])).code).toBe(66);
    writeFileSync(store, '{');
    expect((await run(store, ['store', 'backup', join(tempDir(), 'x.json')])).code).toBe(65);
    rmSync(store);
    await run(store, ['prospect', 'add', 'Ravi']);
    const file = join(tempDir(), 'plain');
    writeFileSync(file, 'x');
    const r = await run(store, ['store', 'backup', join(file, 'x.json')]);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/ENOTDIR/);
  });
});

describe('a store path that is a folder', () => {
  it('is refused: exit 73 (not a regular file; not 65, which is for bad content), naming it, on read and on write', async () => {
    const store = join(tempDir(), 'store.json');
    mkdirSync(store);
    for (const args of [['prospect', 'list'], ['prospect', 'add', 'Ravi'], ['store', 'check']]) {
      const r = await run(store, args);
      expect(r.code, args.join(' ')).toBe(73);
      expect(r.stderr).toBe(`error: the store ${store} is a folder, not a regular file; precrm did not read it — point --store (or PRECRM_STORE) at a store file\n`);
    }
    expect(readdirSync(store)).toEqual([]);
  });
});
