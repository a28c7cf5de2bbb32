// Ctrl-C and SIGTERM during a SQLite import's write transaction. better-sqlite3 works synchronously, so a signal
// reaches precrm only when its event loop turns: the write pauses between chunks and before it commits, rolls back
// there, and the command exits 130/143 saying nothing was written (before, the signal waited for the commit).
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../../helpers.js';
import { sqliteWriteLocked, startPrecrm, upTo, waitUntil } from '../fixtures.js';

/** Resolves once `child` holds the store's write lock (another BEGIN IMMEDIATE is refused): it is importing. */
async function whileWriting(store: string, child: ChildProcess): Promise<void> {
  await waitUntil('the import writes', async () => {
    if (child.exitCode !== null) throw new Error('never caught the import writing');
    return sqliteWriteLocked(store);
  }, 60_000, 5);
}

describe('a signal during a SQLite import', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while it writes: exit %i, "interrupted: nothing was written", no row imported', async (signal, code) => {
    const dir = tempDir();
    const store = join(dir, 'shop.db');
    expect((await run(store, ['prospect', 'add', 'Ravi'])).code).toBe(0);
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, ['name,email,notes', ...upTo(60_000).map((i) => `Person ${i},p${i}@example.com,note ${i}`)].join('\n'));
    const importer = startPrecrm(store, ['import', 'prospects', csv]);
    await whileWriting(store, importer.child);
    importer.child.kill(signal);
    const r = await importer.done;
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('interrupted: nothing was written\n');
    expect(JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout).map((p: { name: string }) => p.name)).toEqual(['Ravi']);
    expect((await run(store, ['store', 'check'])).code).toBe(0);
  }, 60_000);
});
