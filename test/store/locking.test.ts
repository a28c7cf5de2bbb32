// Fault tests with real processes: concurrent writers, a held lock, stale locks, a compromised lock.
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import { JsonFileStore } from '../../src/store/json-file.js';
import { run, tempStore } from '../helpers.js';
import { sleep, startPrecrm, writeLargeStore } from './fixtures.js';

const names = (store: string): string[] => JSON.parse(readFileSync(store, 'utf8')).prospects.map((p: { name: string }) => p.name);

describe('concurrent writers', () => {
  it('20 `prospect add` processes at once end with 20 records and unique ids', async () => {
    const store = tempStore();
    const runs = Array.from({ length: 20 }, (_, i) =>
      startPrecrm(store, ['prospect', 'add', `Person ${i}`, '--email', `p${i}@example.com`], { PRECRM_LOCK_TIMEOUT: '60000' }).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const printed = results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    expect(printed).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.prospects).toHaveLength(20);
    expect(new Set(doc.prospects.map((p: { id: number }) => p.id)).size).toBe(20);
    expect(new Set(doc.prospects.map((p: { name: string }) => p.name)).size).toBe(20);
    expect(doc.nextId.prospect).toBe(21);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }, 90_000);
});

describe('concurrent touches', () => {
  it('30 `touch log` processes on one prospect keep all 30 touches with unique ids', async () => {
    const store = tempStore();
    await run(store, ['prospect', 'add', 'Ravi', '--email', 'ravi@example.com']);
    const runs = Array.from({ length: 30 }, (_, i) =>
      startPrecrm(store, ['touch', 'log', 'ravi@example.com', 'greeting', `hello ${i}`], { PRECRM_LOCK_TIMEOUT: '60000' }).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const printed = results.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    expect(printed).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    expect(doc.touches).toHaveLength(30);
    expect(new Set(doc.touches.map((t: { id: number }) => t.id)).size).toBe(30);
    expect(doc.touches.map((t: { note: string }) => t.note).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `hello ${i}`).sort());
    expect(doc.touches.every((t: { prospectId: number }) => t.prospectId === 1)).toBe(true);
    expect(doc.nextId.touch).toBe(31);
    expect(existsSync(`${store}.lock`)).toBe(false);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  }, 90_000);
});

describe('a lock held by another process', () => {
  it('makes a writer that waits past PRECRM_LOCK_TIMEOUT exit 75 and write nothing', async () => {
    const store = tempStore();
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    const release = await lockfile.lock(store, { realpath: false, lockfilePath: `${store}.lock` });
    try {
      const r = await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '400' }).done;
      expect(r.code).toBe(75);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: another precrm process has held the lock on .*store\.json for over 400 ms; try again later/);
      expect(readFileSync(store).equals(before)).toBe(true);
      // Readers do not need the lock.
      expect((await startPrecrm(store, ['prospect', 'list', '--json']).done).code).toBe(0);
    } finally {
      await release();
    }
    expect((await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '400' }).done).stdout).toBe('2\n');
  });

  it('is waited for while it is held for less than the timeout', async () => {
    const store = tempStore();
    const release = await lockfile.lock(store, { realpath: false, lockfilePath: `${store}.lock` });
    const writer = startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '20000' });
    await sleep(700);
    expect(existsSync(store)).toBe(false);
    await release();
    expect(await writer.done).toMatchObject({ code: 0, stdout: '1\n' });
  });
});

describe('a stale lock', () => {
  it('left behind long ago (old mtime) is taken over at once', async () => {
    const store = tempStore();
    await run(store, ['prospect', 'add', 'Ravi']);
    mkdirSync(`${store}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${store}.lock`, old, old);
    const r = await startPrecrm(store, ['prospect', 'add', 'Anna'], { PRECRM_LOCK_TIMEOUT: '2000' }).done;
    expect(r).toMatchObject({ code: 0, stdout: '2\n' });
    expect(names(store)).toEqual(['Ravi', 'Anna']);
  });

  it('left by a writer killed with SIGKILL is recovered once it goes stale (10 s)', async () => {
    const store = tempStore();
    writeLargeStore(store, 30_000);
    const before = readFileSync(store);
    const victim = startPrecrm(store, ['prospect', 'add', 'Victim']);
    while (!existsSync(`${store}.lock`)) await new Promise((r) => setImmediate(r));
    victim.child.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');
    expect(existsSync(`${store}.lock`)).toBe(true);
    const impatient = await startPrecrm(store, ['prospect', 'add', 'Impatient'], { PRECRM_LOCK_TIMEOUT: '300' }).done;
    expect(impatient.code).toBe(75);
    const patient = await startPrecrm(store, ['prospect', 'add', 'Patient'], { PRECRM_LOCK_TIMEOUT: '25000' }).done;
    expect(patient.code, patient.stderr).toBe(0);
    const after = JSON.parse(readFileSync(store, 'utf8'));
    // The killed write either landed whole or not at all; the patient one landed after it.
    const added = after.prospects.slice(30_000).map((p: { name: string }) => p.name);
    expect([['Patient'], ['Victim', 'Patient']]).toContainEqual(added);
    expect(after.prospects.slice(0, 30_000)).toEqual(JSON.parse(before.toString()).prospects);
  }, 60_000);
});

describe('a compromised lock', () => {
  it('fails the write cleanly with exit 75 and leaves the file as it was', async () => {
    const store = tempStore();
    await run(store, ['prospect', 'add', 'Ravi']);
    const before = readFileSync(store);
    const backend = new JsonFileStore(store, {
      lockTimeoutMs: 1000,
      lockStaleMs: 2000,
      // Someone removes the lock while we hold it; the lock's refresh (every stale/2 ms) notices.
      beforeWrite: async () => {
        rmSync(`${store}.lock`, { recursive: true });
        await sleep(1600);
      },
    });
    const attempt = backend.update((doc) => { doc.prospects.length = 0; });
    await expect(attempt).rejects.toMatchObject({ exitCode: 75, message: expect.stringMatching(/^lost the lock on .*; nothing was written/) });
    expect(readFileSync(store).equals(before)).toBe(true);
  });
});
