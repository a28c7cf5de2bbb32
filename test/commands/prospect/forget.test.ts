// `prospect forget` through its verb: run asks, erases the personal data and returns what it did; a second time it
// returns that it was already done; declined, nothing is erased.
import { describe, expect, it } from 'vitest';
import * as forget from '../../../src/commands/prospect/forget.js';
import { run, scriptedPrompter, storeBytes, storeWith, storedDoc, withContext } from '../../helpers.js';

describe('prospect forget (verb)', () => {
  it('run erases the record, returns the anonymous one and what still names the person', async () => {
    const store = await storeWith(['Anna Berg', '--email', 'anna@example.com']);
    expect((await run(store, ['prospect', 'add', 'Jo', '--note', 'friend of Anna Berg'])).code).toBe(0);
    expect((await run(store, ['touch', 'log', '1', 'visit', 'likes rye'])).code).toBe(0);
    const outcome = await withContext(store, async (ctx) => forget.run(ctx, forget.parse(['anna@example.com'])), { global: { yes: true } });
    expect(outcome).toMatchObject({ kind: 'forgotten', prospect: { id: 1, name: null, email: null }, touchNotes: 1, mentions: ['prospect 2 notes'] });
    expect(JSON.stringify(await storedDoc(store))).not.toContain('anna@example.com');
    const again = await withContext(store, async (ctx) => forget.run(ctx, forget.parse(['1'])), { global: { yes: true } });
    expect(again).toMatchObject({ kind: 'already', prospect: { id: 1 }, forgottenAt: '2026-03-10T12:00:00.000Z' });
  });

  it('run declined returns { kind: "declined" } and writes nothing', async () => {
    const store = await storeWith();
    const before = await storeBytes(store);
    const prompter = scriptedPrompter([false]);
    expect(await withContext(store, async (ctx) => forget.run(ctx, forget.parse(['1'])), { prompter })).toEqual({ kind: 'declined' });
    expect(prompter.asked).toEqual(['Erase all personal data of Ravi Sen (1)? This cannot be undone.']);
    expect(await storeBytes(store)).toEqual(before);
  });

  it('a second forget says when it was done (argv level)', async () => {
    const store = await storeWith();
    expect((await run(store, ['prospect', 'forget', '1', '--yes'])).code).toBe(0);
    expect(await run(store, ['prospect', 'forget', '1', '--yes'])).toEqual({ code: 0, stdout: '1\n', stderr: 'prospect 1 was already forgotten on 2026-03-10\n' });
  });
});
