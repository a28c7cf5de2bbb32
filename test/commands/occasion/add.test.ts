// `occasion add` through its verb: parse checks the day, span and label, run stores the occasion and finds its next day.
import { describe, expect, it } from 'vitest';
import { add } from '../../../src/commands/occasion/add.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

describe('occasion add (verb)', () => {
  it('parses the day, the reminder span (0: the day itself) and the label, before anything is opened', async () => {
    expect(add.parse(['ravi', " wife's birthday ", '03-14'], {}, undefined as never))
      .toEqual({ ref: 'ravi', label: "wife's birthday", day: { month: 3, day: 14, year: null }, remindDays: 7 });
    expect((await add.parse(['12', 'wedding', '2026-06-20'], { remind: '3w' }, undefined as never)).remindDays).toBe(21);
    expect((await add.parse(['12', 'wedding', '2026-06-20'], { remind: '0' }, undefined as never)).remindDays).toBe(0);
    expect(() => add.parse(['ravi', 'birthday', '02-30'], {}, undefined as never)).toThrow(/"02-30" is not a day/);
    expect(() => add.parse(['ravi', ' ', '03-14'], {}, undefined as never)).toThrow(/needs a label/);
    expect(() => add.parse(['ravi', 'birthday', '03-14'], { remind: 'soon' }, undefined as never)).toThrow(/--remind span/);
  });

  it('run returns the stored occasion, its prospect and its next day; a day gone by has none', async () => {
    const store = await storeWith();
    const added = await withContext(store, async (ctx) => add.run(ctx, await add.parse(['ravi', 'birthday', '03-14'], {}, ctx)));
    expect(added.occasion).toEqual({ id: 1, prospectId: 1, label: 'birthday', month: 3, day: 14, year: null, remindDays: 7, createdAt: '2026-03-10T12:00:00.000Z' });
    expect(added.prospect.name).toBe('Ravi Sen');
    expect(added.next).toMatchObject({ inDays: 4 });
    expect((await storedDoc(store)).occasions).toEqual([added.occasion]);
    const gone = await withContext(store, async (ctx) => add.run(ctx, await add.parse(['ravi', 'opening', '2025-12-01'], {}, ctx)));
    expect([gone.occasion.id, gone.next]).toEqual([2, null]);
  });

  it('prints the id and says when it comes next (argv level)', async () => {
    const store = await storeWith();
    expect(await run(store, ['occasion', 'add', 'ravi', 'birthday', '03-14'])).toEqual({
      code: 0, stdout: '1\n', stderr: 'added occasion #1 for Ravi Sen (1): birthday, next 2026-03-14\n',
    });
  });
});
