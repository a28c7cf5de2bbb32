// `prospect follow-up` through its verb: parse turns the date and note into a planned follow-up (or --clear's
// none), run stores it and says whether the date has already passed.
import { describe, expect, it } from 'vitest';
import * as followUp from '../../../src/commands/prospect/follow-up.js';
import { run, storeWith, withContext } from '../../helpers.js';

describe('prospect follow-up (verb)', () => {
  it('parses a date and a note, or --clear; both, or neither, is a usage error', async () => {
    const store = await storeWith();
    await withContext(store, async (ctx) => {
      expect(followUp.parse(['ravi', 'friday', ' offer a slice '], {}, ctx)).toEqual({ ref: 'ravi', followUp: { at: '2026-03-13T12:00:00.000Z', note: 'offer a slice' } });
      expect(followUp.parse(['ravi', undefined, undefined], { clear: true }, ctx)).toEqual({ ref: 'ravi', followUp: null });
      expect(() => followUp.parse(['ravi', 'friday', undefined], { clear: true }, ctx)).toThrow(/not both/);
      expect(() => followUp.parse(['ravi', undefined, undefined], {}, ctx)).toThrow(/missing date/);
    });
  });

  it('run stores the plan and says whether its date has passed; --clear removes it', async () => {
    const store = await storeWith();
    const planned = await withContext(store, async (ctx) => followUp.run(ctx, followUp.parse(['1', '3d', undefined], {}, ctx)));
    expect(planned).toMatchObject({ passed: false, prospect: { followUp: { at: '2026-03-13T12:00:00.000Z', note: null } } });
    const past = await withContext(store, async (ctx) => followUp.run(ctx, followUp.parse(['1', '2026-03-01', 'call back'], {}, ctx)));
    expect(past.passed).toBe(true);
    const cleared = await withContext(store, async (ctx) => followUp.run(ctx, followUp.parse(['1', undefined, undefined], { clear: true }, ctx)));
    expect(cleared).toMatchObject({ passed: false, prospect: { followUp: null } });
  });

  it('warns when the prospect asked not to be contacted (argv level)', async () => {
    const store = await storeWith();
    expect((await run(store, ['prospect', 'do-not-contact', 'ravi'])).code).toBe(0);
    expect(await run(store, ['prospect', 'follow-up', 'ravi', 'friday'])).toEqual({
      code: 0, stdout: '1\n',
      stderr: 'follow-up for Ravi Sen (1) on 2026-03-13\nwarning: Ravi Sen (1) asked not to be contacted; the follow-up will not appear in `precrm due`\n',
    });
  });
});
