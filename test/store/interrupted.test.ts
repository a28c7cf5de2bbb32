// Interrupted writes with real processes: SIGTERM/SIGINT while a write waits or works, and kill -9 mid-write.
// The command says whether its change was saved and exits 130/143; no temp file outlives the next write.
import { closeSync, openSync, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';
import { hasOpen, startPrecrm, waitUntil, writeLargeStore, type Spawned } from './fixtures.js';

const isTemp = (name: string) => /^\.store\.json\.precrm-\d+-[0-9a-f]+\.tmp$/.test(name);
const temps = (store: string) => readdirSync(dirname(store)).filter(isTemp);
const count = (store: string) => JSON.parse(readFileSync(store, 'utf8')).prospects.length;

/** Starts `prospect add` on a large store and returns once its temp file exists (it is writing the new store). */
async function caughtWriting(store: string): Promise<Spawned> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const writer = startPrecrm(store, ['prospect', 'add', 'Interrupted']);
    while (temps(store).length === 0 && writer.child.exitCode === null) await new Promise((r) => setImmediate(r));
    if (writer.child.exitCode === null) return writer;
    await writer.done;
  }
  throw new Error('never caught a writer writing');
}

describe('a signal while a write waits for the lock', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s: exit %i, "interrupted: nothing was written", the store as it was', async (signal, code) => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    const { flockSync } = await import('fs-ext');
    const fd = openSync(`${store}.lock`, 'a+', 0o600);
    flockSync(fd, 'exnb');
    try {
      const writer = startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '60000' });
      await waitUntil('the writer waits on the lock', () => hasOpen(writer.child.pid!, `${store}.lock`));
      writer.child.kill(signal);
      const r = await writer.done;
      expect(r).toMatchObject({ code, stdout: '', stderr: 'interrupted: nothing was written\n' });
    } finally {
      unlinkSync(`${store}.lock`);
      closeSync(fd);
    }
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(dirname(store))).toEqual(['store.json']);
  });
});

describe('a signal while a write is writing', () => {
  it('SIGINT: exit 130, and the message tells the truth about the store; no temp file left', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 30_000);
    const writer = await caughtWriting(store);
    writer.child.kill('SIGINT');
    const r = await writer.done;
    expect(r.code, r.stderr).toBe(130);
    const saved = count(store) === 30_001;
    expect(r.stderr.split('\n').at(-2)).toBe(saved ? 'interrupted: the change was saved' : 'interrupted: nothing was written');
    expect(temps(store)).toEqual([]);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  }, 240_000); // a deadline for a loaded machine, not a measure
});

describe('kill -9 mid-write', () => {
  it('leaves the old store and a temp file, which store check lists and the next write removes', async () => {
    const store = (await tempStore());
    writeLargeStore(store, 30_000);
    const writer = await caughtWriting(store);
    writer.child.kill('SIGKILL');
    await writer.done;
    expect(count(store)).toBe(30_000);
    const [left] = temps(store);
    expect(left).toBeDefined();
    const check = await run(store, ['store', 'check']);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(`warning: ${dirname(store)}/${left} was left by an interrupted write (the store itself is whole); the next write removes it\n`);
    const next = await run(store, ['prospect', 'add', 'Next']);
    expect(next).toMatchObject({ code: 0, stdout: '30001\n' });
    expect(readdirSync(dirname(store))).toEqual([basename(store)]);
    expect((await run(store, ['store', 'check'])).stderr).not.toContain('warning');
  }, 240_000); // a deadline for a loaded machine, not a measure
});
