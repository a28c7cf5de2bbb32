// `touch remove` through its verb: parse checks the id, run deletes the touch and returns it as it was.
import { describe, expect, it } from 'vitest';
import { remove } from '../../../src/commands/touch/remove.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

describe('touch remove (verb)', () => {
  it('parses a number and refuses anything else as a usage error', () => {
    expect(remove.parse([' 42 '], {}, undefined as never)).toEqual({ id: 42 });
    expect(() => remove.parse(['two'], {}, undefined as never)).toThrow(/touch id "two" is not a number/);
  });

  it('run returns the removed touch, and an unknown id is not found', async () => {
    const store = await storeWith();
    await run(store, ['touch', 'log', 'ravi', 'greeting']);
    await run(store, ['touch', 'log', 'ravi', 'call']);
    const removed = await withContext(store, async (ctx) => remove.run(ctx, { id: 1 }));
    expect(removed).toMatchObject({ id: 1, type: 'greeting', prospectId: 1 });
    expect((await storedDoc(store)).touches.map((t) => t.id)).toEqual([2]);
    await expect(withContext(store, async (ctx) => remove.run(ctx, { id: 1 }))).rejects.toMatchObject({ exitCode: 3 });
  });

  it('prints the id and what was removed (argv level)', async () => {
    const store = await storeWith();
    await run(store, ['touch', 'log', 'ravi', 'greeting', '--at', '2026-03-09T08:00']);
    expect(await run(store, ['touch', 'remove', '1'])).toEqual({ code: 0, stdout: '1\n', stderr: 'removed greeting #1 of 2026-03-09\n' });
  });
});
