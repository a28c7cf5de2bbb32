// `touch log` through its verb: parse turns flags into a typed touch, run stores it and moves its prospect, show says what moved.
import { describe, expect, it } from 'vitest';
import { log } from '../../../src/commands/touch/log.js';
import { run, storedDoc, storeWith, withContext } from '../../helpers.js';

const ravi = () => storeWith(['Ravi Sen', '--email', 'ravi@example.com', '--stage', 'aware'], { now: '2026-03-01T10:00:00Z' });

describe('touch log (verb)', () => {
  it('parses arguments and flags against the clock, before anything is opened', async () => {
    const store = await ravi();
    const options = await withContext(store, async (ctx) => log.parse(['ravi', 'sample', ' cardamom bun '], {
      at: 'yesterday', outcome: 'positive', direction: 'in', stage: 'engaged', followUp: 'friday', next: 'offer a cake', cost: '40', currency: 'INR',
    }, ctx));
    expect(options).toEqual({
      ref: 'ravi',
      input: {
        type: 'sample', at: '2026-03-09T12:00:00.000Z', note: 'cardamom bun', outcome: 'positive', direction: 'in', by: 'tester',
        stage: 'engaged', followUp: { at: '2026-03-13T12:00:00.000Z', note: 'offer a cake' }, cost: { value: 40, currency: 'INR' },
      },
    });
  });

  it('refuses a later day, --next without --follow-up and an unknown type as usage errors', async () => {
    const store = await ravi();
    await withContext(store, async (ctx) => {
      expect(() => log.parse(['ravi', 'call'], { at: 'tomorrow' }, ctx)).toThrow(/after today/);
      expect(() => log.parse(['ravi', 'call'], { next: 'x' }, ctx)).toThrow(/--next needs --follow-up/);
      expect(() => log.parse(['ravi', 'hug'], {}, ctx)).toThrow(/unknown touch type "hug"/);
    });
  });

  it('run returns the stored touch with the prospect before and after; the store holds both', async () => {
    const store = await ravi();
    const logged = await withContext(store, async (ctx) => log.run(ctx, await log.parse(['ravi', 'visit'], { direction: 'in', followUp: '3d' }, ctx)));
    expect(logged.touch).toEqual({
      id: 1, prospectId: 1, type: 'visit', at: '2026-03-10T12:00:00.000Z', note: null, outcome: null, direction: 'in', by: 'tester', cost: null, currency: null,
    });
    expect([logged.before.stage, logged.prospect.stage]).toEqual(['aware', 'interested']);
    expect(logged.prospect.followUp).toEqual({ at: '2026-03-13T12:00:00.000Z', note: null });
    const doc = await storedDoc(store);
    expect(doc.touches).toEqual([logged.touch]);
    expect(doc.prospects[0]).toEqual(logged.prospect);
  });

  it('prints the id, and says on stderr what moved (argv level)', async () => {
    const store = await ravi();
    expect(await run(store, ['touch', 'log', 'ravi', 'visit', '--direction', 'in', '--follow-up', '3d'])).toEqual({
      code: 0, stdout: '1\n',
      stderr: 'logged visit #1 for Ravi Sen (1)\nRavi Sen (1) moved from aware to interested\nnext follow-up 2026-03-13\n',
    });
  });
});
