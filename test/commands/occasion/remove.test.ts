// `occasion remove` through its verb: parse checks the id, run deletes the occasion and returns it as it was.
import { describe, expect, it } from 'vitest';
import { remove } from '../../../src/commands/occasion/remove.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

describe('occasion remove (verb)', () => {
  it('parses a number and refuses anything else as a usage error', () => {
    expect(remove.parse(['3'], {}, undefined as never)).toEqual({ id: 3 });
    expect(() => remove.parse(['third'], {}, undefined as never)).toThrow(/occasion id "third" is not a number/);
  });

  it('run returns the removed occasion, and an unknown id is not found', async () => {
    const store = await storeWith();
    await run(store, ['occasion', 'add', 'ravi', 'birthday', '03-14']);
    const removed = await withContext(store, async (ctx) => remove.run(ctx, { id: 1 }));
    expect(removed).toMatchObject({ id: 1, prospectId: 1, label: 'birthday' });
    expect((await storedDoc(store)).occasions).toEqual([]);
    await expect(withContext(store, async (ctx) => remove.run(ctx, { id: 1 }))).rejects.toMatchObject({ exitCode: 3 });
  });

  it('prints the id and what was removed (argv level)', async () => {
    const store = await storeWith();
    await run(store, ['occasion', 'add', 'ravi', 'birthday', '03-14']);
    expect(await run(store, ['occasion', 'remove', '1'])).toEqual({ code: 0, stdout: '1\n', stderr: 'removed occasion #1: birthday\n' });
  });
});
