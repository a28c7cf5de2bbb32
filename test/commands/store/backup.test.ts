// `store backup` through its verb: run writes the copy (a file, never over another without --yes; in place to
// stdout or a device) and returns where it went; show names the file on stdout for scripts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as backup from '../../../src/commands/store/backup.js';
import { run, storedDoc, tempDir, tempStore, TEST_BACKEND, testContext, withContext } from '../../helpers.js';

async function shop(): Promise<string> {
  const store = await tempStore();
  await run(store, ['prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com']);
  return store;
}

/** The backup's name for this backend: a SQLite store is copied as a database file, the others as JSON. */
const copyName = () => join(tempDir(), TEST_BACKEND === 'sqlite' ? 'copy.db' : 'copy.json');

describe('store backup (verb)', () => {
  it('parse takes the file, if any', () => {
    expect(backup.parse([undefined])).toEqual({});
    expect(backup.parse(['copy.json'])).toEqual({ file: 'copy.json' });
  });

  it('run writes a copy that holds what the store holds, and refuses to replace it without --yes (exit 4)', async () => {
    const store = await shop();
    const file = copyName();
    expect(await withContext(store, async (ctx) => backup.run(ctx, { file }))).toEqual({ kind: 'file', file });
    expect((await storedDoc(file)).prospects).toEqual((await storedDoc(store)).prospects);
    await expect(withContext(store, async (ctx) => backup.run(ctx, { file }))).rejects.toMatchObject({ exitCode: 4 });
    expect(await withContext(store, async (ctx) => backup.run(ctx, { file }), { global: { yes: true } })).toEqual({ kind: 'file', file });
  });

  it('run sends a JSON snapshot to stdout in place; a SQLite store refuses (it is copied page by page, exit 73)', async () => {
    const store = await shop();
    const { ctx, output } = await testContext(store);
    try {
      if (TEST_BACKEND === 'sqlite') {
        await expect(backup.run(ctx, { file: '-' })).rejects.toMatchObject({ exitCode: 73 });
        return;
      }
      expect(await backup.run(ctx, { file: '-' })).toEqual({ kind: 'in-place', shown: 'stdout' });
      expect(JSON.parse(output().stdout).prospects).toMatchObject([{ id: 1, name: 'Ravi Sen' }]);
    } finally {
      await ctx.stores.close();
    }
  });

  it('prints the file name on stdout and says it on stderr (argv level)', async () => {
    const store = await shop();
    const file = copyName();
    expect(await run(store, ['store', 'backup', file])).toEqual({ code: 0, stdout: `${file}\n`, stderr: `backed up to ${file}\n` });
    expect(existsSync(file)).toBe(true);
  });
});
