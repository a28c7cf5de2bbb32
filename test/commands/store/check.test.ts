// `store check` through its verb: run returns a sound store's counts (and the files interrupted writes left), or
// throws the problems as invalid data (exit 65); show says it on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as check from '../../../src/commands/store/check.js';
import { run, tempStore, TEST_BACKEND, withContext } from '../../helpers.js';

describe('store check (verb)', () => {
  it('run returns what a sound store holds, nothing left by interrupted writes', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi Sen']);
    await run(store, ['tally', 'log', 'greeting', '40']);
    const checked = await withContext(store, async (ctx) => check.run(ctx));
    expect(checked.counts).toMatchObject({ prospects: 1, touches: 0, surveys: 0, responses: 0, tallies: 1 });
    expect(checked.strays).toEqual([]);
    expect(checked.label).toBe(await withContext(store, async (ctx) => ctx.stores.label));
  });

  // A database refuses such rows: only a hand-edited file can hold them.
  it.runIf(TEST_BACKEND === 'json')('run throws a store that is not sound as invalid data (exit 65), naming each problem', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi Sen']);
    await run(store, ['touch', 'log', 'ravi', 'call']);
    const doc = JSON.parse(readFileSync(store, 'utf8'));
    doc.touches[0].prospectId = 9;
    writeFileSync(store, JSON.stringify(doc));
    await withContext(store, async (ctx) => {
      await expect(check.run(ctx)).rejects.toMatchObject({ exitCode: 65, details: ['touch 1 points to missing prospect 9'] });
    });
  });

  it('says ok with the counts on stderr, and nothing on stdout (argv level)', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ravi Sen']);
    const label = await withContext(store, async (ctx) => ctx.stores.label);
    expect(await run(store, ['store', 'check'])).toEqual({ code: 0, stdout: '', stderr: `${label}: ok (1 prospect, 0 touches, 0 surveys, 0 responses)\n` });
  });
});
