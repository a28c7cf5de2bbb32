import { describe, expect, it } from 'vitest';
import { findSurvey, newSurvey, parseAnswer, parseAnswerAssignments, parseQuestionSpec, segmentOf } from '../../src/domain/survey.js';
import type { Prospect, Stage } from '../../src/domain/types.js';

const AT = '2026-03-10T12:00:00.000Z';
const survey = newSurvey(1, 'Brand', [
  'expect:text:What do you expect?',
  'price:scale:How fair are our prices?',
  'recommend:nps:Would you recommend us?',
  'reason:choice(Taste|price|friendliness):Why: really?',
], AT);
const q = (key: string) => survey.questions.find((x) => x.key === key)!;

describe('parseQuestionSpec', () => {
  it('parses each type; the text may hold colons; choices keep their spelling; keys are lower-cased', () => {
    expect(parseQuestionSpec('Price:scale:How fair: really?')).toEqual({ key: 'price', type: 'scale', text: 'How fair: really?', choices: null });
    expect(parseQuestionSpec('r:nps:Recommend?')).toEqual({ key: 'r', type: 'nps', text: 'Recommend?', choices: null });
    expect(parseQuestionSpec('e:TEXT:Expect?')).toEqual({ key: 'e', type: 'text', text: 'Expect?', choices: null });
    expect(parseQuestionSpec('why:choice( Taste | price ):Why: us?')).toEqual({ key: 'why', type: 'choice', text: 'Why: us?', choices: ['Taste', 'price'] });
  });

  it('defaults a missing text to the key', () => {
    expect(parseQuestionSpec('reason:choice(a|b)')).toMatchObject({ key: 'reason', text: 'reason', choices: ['a', 'b'] });
    expect(parseQuestionSpec('price:scale')).toMatchObject({ key: 'price', text: 'price' });
  });

  it.each([
    ['nocolon', /is not key:type:text/],
    ['1abc:text:x', /must start with a letter/],
    ['__proto__:text:x', /must start with a letter/],
    ['k:stars:x', /unknown type "stars" \(use one of: scale, nps, choice\(a\|b\|c\), text\)/],
    ['k:choice():x', /empty choice/],
    ['k:choice(a||b):x', /empty choice/],
    ['k:choice(a):x', /at least two choices/],
    ['k:choice(a|A):x', /lists the choice "A" twice/],
    ['k:choice(a|b\u001b[31m):x', /control character/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseQuestionSpec(spec)).toThrow(message);
  });

  it('newSurvey refuses repeated keys (in any case) and a survey without questions', () => {
    expect(() => newSurvey(1, 'x', ['a:text:x', 'A:scale:y'], AT)).toThrow(/question key "a" is used twice/);
    expect(() => newSurvey(1, 'x', [], AT)).toThrow(/at least one --question/);
    expect(() => newSurvey(1, '  ', ['a:text'], AT)).toThrow(/name is empty/);
  });
});

describe('parseAnswer', () => {
  it('scale takes whole numbers 1–5', () => {
    expect(parseAnswer(q('price'), ' 1 ')).toBe(1);
    expect(parseAnswer(q('price'), '5')).toBe(5);
    for (const bad of ['0', '6', '3.5', '-1', 'four', '']) {
      expect(() => parseAnswer(q('price'), bad)).toThrow(/question "price" \(How fair are our prices\?\) must be a whole number from 1 to 5/);
    }
  });

  it('nps takes whole numbers 0–10', () => {
    expect(parseAnswer(q('recommend'), '0')).toBe(0);
    expect(parseAnswer(q('recommend'), '10')).toBe(10);
    for (const bad of ['11', '9.5', '1e1', ' ']) expect(() => parseAnswer(q('recommend'), bad)).toThrow(/from 0 to 10/);
  });

  it('choice matches case-insensitively and stores the canonical spelling', () => {
    expect(parseAnswer(q('reason'), 'taste')).toBe('Taste');
    expect(parseAnswer(q('reason'), ' PRICE ')).toBe('price');
    expect(() => parseAnswer(q('reason'), 'location')).toThrow(/"location" to question "reason" .* is not one of: Taste, price, friendliness/);
  });

  it('text is trimmed and must not be empty', () => {
    expect(parseAnswer(q('expect'), '  fresh bread ')).toBe('fresh bread');
    expect(() => parseAnswer(q('expect'), '   ')).toThrow(/answer to question "expect" .* is empty/);
  });

  it('assignments: keys case-insensitive, values may contain =, unknown or repeated keys refused', () => {
    expect(parseAnswerAssignments(survey, ['PRICE=4', 'expect=a=b'])).toEqual({ price: 4, expect: 'a=b' });
    expect(() => parseAnswerAssignments(survey, ['colour=red'])).toThrow(/no question "colour" \(keys: expect, price, recommend, reason\)/);
    expect(() => parseAnswerAssignments(survey, ['price'])).toThrow(/not key=value/);
    expect(() => parseAnswerAssignments(survey, ['price=1', 'Price=2'])).toThrow(/answered twice/);
  });
});

describe('findSurvey', () => {
  it('finds by name in any case, then by id; none is exit 3', () => {
    expect(findSurvey([survey], 'bRAND').id).toBe(1);
    expect(findSurvey([survey], '1').name).toBe('Brand');
    expect(() => findSurvey([survey], 'nope')).toThrow(expect.objectContaining({ exitCode: 3 }));
  });
});

describe('segmentOf', () => {
  const person = (stage: Stage, history: Stage[] = [stage]) =>
    ({ stage, stageHistory: history.map((s) => ({ stage: s, at: AT })) }) as Pick<Prospect, 'stage' | 'stageHistory'>;

  it.each([
    ['aware', 'prospect'], ['interested', 'prospect'], ['engaged', 'prospect'], ['intent', 'prospect'],
    ['customer', 'customer'], ['advocate', 'customer'],
  ] as const)('%s → %s', (stage, segment) => {
    expect(segmentOf(person(stage))).toBe(segment);
  });

  it('anonymous without a prospect; lost by the furthest stage reached before', () => {
    expect(segmentOf(null)).toBe('anonymous');
    expect(segmentOf(person('lost', ['interested', 'engaged', 'lost']))).toBe('prospect');
    expect(segmentOf(person('lost', ['interested', 'customer', 'lost']))).toBe('customer');
  });
});
