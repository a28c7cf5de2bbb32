// The promise a set-based touch import rests on (store/sql/touch-import.ts): recording a touch without a stage or
// follow-up of its own changes nothing of a prospect but updatedAt, and keeps the touch as given, unless
// touchMayChange says it may.
import { describe, expect, it } from 'vitest';
import { STAGES, TOUCH_TYPES, DIRECTIONS, type Prospect } from '../../src/domain/types.js';
import { recordTouch, touchDirection, touchMayChange, type TouchInput } from '../../src/domain/touches.js';
import { addProspect, docWith } from './fixtures.js';

const NOW = '2026-03-10T12:00:00.000Z';

function prospects(): Prospect[] {
  const doc = docWith();
  const all: Prospect[] = [];
  for (const stage of STAGES) {
    all.push(addProspect(doc, `p ${stage}`, '2026-03-01T09:00:00.000Z', {}, stage));
    all.push(addProspect(doc, `f ${stage}`, '2026-03-01T09:00:00.000Z', { followUp: { at: '2026-03-05T09:00:00.000Z', note: 'call' } }, stage));
    all.push(addProspect(doc, `g ${stage}`, '2026-03-01T09:00:00.000Z', { forgottenAt: '2026-03-02T09:00:00.000Z' }, stage));
  }
  return all;
}

const inputs: TouchInput[] = TOUCH_TYPES.flatMap((type) => [undefined, null, ...DIRECTIONS].map((direction) =>
  ({ type, at: '2026-03-06T10:00:00.000Z', note: 'a note', outcome: 'positive' as const, direction, by: 'mitra' })));

describe('touchMayChange', () => {
  it('is false only where a touch moves updatedAt alone and is stored as given', () => {
    let changed = 0;
    for (const p of prospects()) {
      for (const input of inputs) {
        const { touch, prospect } = recordTouch(p, 7, input, NOW);
        const onlyUpdatedAt = JSON.stringify({ ...prospect, updatedAt: p.updatedAt }) === JSON.stringify(p);
        const asGiven = touch.note === input.note && touch.direction === touchDirection(input);
        if (!touchMayChange(p, touchDirection(input))) expect(onlyUpdatedAt && asGiven, `${p.name} ${input.type} ${input.direction}`).toBe(true);
        if (!onlyUpdatedAt || !asGiven) changed++;
        expect(prospect.updatedAt).toBe(NOW);
      }
    }
    // The rule is not vacuous: aware, followed-up and forgotten prospects do change.
    expect(changed).toBeGreaterThan(0);
  });
});
