// `prospect stage` through its verb: parse refuses the stages only a purchase reaches, run moves the record.
import { describe, expect, it } from 'vitest';
import * as stage from '../../../src/commands/prospect/stage.js';
import { run, storeWith, storedDoc, withContext } from '../../helpers.js';

describe('prospect stage (verb)', () => {
  it('parses the stage, refusing an unknown one and customer (only through convert)', () => {
    expect(stage.parse(['ravi', 'Engaged'])).toEqual({ ref: 'ravi', stage: 'engaged' });
    expect(() => stage.parse(['ravi', 'keen'])).toThrow(/keen/);
    expect(() => stage.parse(['ravi', 'customer'])).toThrow(/convert/);
  });

  it('run returns the moved record, its history grown by one', async () => {
    const store = await storeWith();
    const p = await withContext(store, async (ctx) => stage.run(ctx, stage.parse(['1', 'intent'])));
    expect(p).toMatchObject({ id: 1, stage: 'intent' });
    expect(p.stageHistory.map((h) => h.stage)).toEqual(['interested', 'intent']);
    expect((await storedDoc(store)).prospects[0]!.stage).toBe('intent');
  });

  it('says the new stage on stderr and prints the id (argv level)', async () => {
    const store = await storeWith();
    expect(await run(store, ['prospect', 'stage', 'ravi', 'engaged'])).toEqual({ code: 0, stdout: '1\n', stderr: 'Ravi Sen (1) is now engaged\n' });
  });
});
