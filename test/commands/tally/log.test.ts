// `tally log` through its verb: parse turns flags into a typed tally, run stores it under the next id, show says what is printed.
import { describe, expect, it } from 'vitest';
import { log } from '../../../src/commands/tally/log.js';
import { run, storedDoc, tempStore, withContext } from '../../helpers.js';

describe('tally log (verb)', () => {
  it('parses flags against the clock and the environment, before anything is opened', async () => {
    const store = await tempStore();
    const options = await withContext(store, async (ctx) => log.parse(['sample', '60'], { at: 'yesterday', cost: '900', currency: 'INR', note: ' market ' }, ctx));
    expect(options).toEqual({
      type: 'sample', count: 60, at: '2026-03-09T12:00:00.000Z', note: 'market', by: 'tester',
      cost: { value: 900, currency: 'INR' },
    });
  });

  it('refuses a later day, a bad count and a currency without cost as usage errors', async () => {
    const store = await tempStore();
    await withContext(store, async (ctx) => {
      expect(() => log.parse(['greeting', '4'], { at: 'tomorrow' }, ctx)).toThrow(/after today/);
      expect(() => log.parse(['greeting', 'four'], {}, ctx)).toThrow(/<count>/);
      expect(() => log.parse(['greeting', '4'], { currency: 'EUR' }, ctx)).toThrow(/--currency goes with --cost/);
    });
  });

  it('run returns the stored tally with the next id, and the store holds it', async () => {
    const store = await tempStore();
    const first = await withContext(store, async (ctx) => log.run(ctx, await log.parse(['greeting', '40'], {}, ctx)));
    const second = await withContext(store, async (ctx) => log.run(ctx, await log.parse(['tasting', '5'], { by: 'Asha' }, ctx)));
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(second).toMatchObject({ type: 'tasting', count: 5, by: 'Asha' });
    expect((await storedDoc(store)).tallies).toEqual([first, second]);
  });

  it('prints the id on stdout and says what was logged on stderr (argv level)', async () => {
    const store = await tempStore();
    expect(await run(store, ['tally', 'log', 'greeting', '40'])).toEqual({ code: 0, stdout: '1\n', stderr: 'logged 40 greeting (tally #1)\n' });
  });
});
