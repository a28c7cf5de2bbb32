// `prospect add` through its verb: parse checks the flags (or leaves the fields to ask), run stores the prospect
// and returns it with what it lifted off the suppression list and the prospects that look like it.
import { describe, expect, it } from 'vitest';
import * as add from '../../../src/commands/prospect/add.js';
import { run, scriptedPrompter, storedDoc, tempStore, withContext } from '../../helpers.js';

describe('prospect add (verb)', () => {
  it('parses the flags into checked fields before anything is opened', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => add.parse(['Ravi Sen'], { source: 'Walk-in', tag: ['cakes'], followUp: 'friday', next: 'offer a slice' }, ctx));
    expect(options).toMatchObject({ ask: false, allowDuplicate: false, country: null });
    expect(options.ask === false && options.parsed.input).toMatchObject({
      name: 'Ravi Sen', source: 'walk-in', tags: ['cakes'], followUp: { at: '2026-03-13T12:00:00.000Z', note: 'offer a slice' },
    });
  });

  it('leaves the fields to ask only at a terminal, and refuses a bad flag before the first question', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      await expect(add.parse([undefined], {}, ctx)).rejects.toThrow(/^missing name/);
      expect(await add.parse([undefined], { description: 'blue scarf' }, ctx)).toMatchObject({ ask: false, parsed: { input: { description: 'blue scarf' } } });
    });
    await withContext(store, async (ctx) => {
      expect(await add.parse([undefined], { source: 'market' }, ctx)).toMatchObject({ ask: true, flags: { source: 'market' } });
      await expect(add.parse([undefined], { email: 'not-an-email' }, ctx)).rejects.toThrow(/email/);
    }, { prompter: scriptedPrompter([]) });
  });

  it('run returns the stored prospect, and the earlier ones it looks like', async () => {
    const store = await tempStore();
    const first = await withContext(store, async (ctx) => add.run(ctx, await add.parse(['Ravi Sen'], { email: 'ravi@example.com' }, ctx)));
    expect(first).toMatchObject({ prospect: { id: 1, name: 'Ravi Sen', stage: 'interested' }, lifted: [], lookalikes: [] });
    const second = await withContext(store, async (ctx) => add.run(ctx, await add.parse(['ravi sen'], {}, ctx)));
    expect(second.prospect.id).toBe(2);
    expect(second.lookalikes.map((p) => p.id)).toEqual([1]);
    expect((await storedDoc(store)).prospects.map((p) => p.name)).toEqual(['Ravi Sen', 'ravi sen']);
  });

  it('run asks for the fields it was left (a question checked against the store)', async () => {
    const store = await tempStore();
    const prompter = scriptedPrompter(['Anna', 'anna@example.com', '', 'market', 'engaged', '']);
    const result = await withContext(store, async (ctx) => add.run(ctx, await add.parse([undefined], {}, ctx)), { prompter });
    expect(result.prospect).toMatchObject({ id: 1, name: 'Anna', email: 'anna@example.com', source: 'market', stage: 'engaged' });
  });

  it('prints the id on stdout and says what was added on stderr (argv level)', async () => {
    const store = await tempStore();
    expect(await run(store, ['prospect', 'add', 'Ravi Sen'])).toEqual({ code: 0, stdout: '1\n', stderr: 'added prospect 1 (Ravi Sen)\n' });
  });
});
