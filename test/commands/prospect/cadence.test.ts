// `prospect cadence` through its verb: parse turns the span into days (or --clear's none), run stores the rhythm.
import { describe, expect, it } from 'vitest';
import * as cadence from '../../../src/commands/prospect/cadence.js';
import { run, storeWith, withContext } from '../../helpers.js';

describe('prospect cadence (verb)', () => {
  it('parses a span into days, or --clear; both, or neither, is a usage error', () => {
    expect(cadence.parse(['ravi', '2w'], {})).toEqual({ ref: 'ravi', days: 14 });
    expect(cadence.parse(['ravi', 'every 1d'], {})).toEqual({ ref: 'ravi', days: 1 });
    expect(cadence.parse(['ravi', undefined], { clear: true })).toEqual({ ref: 'ravi', days: null });
    expect(() => cadence.parse(['ravi', '1d'], { clear: true })).toThrow(/not both/);
    expect(() => cadence.parse(['ravi', undefined], {})).toThrow(/missing span/);
  });

  it('run returns the record with its rhythm, and without it once cleared', async () => {
    const store = await storeWith();
    expect(await withContext(store, async (ctx) => cadence.run(ctx, cadence.parse(['1', '1d'], {})))).toMatchObject({ id: 1, cadenceDays: 1 });
    expect(await withContext(store, async (ctx) => cadence.run(ctx, cadence.parse(['1', undefined], { clear: true })))).toMatchObject({ id: 1, cadenceDays: null });
  });

  it('says the rhythm and prints the id (argv level)', async () => {
    const store = await storeWith();
    expect(await run(store, ['prospect', 'cadence', 'ravi', '2w'])).toEqual({
      code: 0, stdout: '1\n', stderr: 'Ravi Sen (1): stay in touch every 14 day(s); any touch restarts the clock\n',
    });
  });
});
