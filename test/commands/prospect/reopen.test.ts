// `prospect reopen` through its verb: run returns the record back at the furthest stage it had reached.
import { describe, expect, it } from 'vitest';
import * as reopen from '../../../src/commands/prospect/reopen.js';
import { run, storeWith, withContext } from '../../helpers.js';

describe('prospect reopen (verb)', () => {
  it('run returns the record at its furthest stage before it was lost', async () => {
    const store = await storeWith(['Tomas', '--stage', 'intent']);
    expect((await run(store, ['prospect', 'lose', '1', '--reason', 'moved away'])).code).toBe(0);
    const p = await withContext(store, async (ctx) => reopen.run(ctx, reopen.parse(['tomas'])));
    expect(p).toMatchObject({ id: 1, stage: 'intent', lostReason: null });
  });

  it('a prospect that is not lost is refused (argv level)', async () => {
    const store = await storeWith(['Tomas']);
    const r = await run(store, ['prospect', 'reopen', 'tomas']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
  });

  it('says the stage it is back at and prints the id (argv level)', async () => {
    const store = await storeWith(['Tomas', '--stage', 'engaged']);
    expect((await run(store, ['prospect', 'lose', '1', '--reason', 'moved away'])).code).toBe(0);
    expect(await run(store, ['prospect', 'reopen', 'tomas'])).toEqual({ code: 0, stdout: '1\n', stderr: 'Tomas (1) is reopened at engaged, the furthest stage it had reached\n' });
  });
});
