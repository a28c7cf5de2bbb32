// The respondent as they stood when answering: stage history up to that instant, not today's stage.
import { describe, expect, it } from 'vitest';
import { newResponse, newSurvey, prospectAt, responseKey } from '../../src/domain/survey.js';
import type { Prospect } from '../../src/domain/types.js';

const survey = newSurvey(1, 'Brand', ['price:scale:How fair?'], '2026-01-01T00:00:00.000Z');
const ravi = {
  id: 7, stage: 'lost',
  stageHistory: [
    { stage: 'interested', at: '2026-02-01T10:00:00.000Z' },
    { stage: 'customer', at: '2026-03-01T10:00:00.000Z' },
    { stage: 'lost', at: '2026-05-01T10:00:00.000Z' },
  ],
} as unknown as Prospect;

describe('prospectAt / newResponse', () => {
  it.each([
    ['2026-01-15T00:00:00.000Z', 'interested', 'prospect'], // before he was recorded: the stage he came in at
    ['2026-02-01T10:00:00.000Z', 'interested', 'prospect'], // the instant of a change counts as after it
    ['2026-02-28T23:59:59.999Z', 'interested', 'prospect'],
    ['2026-03-01T10:00:00.000Z', 'customer', 'customer'],
    ['2026-06-01T00:00:00.000Z', 'lost', 'customer'], // lost after buying: still a customer
  ])('answering at %s: stage %s, segment %s', (at, stage, segment) => {
    expect(prospectAt(ravi, at).stage).toBe(stage);
    expect(newResponse(3, survey, ravi, at, { price: 4 })).toEqual({ id: 3, survey: 'Brand', prospectId: 7, segment, stage, at, answers: { price: 4 } });
  });

  it('a lost prospect who never bought is a prospect; lost is judged on the history up to then', () => {
    const anna = { stage: 'interested', stageHistory: [
      { stage: 'engaged', at: '2026-02-01T00:00:00.000Z' }, { stage: 'lost', at: '2026-02-10T00:00:00.000Z' },
      { stage: 'customer', at: '2026-04-01T00:00:00.000Z' },
    ] } as unknown as Prospect;
    expect(newResponse(1, survey, anna, '2026-03-01T00:00:00.000Z', {})).toMatchObject({ segment: 'prospect', stage: 'lost' });
  });

  it('anonymous without a prospect', () => {
    expect(newResponse(1, survey, null, '2026-03-01T00:00:00.000Z', { price: 2 })).toMatchObject({ prospectId: null, segment: 'anonymous', stage: null });
  });

  it('responseKey ignores answer order, time spelling and survey-name case, but not respondent or answers', () => {
    const base = { survey: 'Brand', at: '2026-03-01T10:00:00.000Z', prospectId: null, answers: { a: 1, b: 'x' } };
    expect(responseKey({ ...base, survey: 'brand', at: '2026-03-01T10:00:00Z', answers: { b: 'x', a: 1 } })).toBe(responseKey(base));
    expect(responseKey({ ...base, prospectId: 1 })).not.toBe(responseKey(base));
    expect(responseKey({ ...base, answers: { a: 1, b: 'X' } })).not.toBe(responseKey(base));
  });
});
