import { describe, expect, it } from 'vitest';
import { responseMatcher } from '../../../src/domain/queries.js';
import { netPromoterScore, surveyReport } from '../../../src/domain/reports/survey-report.js';
import { topWords, wordsOf } from '../../../src/domain/reports/words.js';
import { newSurvey } from '../../../src/domain/survey.js';
import type { Prospect, Segment, Stage, SurveyResponse } from '../../../src/domain/types.js';

const AT = '2026-03-10T12:00:00.000Z';
const survey = newSurvey(1, 'Brand', ['expect:text:Expect?', 'price:scale:Price?', 'recommend:nps:Recommend?', 'reason:choice(taste|price|location):Why?'], AT);

let nextId = 1;
function response(answers: SurveyResponse['answers'], who: { prospectId?: number; segment?: Segment; stage?: Stage; at?: string } = {}): SurveyResponse {
  return {
    id: nextId++, survey: 'Brand', prospectId: who.prospectId ?? null, segment: who.segment ?? 'anonymous',
    stage: who.stage ?? null, at: who.at ?? AT, answers,
  };
}

describe('netPromoterScore', () => {
  it.each([
    [[10, 9, 8, 0], 25], // 2 promoters, 1 passive, 1 detractor of 4: 50 − 25
    [[10, 10], 100],
    [[6, 0, 3], -100],
    [[7, 8], 0],
    [[9, 6, 7], 0], // 33.3 − 33.3
    [[9, 9, 5], 33.3], // 66.7 − 33.3 = 33.33…
    [[9, 1, 2], -33.3],
  ])('%j → %d', (scores, nps) => {
    expect(netPromoterScore(scores)).toBe(nps);
  });

  it('is null without answers', () => {
    expect(netPromoterScore([])).toBeNull();
  });
});

describe('text words', () => {
  it('lower-cases, drops stop-words, numbers and single letters, keeps apostrophes inside words', () => {
    expect(wordsOf("I'd like FRESH bread, and the baker's smile — 24 hours a day!")).toEqual(["i'd", 'fresh', 'bread', "baker's", 'smile', 'hours', 'day']);
  });

  it('counts a word once per answer, most frequent first, ties alphabetical', () => {
    expect(topWords(['bread bread bread', 'fresh bread', 'Fresh cake', 'cake'], 3)).toEqual([
      { value: 'bread', count: 2 }, { value: 'cake', count: 2 }, { value: 'fresh', count: 2 },
    ]);
  });
});

describe('surveyReport', () => {
  const responses = [
    response({ expect: 'Fresh bread every morning', price: 4, recommend: 10, reason: 'taste' }),
    response({ expect: 'fresh cakes and a smile', price: 2, recommend: 6, reason: 'price' }, { prospectId: 1, segment: 'prospect', stage: 'interested' }),
    response({ price: 5, recommend: 9, reason: 'taste' }, { prospectId: 2, segment: 'customer', stage: 'customer' }),
    response({ recommend: 8 }, { prospectId: 1, segment: 'prospect', stage: 'engaged' }),
    { ...response({ price: 1 }), survey: 'Other' },
  ];
  const prospects = [{ id: 1, source: 'walk-in' }, { id: 2, source: null }] as Prospect[];
  // What the store hands the report: this survey's responses (the 'Other' one is not), by the one rule.
  const ofBrand = responses.filter(responseMatcher({ survey: 'BRAND' }));

  it('one row per question with hand-computed figures', () => {
    expect(surveyReport(survey, ofBrand, prospects)).toEqual([
      { question: 'expect', type: 'text', responses: 2, mean: null, nps: null, distribution: null,
        top: [{ value: 'fresh', count: 2 }, { value: 'bread', count: 1 }, { value: 'cakes', count: 1 }, { value: 'morning', count: 1 }, { value: 'smile', count: 1 }] },
      { question: 'price', type: 'scale', responses: 3, mean: 3.67, nps: null, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 }, top: null },
      { question: 'recommend', type: 'nps', responses: 4, mean: 8.25, nps: 25,
        distribution: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 0, 8: 1, 9: 1, 10: 1 },
        top: [{ value: 'promoters', count: 2 }, { value: 'passives', count: 1 }, { value: 'detractors', count: 1 }] },
      { question: 'reason', type: 'choice', responses: 3, mean: null, nps: null,
        distribution: { taste: 2, price: 1, location: 0 }, top: [{ value: 'taste', count: 2 }, { value: 'price', count: 1 }] },
    ]);
  });

  it('--by segment puts groups in path order with every question per group', () => {
    const rows = surveyReport(survey, ofBrand, prospects, { by: 'segment' });
    expect(rows.map((r) => `${r.group}/${r.question}/${r.responses}`)).toEqual([
      'anonymous/expect/1', 'anonymous/price/1', 'anonymous/recommend/1', 'anonymous/reason/1',
      'prospect/expect/1', 'prospect/price/1', 'prospect/recommend/2', 'prospect/reason/1',
      'customer/expect/0', 'customer/price/1', 'customer/recommend/1', 'customer/reason/1',
    ]);
    expect(rows.find((r) => r.group === 'prospect' && r.question === 'recommend')).toMatchObject({ mean: 7, nps: -50 });
  });

  it('--by stage uses the stage at answer time; --by source the prospect\'s source; anonymous last', () => {
    const stages = surveyReport(survey, ofBrand, prospects, { by: 'stage' }).filter((r) => r.question === 'recommend');
    expect(stages.map((r) => [r.group, r.responses])).toEqual([['interested', 1], ['engaged', 1], ['customer', 1], ['anonymous', 1]]);
    const sources = surveyReport(survey, ofBrand, prospects, { by: 'source' }).filter((r) => r.question === 'recommend');
    expect(sources.map((r) => [r.group, r.responses])).toEqual([['walk-in', 2], ['(none)', 1], ['anonymous', 1]]);
  });

  it('filters by answer time and reports empty questions as zero responses', () => {
    const later = [response({ price: 3 }, { at: '2026-04-01T00:00:00.000Z' }), ...ofBrand];
    const rows = surveyReport(survey, later.filter(responseMatcher({ survey: survey.name, since: '2026-03-15T00:00:00.000Z' })), prospects);
    expect(rows.map((r) => [r.question, r.responses, r.mean])).toEqual([['expect', 0, null], ['price', 1, 3], ['recommend', 0, null], ['reason', 0, null]]);
    expect(rows[0]!.top).toEqual([]);
    expect(rows[2]!.nps).toBeNull();
  });
});
