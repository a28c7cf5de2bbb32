import { describe, expect, it } from 'vitest';
import { outcomeAnswers, surveyOutcome } from '../../../src/domain/reports/survey-outcome.js';
import { newSurvey } from '../../../src/domain/survey.js';
import type { Stage, SurveyResponse } from '../../../src/domain/types.js';

const survey = newSurvey(1, 'Brand', ['expect:text:Expect?', 'price:scale:Price?', 'recommend:nps:Recommend?', 'reason:choice(taste|price):Why?'], '2026-01-01T00:00:00.000Z');
const NOW = '2026-06-30T12:00:00.000Z';
const day = (d: string) => `2026-${d}T12:00:00.000Z`;

let nextId = 1;
function answer(answers: SurveyResponse['answers'], at: string, prospectId: number | null = null, stage: Stage | null = null): SurveyResponse {
  return { id: nextId++, survey: 'Brand', prospectId, segment: prospectId === null ? 'anonymous' : 'prospect', stage, at, answers };
}
let nextPurchase = 1;
const bought = (prospectId: number, at: string) => ({ id: nextPurchase++, prospectId, at });

describe('outcomeAnswers', () => {
  it('lists each choice, each scale value, the three NPS groups, and nothing for text', () => {
    expect(survey.questions.map(outcomeAnswers)).toEqual([[], ['1', '2', '3', '4', '5'], ['promoters', 'passives', 'detractors'], ['taste', 'price']]);
  });
});

describe('surveyOutcome', () => {
  // Everyone answers reason; 90-day window.
  //  p1 answers taste on 01-10 (stage interested), buys 02-09 (30 days later) and again 03-01 (50 days after): first + second.
  //  p2 answers taste on 01-10, buys 05-01 (111 days later): outside the window, window ended 04-10 < now: not open.
  //  p3 answers taste on 01-10 as a customer (stage customer): already a customer, whatever it buys.
  //  p4 answers taste on 03-01 with a purchase on 02-01 before it (stage null, an import): already a customer.
  //  p5 answers taste on 06-20, has not bought; its window ends 09-18 > now: still open.
  //  p6 answers taste on 01-10 and buys 01-20 (10 days), then 06-01 (142 days, outside): first only.
  //  p1 answers taste again on 02-01: counted once, from its earliest answer.
  //  two anonymous taste answers, one anonymous price answer: not linked.
  //  p7 answers price on 01-10 and buys at that very moment: first purchase at 0 days.
  // taste: linked 6 (p1..p6), already 2 (p3, p4), eligible 4 (p1, p2, p5, p6), first 2 (p1, p6) → rate 0.5;
  //   second 1 (p1) of 2 → 0.5; days 30 and 10 → median 20; still open 1 (p5).
  // price: linked 1, first 1 → rate 1, days 0, second 0 → rate 0.
  const responses = [
    answer({ reason: 'taste' }, day('01-10'), 1, 'interested'),
    answer({ reason: 'taste' }, day('01-10'), 2, 'engaged'),
    answer({ reason: 'taste' }, day('01-10'), 3, 'customer'),
    answer({ reason: 'taste' }, day('03-01'), 4, null),
    answer({ reason: 'taste' }, day('06-20'), 5, 'aware'),
    answer({ reason: 'taste' }, day('01-10'), 6, 'intent'),
    answer({ reason: 'taste' }, day('02-01'), 1, 'customer'),
    answer({ reason: 'taste' }, day('01-11')),
    answer({ reason: 'taste' }, day('01-12')),
    answer({ reason: 'price' }, day('01-13')),
    answer({ reason: 'price' }, day('01-10'), 7, 'intent'),
  ];
  const purchases = [
    bought(1, day('03-01')), bought(1, day('02-09')), bought(2, day('05-01')), bought(3, day('02-01')),
    bought(4, day('02-01')), bought(6, day('01-20')), bought(6, day('06-01')), bought(7, day('01-10')),
  ];
  const rows = surveyOutcome(survey, responses, purchases, { withinDays: 90, now: NOW });
  const reason = rows.filter((r) => r.question === 'reason');

  it('counts first and second purchases within the window, customers apart, anonymous answers as not linked', () => {
    expect(reason).toEqual([
      {
        question: 'reason', answer: 'taste', not_linked: 2, linked: 6, already_customers: 2, first_purchases: 2, first_rate: 0.5,
        second_purchases: 1, second_rate: 0.5, median_days: 20, still_open: 1,
      },
      {
        question: 'reason', answer: 'price', not_linked: 1, linked: 1, already_customers: 0, first_purchases: 1, first_rate: 1,
        second_purchases: 0, second_rate: 0, median_days: 0, still_open: 0,
      },
    ]);
  });

  it('lists every answer of every non-text question, unanswered ones with zeros and null rates', () => {
    expect(rows.map((r) => `${r.question}:${r.answer}`)).toEqual([
      'price:1', 'price:2', 'price:3', 'price:4', 'price:5', 'recommend:promoters', 'recommend:passives', 'recommend:detractors', 'reason:taste', 'reason:price',
    ]);
    expect(rows[0]).toMatchObject({ linked: 0, first_rate: null, second_rate: null, median_days: null });
  });

  it('puts NPS scores in their groups and a scale answer under its value', () => {
    // 10 and 9 promoters, 8 passive, 6 and 0 detractors; p8 (a 9) bought 3 days after answering.
    const scores = [10, 9, 8, 6, 0].map((s, i) => answer({ recommend: s, price: s > 5 ? 5 : 1 }, day('06-01'), i === 1 ? 8 : null, i === 1 ? 'aware' : null));
    const out = surveyOutcome(survey, scores, [bought(8, day('06-04'))], { withinDays: 30, now: NOW });
    expect(out.filter((r) => r.question === 'recommend').map((r) => [r.answer, r.not_linked, r.linked, r.first_purchases, r.median_days]))
      .toEqual([['promoters', 1, 1, 1, 3], ['passives', 1, 0, 0, null], ['detractors', 2, 0, 0, null]]);
    expect(out.filter((r) => r.question === 'price').map((r) => r.not_linked + r.linked)).toEqual([1, 0, 0, 0, 4]);
  });

  it('a shorter window drops purchases beyond it: at 20 days p1 (30 days) no longer counts', () => {
    const short = surveyOutcome(survey, responses, purchases, { withinDays: 20, now: NOW }).find((r) => r.answer === 'taste')!;
    // first: p6 only (10 days), its second (142 days) outside; p5's window (06-20 + 20 = 07-10) is still running.
    expect(short).toMatchObject({ first_purchases: 1, first_rate: 0.25, second_purchases: 0, median_days: 10, still_open: 1 });
  });
});
