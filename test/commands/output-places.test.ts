// Outputs that are not files to replace (on every backend): a FIFO's reader gets every byte and the FIFO stays a
// FIFO, a device stays a device, `/dev/stdout` appends where the shell said `>>`, `-o -` is stdout, and an output
// that cannot be written is refused (73) before an import imports anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TEST_BACKEND, run, spawnPrecrm, storeBytes, storeWith, tempDir, type RunResult } from '../helpers.js';

const BAD_ROWS = 'name,email\nAnna,anna@example.com\nBad,not-an-email\n';
const REJECTS = 'name,email,reason\nBad,not-an-email,"email ""not-an-email"" is not an email address"\n';

/** Readers still waiting when a test ends (a FIFO replaced under them never gets a writer): stopped afterwards. */
const readers: ChildProcess[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) if (reader.exitCode === null) reader.kill();
});

/** A FIFO in a fresh folder, and a reader (`cat`) that collects what arrives until the writer closes it. */
function fifoWithReader(): { fifo: string; dir: string; received: Promise<string>; stop: () => void } {
  const dir = tempDir();
  const fifo = join(dir, 'out.pipe');
  execFileSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
  readers.push(reader);
  let text = '';
  reader.stdout.on('data', (d) => { text += d; });
  const received = new Promise<string>((resolve) => reader.on('close', () => resolve(text)));
  return { fifo, dir, received, stop: () => reader.kill() };
}

/** Runs the command with the FIFO in place of `{}` and returns its result and what the reader got. */
async function intoFifo(store: string, args: string[]): Promise<{ r: RunResult; got: string; fifo: string; dir: string }> {
  const { fifo, dir, received } = fifoWithReader();
  const r = await run(store, args.map((a) => (a === '{}' ? fifo : a)));
  return { r, got: await received, fifo, dir };
}

function csvFile(text: string): string {
  const file = join(tempDir(), 'in.csv');
  writeFileSync(file, text);
  return file;
}

/** What the command writes to a regular file, for comparing with what a FIFO or stdout got. */
async function viaFile(store: string, args: string[]): Promise<string> {
  const file = join(tempDir(), 'out');
  const r = await run(store, args.map((a) => (a === '{}' ? file : a)));
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(file, 'utf8');
}

describe('a FIFO as the output: written in place, its reader gets every byte', () => {
  const cases: [string, string[]][] = [
    ['export prospects -o', ['export', 'prospects', '-o', '{}']],
    ['export touches --format json -o', ['export', 'touches', '--format', 'json', '-o', '{}']],
    ['report funnel -o', ['report', 'funnel', '--format', 'csv', '-o', '{}']],
    ['report html --out', ['report', 'html', '--out', '{}']],
  ];
  it.each(cases)('%s FIFO', async (_what, args) => {
    const store = await storeWith();
    await run(store, ['touch', 'log', '1', 'call', 'rang back']);
    const { r, got, fifo, dir } = await intoFifo(store, args);
    expect(r.code, r.stderr).toBe(0);
    expect(got).toBe(await viaFile(store, args));
    expect(got.length).toBeGreaterThan(20);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.pipe']); // no temp file beside it
  });

  it('import --skip-invalid --rejects FIFO: the reader gets the rejected rows, the valid ones are imported', async () => {
    const store = await storeWith();
    const { r, got, fifo } = await intoFifo(store, ['import', 'prospects', csvFile(BAD_ROWS), '--skip-invalid', '--rejects', '{}']);
    expect(r.code, r.stderr).toBe(0);
    expect(got).toBe(REJECTS);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout)).toHaveLength(2);
  });

  it('store backup FIFO: a JSON snapshot streamed to the reader (SQLite: refused with 73, the FIFO left as it is)', async () => {
    const store = await storeWith();
    const { fifo, received, stop } = fifoWithReader();
    const r = await run(store, ['store', 'backup', fifo]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    if (TEST_BACKEND === 'sqlite') {
      stop();
      expect(r.code).toBe(73);
      expect(r.stderr).toBe(`error: a SQLite backup must be a regular file (SQLite writes it page by page), not ${fifo}; back up to a file (precrm store backup copy.db), then copy that\n`);
      return;
    }
    expect(r, r.stderr).toMatchObject({ code: 0, stdout: '' });
    const snapshot = JSON.parse(await received);
    expect(snapshot.prospects.map((p: { name: string }) => p.name)).toEqual(['Ravi Sen']);
    // Loadable as a store, as every backup is.
    const copy = join(tempDir(), 'copy.json');
    writeFileSync(copy, JSON.stringify(snapshot));
    expect((await run(copy, ['store', 'check'])).code).toBe(0);
  });
});

describe('a device as the output: written in place, still a device afterwards', () => {
  // A private null device (as root, mknod) stands in for /dev/null: a regression replaces only this one.
  const root = process.getuid?.() === 0;
  it.skipIf(!root)('export -o, --rejects, report html --out and store backup onto a character device (root)', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const dev = join(dir, 'null');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const rdev = statSync(dev).rdev;
    const runs = [
      await run(store, ['export', 'prospects', '-o', dev]),
      await run(store, ['import', 'prospects', csvFile(BAD_ROWS), '--skip-invalid', '--rejects', dev]),
      await run(store, ['report', 'html', '--out', dev]),
    ];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    if (TEST_BACKEND !== 'sqlite') expect((await run(store, ['store', 'backup', dev])).code).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(statSync(dev).rdev).toBe(rdev);
    expect(readdirSync(dir)).toEqual(['null']);
  });
});

/** Runs bin/precrm with its stdout appended to `file` (as the shell's `>> file` opens it). */
function appendingTo(file: string, store: string, args: string[]): Promise<number> {
  const fd = openSync(file, 'a');
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...(process.env as Record<string, string>), NODE_ENV: 'production', PRECRM_STORE: store, PRECRM_USER: 'tester' },
    stdio: ['ignore', fd, 'pipe'],
  });
  closeSync(fd);
  child.stderr!.resume();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

describe('/dev/stdout and /proc/self/fd/1 as the output', () => {
  it.each(['/dev/stdout', '/proc/self/fd/1'])('-o %s >> log appends to the log, keeping what it held', async (path) => {
    const store = await storeWith();
    const log = join(tempDir(), 'cron.log');
    writeFileSync(log, 'earlier run\n');
    expect(await appendingTo(log, store, ['export', 'prospects', '-o', path])).toBe(0);
    expect(await appendingTo(log, store, ['export', 'prospects', '-o', path])).toBe(0);
    const csv = (await run(store, ['export', 'prospects'])).stdout;
    expect(readFileSync(log, 'utf8')).toBe(`earlier run\n${csv}${csv}`);
    expect(statSync(log).isFile()).toBe(true);
  });
});

describe("precrm's other descriptors", () => {
  it('-o /dev/fd/5 (Node keeps its own pipes there) and -o /dev/stdin: 73 before any work, nothing written there', async () => {
    const store = await storeWith();
    for (const [path, why] of <[string, string][]>[['/dev/fd/5', "descriptor 5 may be one of precrm's own; of its descriptors only stdout and stderr are written in place"], ['/dev/stdin', 'it is stdin']]) {
      const r = await spawnPrecrm(['export', 'prospects', '-o', path], { env: { PRECRM_STORE: store, PRECRM_USER: 'tester' } });
      expect(r).toEqual({ code: 73, stdout: '', stderr: `error: cannot write the output file ${path} (${why}); nothing was written — name another file\n` });
    }
  });
});

describe('-o - is stdout', () => {
  it('export -o - prints what export prints, and writes no file named -', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const plain = await run(store, ['export', 'prospects']);
    expect(await run(store, ['export', 'prospects', '-o', '-'], { cwd: dir })).toEqual(plain);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('report html --out - prints the page as report html does, without "wrote stdout" on stderr', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const plain = await run(store, ['report', 'html']);
    expect(await run(store, ['report', 'html', '--out', '-'], { cwd: dir })).toEqual(plain);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('import --rejects - prints the rejected rows on stdout', async () => {
    const store = await storeWith();
    const dir = tempDir();
    const r = await run(store, ['-q', 'import', 'prospects', csvFile(BAD_ROWS), '--skip-invalid', '--rejects', '-'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: REJECTS });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an output that cannot be written is refused before any work', () => {
  const unwritable: [string, () => string][] = [
    ['in a folder that does not exist', () => join(tempDir(), 'no', 'such', 'rejects.csv')],
    ['a folder', () => { const d = join(tempDir(), 'rejects.csv'); mkdirSync(d); return d; }],
  ];
  it.each(unwritable)('import --skip-invalid --rejects %s: exit 73, nothing imported', async (_what, target) => {
    const store = await storeWith();
    const before = await storeBytes(store);
    const path = target();
    const r = await run(store, ['import', 'prospects', csvFile(BAD_ROWS), '--skip-invalid', '--rejects', path]);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(new RegExp(`^error: cannot write the rejects file ${path} \\((ENOENT|EISDIR): [^)]*\\); nothing was written`));
    expect((await storeBytes(store)).equals(before)).toBe(true);
  });
});
