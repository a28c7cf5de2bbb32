// `store path` through its verb: run names the store's location without opening it; show prints it on stdout.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as path from '../../../src/commands/store/path.js';
import { run, storeCreated, tempStore, TEST_BACKEND, withContext } from '../../helpers.js';

describe('store path (verb)', () => {
  it('run returns where the store is, and creates nothing there', async () => {
    const store = await tempStore();
    const label = await withContext(store, async (ctx) => path.run(ctx));
    if (TEST_BACKEND === 'postgres') expect(label).toMatch(/^postgres(ql)?:\/\//);
    else expect(label).toBe(store);
    expect(await storeCreated(store)).toBe(false);
    if (TEST_BACKEND !== 'postgres') expect(existsSync(store)).toBe(false);
  });

  it('prints it on stdout, and nothing on stderr (argv level)', async () => {
    const store = await tempStore();
    const label = await withContext(store, async (ctx) => path.run(ctx));
    expect(await run(store, ['store', 'path'])).toEqual({ code: 0, stdout: `${label}\n`, stderr: '' });
  });
});
