// store check's summary counts in words a person reads: "1 prospect", not "1 prospects".
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';

describe('store check', () => {
  it('says 1 prospect, 1 touch, 1 survey, 1 response; 2 of each in the plural', async () => {
    const store = await tempStore();
    for (const args of [['prospect', 'add', 'Ravi'], ['touch', 'log', 'ravi', 'call'], ['survey', 'create', 'Taste', '--question', 'score:scale:How good?'],
      ['survey', 'respond', 'taste', '--answer', 'score=4']]) expect((await run(store, args)).code).toBe(0);
    const one = await run(store, ['store', 'check']);
    expect(one.code).toBe(0);
    expect(one.stderr).toMatch(/: ok \(1 prospect, 1 touch, 1 survey, 1 response\)\n$/);
    for (const args of [['prospect', 'add', 'Anna'], ['touch', 'log', 'anna', 'call'], ['survey', 'create', 'Price', '--question', 'fair:scale:Fair?'],
      ['survey', 'respond', 'price', '--answer', 'fair=4']]) expect((await run(store, args)).code).toBe(0);
    expect((await run(store, ['store', 'check'])).stderr).toMatch(/: ok \(2 prospects, 2 touches, 2 surveys, 2 responses\)\n$/);
  });
});
