// `prospect lose` through its verb: parse refuses an empty reason, run returns the lost record and whether it already was.
import { describe, expect, it } from 'vitest';
import * as lose from '../../../src/commands/prospect/lose.js';
import { run, storeWith, withContext } from '../../helpers.js';

describe('prospect lose (verb)', () => {
  it('parses the reason, trimmed; an empty one is a usage error', () => {
    expect(lose.parse(['tomas'], { reason: ' moved to Madrid ' })).toEqual({ ref: 'tomas', reason: 'moved to Madrid' });
    expect(() => lose.parse(['tomas'], { reason: '  ' })).toThrow(/--reason is empty/);
  });

  it('run returns the lost record; a second time, that it was already lost', async () => {
    const store = await storeWith(['Tomas', '--stage', 'engaged']);
    const first = await withContext(store, async (ctx) => lose.run(ctx, lose.parse(['1'], { reason: 'moved away' })));
    expect(first).toMatchObject({ wasLost: false, prospect: { id: 1, stage: 'lost', lostReason: 'moved away' } });
    const again = await withContext(store, async (ctx) => lose.run(ctx, lose.parse(['1'], { reason: 'moved to Madrid' })));
    expect(again).toMatchObject({ wasLost: true, prospect: { stage: 'lost', lostReason: 'moved to Madrid' } });
  });

  it('says how to reopen and prints the id (argv level)', async () => {
    const store = await storeWith(['Tomas']);
    expect(await run(store, ['prospect', 'lose', 'tomas', '--reason', 'moved away'])).toEqual({
      code: 0, stdout: '1\n', stderr: 'Tomas (1) is lost (reopen with: precrm prospect reopen 1)\n',
    });
  });
});
