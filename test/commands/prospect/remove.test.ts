// `prospect remove` through its verb: run asks first (the question names the record), then removes it with its
// touches and responses and returns the counts; declined, it returns that and the store is untouched.
import { describe, expect, it } from 'vitest';
import * as remove from '../../../src/commands/prospect/remove.js';
import { run, scriptedPrompter, storeBytes, storeWith, storedDoc, withContext } from '../../helpers.js';

describe('prospect remove (verb)', () => {
  it('run with --yes removes the prospect and its touches and returns what went', async () => {
    const store = await storeWith();
    expect((await run(store, ['touch', 'log', 'ravi', 'visit'])).code).toBe(0);
    const result = await withContext(store, async (ctx) => remove.run(ctx, remove.parse(['ravi'])), { global: { yes: true } });
    expect(result).toMatchObject({ removed: true, prospect: { id: 1, name: 'Ravi Sen' }, touches: 1, responses: 0 });
    const doc = await storedDoc(store);
    expect([doc.prospects, doc.touches]).toEqual([[], []]);
  });

  it('run declined at the question returns { removed: false } and writes nothing', async () => {
    const store = await storeWith();
    const before = await storeBytes(store);
    const prompter = scriptedPrompter([false]);
    const result = await withContext(store, async (ctx) => remove.run(ctx, remove.parse(['1'])), { prompter });
    expect(result).toEqual({ removed: false });
    expect(prompter.asked).toEqual(['Remove Ravi Sen (1) with its touches and survey responses?']);
    expect(await storeBytes(store)).toEqual(before);
  });

  it('names the referral links it clears before asking, then what it removed (argv level)', async () => {
    const store = await storeWith();
    expect((await run(store, ['prospect', 'add', 'Anna', '--referred-by', 'ravi'])).code).toBe(0);
    expect(await run(store, ['prospect', 'remove', 'ravi', '--yes'])).toEqual({
      code: 0, stdout: '1\n',
      stderr: 'removing Ravi Sen (1) clears its referral links:\n  referred Anna (2)\nremoved Ravi Sen (1), 0 touch(es) and 0 survey response(s)\n',
    });
  });
});
